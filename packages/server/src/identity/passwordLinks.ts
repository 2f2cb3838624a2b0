/**
 * One-time links to set a password: an invitation for a new account (no password yet) or a reset an
 * administrator issues. The link's token is shown once; only its hash is stored, it expires, and
 * redeeming it (or issuing a newer one) makes it useless.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SqlQueryable } from '@nongan/engine/postgres';

export const LINK_HOURS = 72;
export type LinkPurpose = 'invite' | 'reset';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class PasswordLinks {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(accountId: string, purpose: LinkPurpose): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + LINK_HOURS * 3_600_000;
    await this.db.query('DELETE FROM nongan_password_tokens WHERE account_id = $1', [accountId]);
    await this.db.query('INSERT INTO nongan_password_tokens (token_hash, account_id, purpose, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), accountId, purpose, expiresAt]);
    return { token, expiresAt };
  }

  /** The account a live token belongs to, consuming the token; undefined when unknown or expired. */
  async redeem(token: string): Promise<{ accountId: string; purpose: LinkPurpose } | undefined> {
    if (token.length < 20 || token.length > 200) return undefined;
    const { rows } = await this.db.query<{ account_id: string; purpose: LinkPurpose; expires_at: number }>(
      'DELETE FROM nongan_password_tokens WHERE token_hash = $1 RETURNING account_id, purpose, expires_at',
      [hashToken(token)],
    );
    const row = rows[0];
    return row && row.expires_at > this.now() ? { accountId: row.account_id, purpose: row.purpose } : undefined;
  }
}
