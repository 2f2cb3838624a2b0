/**
 * Signing in: password (argon2id), then the TOTP code when the account has one, with two limits
 * against guessing: an account locks for LOCK_MINUTES after LOCK_AFTER failures in a row, and an
 * address that failed ADDRESS_LIMIT times within ADDRESS_WINDOW_MINUTES is refused until the window
 * moves on. Every attempt is written to the audit log, which is also what the address limit counts.
 */
import type { SqlQueryable } from '@nongan/engine/postgres';
import { apiError } from '../http/errors.js';
import { ACCOUNT_COLUMNS, ACCOUNT_FROM, accountFromRow, type Account, type AccountRow } from './accounts.js';
import type { AuditLog } from './audit.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { matchTotp } from './totp.js';

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const ADDRESS_LIMIT = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

interface CredentialRow extends AccountRow {
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  locked_until: number | null;
}

export interface SignInAttempt {
  login: string;
  password: string;
  totp?: string;
  address: string;
}

const chinaTime = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);

export class SignInService {
  constructor(
    private readonly db: SqlQueryable,
    private readonly audit: AuditLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account when every check passes; otherwise the refusal, already audited. */
  async attempt({ login, password, totp, address }: SignInAttempt): Promise<Account> {
    const now = this.now();
    const fail = async (reason: string, accountId: string | null) => {
      await this.audit.record({ kind: 'sign-in-failed', accountId, login, address, detail: { reason } });
    };

    const since = now - ADDRESS_WINDOW_MINUTES * 60_000;
    const { rows: counted } = await this.db.query<{ n: number }>(
      "SELECT count(*)::integer AS n FROM nongan_audit WHERE kind = 'sign-in-failed' AND address = $1 AND at > $2",
      [address, since],
    );
    if ((counted[0]?.n ?? 0) >= ADDRESS_LIMIT) {
      await fail('address-limit', null);
      throw apiError(
        'too-many-requests',
        `${ADDRESS_LIMIT} failed sign-ins from this address within ${ADDRESS_WINDOW_MINUTES} minutes; wait and try again later`,
        `该地址 ${ADDRESS_WINDOW_MINUTES} 分钟内登录失败已达 ${ADDRESS_LIMIT} 次，请稍后再试`,
        { reason: 'address-limit', limit: ADDRESS_LIMIT, windowMinutes: ADDRESS_WINDOW_MINUTES },
      );
    }

    const { rows } = await this.db.query<CredentialRow>(
      `SELECT ${ACCOUNT_COLUMNS}, a.password_hash, a.totp_secret, a.totp_last_step, a.locked_until FROM ${ACCOUNT_FROM} WHERE lower(a.login) = lower($1)`,
      [login],
    );
    const row = rows[0];
    if (row?.locked_until != null && row.locked_until > now) {
      await fail('locked', row.id);
      throw this.lockedError(row.locked_until, now);
    }
    // Unknown logins cost the same argon2 work, so timing does not tell which logins exist.
    const passwordOk = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
    if (!row || !row.password_hash || !passwordOk || row.disabled) {
      if (row && !row.disabled) {
        const lockedUntil = await this.countFailure(row.id, now);
        await fail('credentials', row.id);
        if (lockedUntil !== null) throw this.lockedError(lockedUntil, now);
      } else {
        await fail(row?.disabled ? 'disabled' : 'credentials', row?.id ?? null);
      }
      throw apiError(
        'unauthenticated',
        `login or password is wrong, or the account is disabled (after ${LOCK_AFTER} failures in a row an account is locked for ${LOCK_MINUTES} minutes)`,
        `账号或密码错误，或账号已停用（连续失败 ${LOCK_AFTER} 次将锁定 ${LOCK_MINUTES} 分钟）`,
        { reason: 'credentials', lockAfter: LOCK_AFTER, lockMinutes: LOCK_MINUTES },
      );
    }

    if (row.totp_secret !== null) {
      if (totp === undefined || totp === '') {
        throw apiError('unauthenticated', 'enter the 6-digit code from your authenticator app', '请输入身份验证器中的 6 位动态码', { reason: 'totp-required' });
      }
      const step = matchTotp(row.totp_secret, totp, now, row.totp_last_step);
      if (step === null) {
        const lockedUntil = await this.countFailure(row.id, now);
        await fail('totp', row.id);
        if (lockedUntil !== null) throw this.lockedError(lockedUntil, now);
        throw apiError('unauthenticated', 'the authenticator code is wrong or already used', '动态码错误或已被使用', { reason: 'totp' });
      }
      await this.db.query('UPDATE nongan_accounts SET totp_last_step = $2 WHERE id = $1', [row.id, step]);
    }

    await this.db.query('UPDATE nongan_accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    return accountFromRow(row);
  }

  /** Counts one failure; returns the lock's end when this failure locks the account. */
  private async countFailure(accountId: string, now: number): Promise<number | null> {
    const { rows } = await this.db.query<{ locked_until: number | null }>(
      `UPDATE nongan_accounts SET
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2::integer THEN $3::bigint ELSE NULL END,
         failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2::integer THEN 0 ELSE failed_sign_ins + 1 END
       WHERE id = $1 RETURNING locked_until`,
      [accountId, LOCK_AFTER, now + LOCK_MINUTES * 60_000],
    );
    return rows[0]?.locked_until ?? null;
  }

  private lockedError(until: number, now: number) {
    const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
    return apiError(
      'too-many-requests',
      `this account is locked after ${LOCK_AFTER} failed sign-ins in a row; try again in ${minutes} minutes (at ${chinaTime(until)} China time) or ask an administrator to unlock it`,
      `该账号连续 ${LOCK_AFTER} 次登录失败，已锁定；请 ${minutes} 分钟后（北京时间 ${chinaTime(until)}）再试，或请管理员解锁`,
      { reason: 'locked', lockAfter: LOCK_AFTER, lockMinutes: LOCK_MINUTES, lockedUntil: until },
    );
  }
}
