/**
 * Accounts in PostgreSQL: who a person is, the organisation they work for, what they may act as
 * (roles, region, the farms they act for) and over which divisions (data scope). Password hashes and
 * TOTP secrets are read only by the sign-in path and never leave it.
 */
import type { Actor } from '@nongan/engine';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { DATA_SCOPES, divisionsOfScope, type DataScope } from '../directory/dataScope.js';
import { apiError } from '../http/errors.js';
import { hashPassword } from './passwords.js';

/** The server's own role: manages accounts, organisations and farms (no lifecycle events). */
export const ADMIN_ROLE = 'admin';

export interface Account {
  id: string;
  login: string;
  displayName: string;
  roles: string[];
  region: string | null;
  subjects: string[];
  organisationId: string | null;
  /** The organisation's division (read with the account, for the data scope). */
  organisationDivision: string | null;
  dataScope: DataScope;
  customDivisions: string[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
}

export interface NewAccount {
  id?: string;
  login: string;
  displayName: string;
  password?: string;
  roles: readonly string[];
  region?: string | null;
  subjects?: readonly string[];
  organisationId?: string | null;
  dataScope?: DataScope;
  customDivisions?: readonly string[];
  mustChangePassword?: boolean;
}

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  roles: string[];
  region: string | null;
  subjects: string[];
  organisation_id: string | null;
  organisation_division: string | null;
  data_scope: DataScope;
  custom_divisions: string[];
  must_change_password: boolean;
  totp_enabled: boolean;
  disabled: boolean;
}

/** Columns of an account with its organisation's division; use with ACCOUNT_FROM. */
export const ACCOUNT_COLUMNS =
  'a.id, a.login, a.display_name, a.roles, a.region, a.subjects, a.organisation_id, o.division AS organisation_division, a.data_scope, a.custom_divisions, a.must_change_password, (a.totp_secret IS NOT NULL) AS totp_enabled, a.disabled';
export const ACCOUNT_FROM = 'nongan_accounts a LEFT JOIN nongan_organisations o ON o.id = a.organisation_id';

export function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: row.roles,
    region: row.region,
    subjects: row.subjects,
    organisationId: row.organisation_id,
    organisationDivision: row.organisation_division,
    dataScope: row.data_scope,
    customDivisions: row.custom_divisions,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
    disabled: row.disabled,
  };
}

/** The engine's actor for an account: built here, on the server, never from what a client sends. */
export function actorOf(account: Account): Actor {
  const divisions = divisionsOfScope(account.dataScope, account.organisationDivision, account.customDivisions);
  return {
    id: account.id,
    name: account.displayName,
    roles: account.roles,
    ...(account.region ? { region: account.region } : {}),
    subjects: account.subjects,
    ...(divisions !== undefined ? { divisions } : {}),
  };
}

export function checkDataScope(value: string): asserts value is DataScope {
  if (!(DATA_SCOPES as readonly string[]).includes(value)) {
    throw apiError('invalid-input', `dataScope must be one of ${DATA_SCOPES.join(', ')}`, `数据范围须为 ${DATA_SCOPES.join('、')} 之一`, { path: 'dataScope' });
  }
}

export class AccountStore {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: NewAccount): Promise<Account> {
    const id = input.id ?? globalThis.crypto.randomUUID();
    const hash = input.password === undefined ? null : await hashPassword(input.password);
    const scope = input.dataScope ?? 'org-and-below';
    checkDataScope(scope);
    const { rowCount } = await this.db.query(
      `INSERT INTO nongan_accounts (id, login, display_name, password_hash, roles, region, subjects, organisation_id, data_scope, custom_divisions, must_change_password, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [id, input.login, input.displayName, hash, [...input.roles], input.region ?? null, [...(input.subjects ?? [])], input.organisationId ?? null, scope, [...(input.customDivisions ?? [])], input.mustChangePassword ?? false, this.now()],
    );
    if (rowCount === 0) throw apiError('already-exists', `an account with login ${input.login} or id ${id} exists`, `账号 ${input.login}（或 id ${id}）已存在`, { login: input.login });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE a.id = $1`, [id]);
    return rows[0] && accountFromRow(rows[0]);
  }

  /** Accounts whose organisation lies under one of `prefixes` (all when undefined), by login. */
  async list(prefixes: readonly string[] | undefined, limit: number, offset: number): Promise<Account[]> {
    const { rows } = await this.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM}
       WHERE $1::text[] IS NULL OR o.division LIKE ANY ($1)
       ORDER BY lower(a.login) LIMIT $2 OFFSET $3`,
      [prefixes === undefined ? null : prefixes.map((p) => `${p}%`), limit, offset],
    );
    return rows.map(accountFromRow);
  }

  /** Changes what an account may do; returns the account after the change. */
  async update(id: string, change: Partial<Pick<Account, 'displayName' | 'roles' | 'region' | 'subjects' | 'organisationId' | 'dataScope' | 'customDivisions' | 'disabled'>>): Promise<Account | undefined> {
    if (change.dataScope !== undefined) checkDataScope(change.dataScope);
    const { rowCount } = await this.db.query(
      `UPDATE nongan_accounts SET
         display_name = COALESCE($2, display_name), roles = COALESCE($3, roles), region = CASE WHEN $4 THEN $5 ELSE region END,
         subjects = COALESCE($6, subjects), organisation_id = CASE WHEN $7 THEN $8 ELSE organisation_id END,
         data_scope = COALESCE($9, data_scope), custom_divisions = COALESCE($10, custom_divisions), disabled = COALESCE($11, disabled)
       WHERE id = $1`,
      [
        id,
        change.displayName ?? null,
        change.roles ?? null,
        change.region !== undefined,
        change.region ?? null,
        change.subjects ?? null,
        change.organisationId !== undefined,
        change.organisationId ?? null,
        change.dataScope ?? null,
        change.customDivisions ?? null,
        change.disabled ?? null,
      ],
    );
    return rowCount === 0 ? undefined : this.get(id);
  }

  /** Sets a new password (clearing the must-change flag, failures and lock). */
  async setPassword(id: string, password: string, mustChange = false): Promise<void> {
    await this.db.query('UPDATE nongan_accounts SET password_hash = $2, must_change_password = $3, failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [id, await hashPassword(password), mustChange]);
  }

  /** Enabled accounts of `region` holding `role` (any role when undefined), by id: the people a task may be handed to or a panel drawn from. */
  async withRole(role: string | undefined, region: string, limit = 500): Promise<Account[]> {
    const { rows } = await this.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE ($1::text IS NULL OR $1 = ANY (a.roles)) AND a.region = $2 AND NOT a.disabled ORDER BY a.id LIMIT $3`,
      [role ?? null, region, limit],
    );
    return rows.map(accountFromRow);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM nongan_accounts');
    return rows[0]?.n ?? 0;
  }
}
