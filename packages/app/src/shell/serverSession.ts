/**
 * A server account as the portal's session: the region it works in, the role its pages are laid out
 * for, the farm it acts for. The server decides what the account may do on every request; this only
 * chooses which pages and links the portal offers.
 */
import type { Actor } from '@nongan/engine';
import type { ServerAccount } from '@nongan/client';
import { isPortalRegion, isPortalRole, PORTAL_REGIONS, PORTAL_ROLES, type PortalRole, type Session } from './session.js';

export const ADMIN_ROLE = 'admin';

/** The role the portal lays its pages out for: the first of the account's roles in the sign-in's order. */
export function primaryRole(roles: readonly string[]): PortalRole | typeof ADMIN_ROLE {
  if (roles.includes(ADMIN_ROLE)) return ADMIN_ROLE;
  return PORTAL_ROLES.find((r) => roles.includes(r)) ?? 'public';
}

export function sessionOfAccount(account: ServerAccount): Session {
  const role = primaryRole(account.roles);
  // An account of no region (a national office, the administrator) starts on the first region's pages.
  const region = isPortalRegion(account.region) ? account.region : PORTAL_REGIONS[0];
  const farmId = account.subjects[0];
  return {
    region,
    role,
    ...(farmId && (role === 'producer' || role === 'third-party') ? { farmId } : {}),
    account: { login: account.login, displayName: account.displayName, roles: [...account.roles] },
  };
}

/** The account as an engine actor, for the widgets (the server builds its own from the session). */
export function actorOfAccount(account: ServerAccount): Actor {
  return {
    id: account.id,
    roles: account.roles.filter((r) => isPortalRole(r)),
    ...(account.region ? { region: account.region } : {}),
    ...(account.subjects.length > 0 ? { subjects: [...account.subjects] } : {}),
  };
}
