/**
 * A person's own credentials: set the first password from an invitation or reset link, change a
 * password (required after a temporary one), and enrol or remove the TOTP second factor. Changing a
 * password ends every other session of the account.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { apiError } from '../http/errors.js';
import { errorReplies } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from '../identity/passwords.js';
import { matchTotp, newTotpSecret, totpUri } from '../identity/totp.js';
import type { ServerServices } from '../services.js';

const password = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH } as const;
const code = { type: 'string', pattern: '^\\d{6}$' } as const;
const noBody = { type: 'object', additionalProperties: false, properties: {} } as const;
const done = { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorReplies } as const;

interface SecretRow {
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

export function credentialRoutes(services: ServerServices): RoutePlugin {
  const { accounts, sessions, audit, passwordLinks, db } = services;
  const secrets = async (accountId: string) =>
    (await db.query<SecretRow>('SELECT password_hash, totp_secret, totp_pending_secret, totp_last_step FROM nongan_accounts WHERE id = $1', [accountId])).rows[0]!;

  return async (app) => {
    app.post(
      '/api/session/password',
      {
        schema: {
          tags: ['session'],
          summary: 'Set a password with a one-time invitation or reset link (no session needed)',
          body: { type: 'object', required: ['token', 'password'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 200 }, password } },
          response: done,
        },
      },
      async (request) => {
        const link = await passwordLinks.redeem(request.body.token);
        if (!link) throw apiError('not-found', 'this link is unknown, already used or expired; ask an administrator for a new one', '该链接无效、已使用或已过期，请联系管理员重新发送', { reason: 'link' });
        await accounts.setPassword(link.accountId, request.body.password);
        await sessions.closeAll(link.accountId);
        await audit.record({ kind: 'password-set', accountId: link.accountId, address: request.ip, detail: { via: link.purpose } });
        return { ok: true };
      },
    );

    app.post(
      '/api/session/password-change',
      {
        schema: {
          tags: ['session'],
          summary: 'Change the signed-in account\'s password (ends its other sessions)',
          body: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: { type: 'string', maxLength: MAX_PASSWORD_LENGTH }, newPassword: password } },
          response: done,
        },
      },
      async (request) => {
        const identity = requireIdentity(request, { passwordChangePending: 'allowed' });
        const stored = await secrets(identity.account.id);
        if (!stored.password_hash || !(await verifyPassword(stored.password_hash, request.body.currentPassword))) {
          throw apiError('forbidden', 'the current password is wrong', '当前密码不正确', { reason: 'credentials' });
        }
        if (request.body.newPassword === request.body.currentPassword) {
          throw apiError('invalid-input', 'the new password must differ from the current one', '新密码不能与当前密码相同', { path: 'newPassword' });
        }
        await accounts.setPassword(identity.account.id, request.body.newPassword);
        const { rows } = await db.query<{ n: number }>('WITH gone AS (DELETE FROM nongan_sessions WHERE account_id = $1 AND token_hash <> $2 RETURNING 1) SELECT count(*)::integer AS n FROM gone', [
          identity.account.id,
          sessions.hashOf(identity.token),
        ]);
        await audit.record({ kind: 'password-set', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { via: 'change', otherSessionsEnded: rows[0]?.n ?? 0 } });
        return { ok: true };
      },
    );

    app.post(
      '/api/session/totp',
      {
        schema: {
          tags: ['session'],
          summary: 'Begin TOTP enrolment: returns the otpauth address to scan, once; confirm with a code',
          body: noBody,
          response: { 200: { type: 'object', required: ['otpauthUri'], properties: { otpauthUri: { type: 'string' } } }, ...errorReplies },
        },
      },
      async (request) => {
        const identity = requireIdentity(request);
        if (identity.account.totpEnabled) throw apiError('already-exists', 'a second factor is already set; remove it first', '已设置动态码，请先解除', { reason: 'totp-enabled' });
        const secret = newTotpSecret();
        await db.query('UPDATE nongan_accounts SET totp_pending_secret = $2 WHERE id = $1', [identity.account.id, secret]);
        return { otpauthUri: totpUri(secret, identity.account.login) };
      },
    );

    app.post(
      '/api/session/totp/confirm',
      { schema: { tags: ['session'], summary: 'Confirm TOTP enrolment with the first code', body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } }, response: done } },
      async (request) => {
        const identity = requireIdentity(request);
        const stored = await secrets(identity.account.id);
        const step = stored.totp_pending_secret === null ? null : matchTotp(stored.totp_pending_secret, request.body.code, Date.now(), null);
        if (step === null) throw apiError('invalid-input', 'the code does not match; scan the address again and enter the current code', '动态码不匹配，请重新扫码并输入当前动态码', { path: 'code' });
        await db.query('UPDATE nongan_accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1', [identity.account.id, step]);
        await audit.record({ kind: 'totp-enabled', accountId: identity.account.id, login: identity.account.login, address: request.ip });
        return { ok: true };
      },
    );

    app.delete(
      '/api/session/totp',
      { schema: { tags: ['session'], summary: 'Remove the second factor (needs a current code)', querystring: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } }, response: done } },
      async (request) => {
        const identity = requireIdentity(request);
        const stored = await secrets(identity.account.id);
        const step = stored.totp_secret === null ? null : matchTotp(stored.totp_secret, request.query.code, Date.now(), stored.totp_last_step);
        if (step === null) throw apiError('forbidden', 'the authenticator code is wrong or already used', '动态码错误或已被使用', { reason: 'totp' });
        await db.query('UPDATE nongan_accounts SET totp_secret = NULL, totp_last_step = NULL WHERE id = $1', [identity.account.id]);
        await audit.record({ kind: 'totp-disabled', accountId: identity.account.id, login: identity.account.login, address: request.ip });
        return { ok: true };
      },
    );
  };
}
