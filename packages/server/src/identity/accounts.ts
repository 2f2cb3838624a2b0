/** Accounts in PostgreSQL: who a person is and what they may act as (roles, region, the farms they act for). */
import type { Actor } from '@nongan/engine';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { hashPassword } from './passwords.js';

export interface Account {
  id: string;
  login: string;
  displayName: string;
  roles: string[];
  region: string | null;
  subjects: string[];
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
}

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  roles: string[];
  region: string | null;
  subjects: string[];
  disabled: boolean;
}

export const ACCOUNT_COLUMNS = 'id, login, display_name, roles, region, subjects, disabled';

export function accountFromRow(row: AccountRow): Account {
  return { id: row.id, login: row.login, displayName: row.display_name, roles: row.roles, region: row.region, subjects: row.subjects, disabled: row.disabled };
}

/** The engine's actor for an account: built here, on the server, never from what a client sends. */
export function actorOf(account: Account): Actor {
  return {
    id: account.id,
    name: account.displayName,
    roles: account.roles,
    ...(account.region ? { region: account.region } : {}),
    subjects: account.subjects,
  };
}

export class AccountStore {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: NewAccount): Promise<Account> {
    const id = input.id ?? globalThis.crypto.randomUUID();
    const hash = input.password === undefined ? null : await hashPassword(input.password);
    const { rows } = await this.db.query<AccountRow>(
      `INSERT INTO nongan_accounts (id, login, display_name, password_hash, roles, region, subjects, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACCOUNT_COLUMNS}`,
      [id, input.login, input.displayName, hash, [...input.roles], input.region ?? null, [...(input.subjects ?? [])], this.now()],
    );
    return accountFromRow(rows[0]!);
  }

  async get(id: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM nongan_accounts WHERE id = $1`, [id]);
    return rows[0] && accountFromRow(rows[0]);
  }

  /** The account and its password hash, for sign-in only: the hash never leaves this module's callers. */
  async credentials(login: string): Promise<{ account: Account; passwordHash: string | null } | undefined> {
    const { rows } = await this.db.query<AccountRow & { password_hash: string | null }>(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM nongan_accounts WHERE lower(login) = lower($1)`,
      [login],
    );
    const row = rows[0];
    return row && { account: accountFromRow(row), passwordHash: row.password_hash };
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM nongan_accounts');
    return rows[0]?.n ?? 0;
  }
}
