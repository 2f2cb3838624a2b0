/**
 * Demo sign-in: a region and a role (and, for a producer, the farm it acts for) become the engine
 * actor. The portal never decides permissions itself: it hands this actor to the engine, which
 * accepts or refuses each action.
 */
import type { Actor } from '@nongan/engine';
import { regionName, roleName } from './labels.js';

/** Role ids of DOMAIN.md §Roles, in the order the sign-in lists them. */
export const PORTAL_ROLES = [
  'producer',
  'third-party',
  'inspector',
  'supervision',
  'district',
  'expert-office',
  'municipal',
  'lab',
  'enforcement',
  'public',
  'config',
] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

export const PORTAL_REGIONS = ['beijing', 'jiyuan', 'kaizhou', 'inner-mongolia', 'luoyang'] as const;
export type PortalRegion = (typeof PORTAL_REGIONS)[number];

export interface Session {
  region: PortalRegion;
  /** `admin`: a server's administrator (server mode only). */
  role: PortalRole | 'admin';
  /** The signed-in server account (server mode only). */
  account?: { login: string; displayName: string; roles: string[] };
  /** The farm a producer (or a third party acting for it) signs in for: its subject id in the engine. */
  farmId?: string;
}

export const SESSION_KEY = 'nongan-portal-session';

export function isPortalRole(value: unknown): value is PortalRole {
  return typeof value === 'string' && (PORTAL_ROLES as readonly string[]).includes(value);
}

export function isPortalRegion(value: unknown): value is PortalRegion {
  return typeof value === 'string' && (PORTAL_REGIONS as readonly string[]).includes(value);
}

/** A session from untrusted JSON (localStorage), or null when it is not one. */
export function parseSession(raw: string | null): Session | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { region, role, farmId } = value as Record<string, unknown>;
  if (!isPortalRegion(region) || !isPortalRole(role)) return null;
  if (actsForFarm(role)) return typeof farmId === 'string' && farmId !== '' ? { region, role, farmId } : null;
  return { region, role };
}

/** Roles that act for one farm: the farm itself, and (Jiyuan) a third-party provider acting for it. */
export function actsForFarm(role: PortalRole | 'admin'): boolean {
  return role === 'producer' || role === 'third-party';
}

/** The engine actor for a session. A farm's actor acts only for that farm (the engine checks `subjects`). */
export function actorOf(session: Session): Actor {
  if (actsForFarm(session.role)) {
    if (!session.farmId) throw new TypeError(`a ${session.role} session needs farmId / 该角色登录须选择主体`);
    return { id: `${session.role}:${session.farmId}`, roles: [session.role], region: session.region, subjects: [session.farmId] };
  }
  // The name the journal and other people see (the server's demo accounts are named alike).
  const name = `${regionName(session.region, 'zh-CN')} · ${roleName(session.role, session.region, 'zh-CN')}`;
  return { id: `${session.role}:${session.region}`, name, roles: [session.role], region: session.region };
}
