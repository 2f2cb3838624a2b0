/**
 * Server-side sessions. The browser holds a random token (in an HttpOnly cookie, or an API client in
 * an `Authorization: Bearer` header); the database holds only its SHA-256. A session ends after
 * IDLE_MS without use or ABSOLUTE_MS after sign-in, whichever comes first; signing in always makes a
 * new token (no fixation), and signing out everywhere deletes every session of the account.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { ACCOUNT_COLUMNS, ACCOUNT_FROM, accountFromRow, type Account, type AccountRow } from './accounts.js';

interface SessionRow {
  account_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export const IDLE_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Session {
  accountId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export class SessionStore {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session; returns the token to hand to the client (shown once, never stored). */
  async open(accountId: string): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const now = this.now();
    const session: Session = { accountId, csrfToken: newToken(), createdAt: now, expiresAt: now + ABSOLUTE_MS };
    await this.db.query(
      'INSERT INTO nongan_sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)',
      [hashToken(token), accountId, session.csrfToken, now, session.expiresAt],
    );
    return { token, session };
  }

  /** The live session of a token, or undefined (unknown, idle too long, past its absolute end). */
  async resolve(token: string): Promise<Session | undefined> {
    return (await this.resolveWithAccount(token))?.session;
  }

  /**
   * The live session and its enabled account in one round trip (every request asks this). A session
   * of a disabled account resolves to nothing.
   */
  async resolveWithAccount(token: string): Promise<{ session: Session; account: Account } | undefined> {
    if (token.length < 20 || token.length > 200) return undefined;
    const now = this.now();
    const hash = hashToken(token);
    const { rows } = await this.db.query<SessionRow & AccountRow>(
      `SELECT s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, ${ACCOUNT_COLUMNS}
       FROM nongan_sessions s JOIN ${ACCOUNT_FROM} ON a.id = s.account_id WHERE s.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.expires_at <= now || row.last_seen_at + IDLE_MS <= now) {
      await this.db.query('DELETE FROM nongan_sessions WHERE token_hash = $1', [hash]);
      return undefined;
    }
    if (row.disabled) return undefined;
    if (now - row.last_seen_at > TOUCH_EVERY_MS) {
      await this.db.query('UPDATE nongan_sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]);
    }
    return {
      session: { accountId: row.account_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at },
      account: accountFromRow(row),
    };
  }

  /** The stored form of a token (to tell the caller's own session apart). */
  hashOf(token: string): string {
    return hashToken(token);
  }

  async close(token: string): Promise<void> {
    await this.db.query('DELETE FROM nongan_sessions WHERE token_hash = $1', [hashToken(token)]);
  }

  /** Signs an account out everywhere; returns how many sessions ended. */
  async closeAll(accountId: string): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM nongan_sessions WHERE account_id = $1', [accountId]);
    return rowCount;
  }
}
