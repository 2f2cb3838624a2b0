/**
 * The server's administration routes as typed calls. The server decides what an administrator may
 * see and change (their own data scope); these only carry the requests and replies.
 */
import type { ServerAccount, ServerConnection } from '@nongan/client';
import { local, type Locale } from '../shell/i18n.js';
import { routeHash } from '../shell/routes.js';

export interface Named {
  key: string;
  label: { zh: string; en: string };
}

export interface AdminCatalogue {
  roles: Named[];
  dataScopes: Named[];
  organisationKinds: Named[];
  auditKinds: Named[];
}

export interface Organisation {
  id: string;
  name: { zh: string; en: string };
  kind: string;
  region: string;
  division: string;
  parentId: string | null;
}

export interface AuditRow {
  at: number;
  kind: string;
  accountId: string | null;
  login: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

/** A one-time link to set a password: its token goes into the portal's `#/set-password/…` address. */
export interface PasswordLink {
  token: string;
  expiresAt: number;
}

export interface NewAccount {
  login: string;
  displayName: string;
  roles: string[];
  organisationId?: string;
  temporaryPassword?: string;
}

/** What a restore changed: the cases replaced, the forms, organisations and farms added or already there. */
export interface RestoreSummary {
  instances: number;
  journal: number;
  timers: number;
  outbox: number;
  designs: { added: number; kept: number };
  organisations: { added: number; kept: number };
  subjects: { added: number; kept: number };
}

/** The server's backup file (its format is the server's; the portal only counts its cases). */
export interface ServerBackupFile {
  format: string;
  exportedAt: string;
  engine: { instances: unknown[] };
}

export interface AdminApi {
  catalogue(): Promise<AdminCatalogue>;
  accounts(): Promise<ServerAccount[]>;
  organisations(): Promise<Organisation[]>;
  audit(limit?: number): Promise<AuditRow[]>;
  createAccount(input: NewAccount): Promise<{ account: ServerAccount; invitation?: PasswordLink }>;
  setDisabled(accountId: string, disabled: boolean): Promise<ServerAccount>;
  unlock(accountId: string): Promise<void>;
  passwordReset(accountId: string): Promise<PasswordLink>;
  backup(): Promise<ServerBackupFile>;
  restore(file: unknown): Promise<RestoreSummary>;
}

const path = (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}`;

export function adminApi(connection: ServerConnection): AdminApi {
  return {
    catalogue: () => connection.request('GET', '/api/admin/catalogue'),
    accounts: () => connection.request('GET', '/api/admin/accounts', undefined, { query: { limit: 500 } }),
    organisations: () => connection.request('GET', '/api/admin/organisations'),
    audit: (limit = 50) => connection.request('GET', '/api/admin/audit', undefined, { query: { limit } }),
    createAccount: (input) => connection.request('POST', '/api/admin/accounts', input),
    setDisabled: (accountId, disabled) => connection.request('PATCH', path(accountId), { disabled }),
    unlock: async (accountId) => {
      await connection.request('POST', `${path(accountId)}/unlock`, {});
    },
    passwordReset: (accountId) => connection.request('POST', `${path(accountId)}/password-reset`, {}),
    backup: () => connection.request('GET', '/api/admin/backup'),
    restore: (file) => connection.request('POST', '/api/admin/restore', file),
  };
}

/** The address a person opens to set their password (an invitation or a reset). */
export function passwordLinkAddress(origin: string, pathname: string, link: PasswordLink): string {
  return `${origin}${pathname}${routeHash({ page: 'set-password', token: link.token })}`;
}

/** What the administration pages show, loaded together. */
export interface AdminData {
  catalogue: AdminCatalogue;
  accounts: ServerAccount[];
  organisations: Organisation[];
}

/** A catalogue entry's name in the current language, or the fallback when the server does not know it. */
export function labelOf(list: readonly Named[], key: string, locale: Locale, fallback: string): string {
  const found = list.find((entry) => entry.key === key);
  return found ? local(found.label, locale) : fallback;
}
