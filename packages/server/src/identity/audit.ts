/** The audit log: every sign-in, failed sign-in, sign-out and permission change, with who, from where, when. */
import type { SqlQueryable } from '@nongan/engine/postgres';

export type AuditKind =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'account-created'
  | 'permission-changed'
  | 'password-link-issued'
  | 'password-set'
  | 'totp-enabled'
  | 'totp-disabled'
  | 'account-unlocked'
  | 'organisation-created'
  | 'subject-registered';

export interface AuditEntry {
  kind: AuditKind;
  accountId?: string | null;
  login?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
}

export class AuditLog {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query('INSERT INTO nongan_audit (at, kind, account_id, login, address, detail) VALUES ($1, $2, $3, $4, $5, $6::json)', [
      this.now(),
      entry.kind,
      entry.accountId ?? null,
      entry.login ?? null,
      entry.address ?? null,
      JSON.stringify(entry.detail ?? {}),
    ]);
  }

  /** Newest first; `accountId` narrows to one account's entries. */
  async recent(limit = 100, offset = 0, accountId?: string): Promise<Array<AuditEntry & { at: number }>> {
    const { rows } = await this.db.query<{ at: number; kind: AuditKind; account_id: string | null; login: string | null; address: string | null; detail: Record<string, unknown> }>(
      'SELECT at, kind, account_id, login, address, detail FROM nongan_audit WHERE $3::text IS NULL OR account_id = $3 ORDER BY id DESC LIMIT $1 OFFSET $2',
      [limit, offset, accountId ?? null],
    );
    return rows.map((r) => ({ at: r.at, kind: r.kind, accountId: r.account_id, login: r.login, address: r.address, detail: r.detail }));
  }
}
