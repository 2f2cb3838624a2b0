/** Sign-in, who am I, sign-out, and sign-out everywhere. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { apiError } from '../http/errors.js';
import { errorReplies } from '../http/schemas.js';
import { clearSessionCookie, requireIdentity, setSessionCookie } from '../identity/authenticate.js';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../identity/passwords.js';
import { ABSOLUTE_MS } from '../identity/sessions.js';
import type { ServerServices } from '../services.js';

const account = {
  type: 'object',
  required: ['id', 'login', 'displayName', 'roles', 'region', 'subjects'],
  properties: {
    id: { type: 'string' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    region: { type: ['string', 'null'] },
    subjects: { type: 'array', items: { type: 'string' } },
  },
} as const;

const sessionReply = {
  type: 'object',
  required: ['account', 'csrfToken', 'expiresAt'],
  properties: {
    account,
    csrfToken: { type: 'string', description: 'Send as x-csrf-token with every cookie-authenticated write.' },
    token: { type: 'string', description: 'Bearer token for API clients (returned at sign-in only).' },
    expiresAt: { type: 'number' },
  },
} as const;

export function sessionRoutes(services: ServerServices): RoutePlugin {
  const { accounts, sessions, audit } = services;
  return async (app) => {
    app.post(
      '/api/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Sign in with login and password; sets the HttpOnly session cookie',
          body: {
            type: 'object',
            required: ['login', 'password'],
            additionalProperties: false,
            properties: { login: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH } },
          },
          response: { 200: sessionReply, ...errorReplies },
        },
      },
      async (request, reply) => {
        const { login, password } = request.body;
        const found = await accounts.credentials(login);
        // Unknown logins cost the same argon2 work, so timing does not tell which logins exist.
        const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
        if (!found || !found.passwordHash || !ok || found.account.disabled) {
          await audit.record({ kind: 'sign-in-failed', accountId: found?.account.id ?? null, login, address: request.ip, detail: { reason: found?.account.disabled ? 'disabled' : 'credentials' } });
          throw apiError('unauthenticated', 'login or password is wrong, or the account is disabled', '账号或密码错误，或账号已停用', { reason: 'credentials' });
        }
        // A new token at every sign-in, and the one presented (if any) ends: no session fixation.
        if (request.identity) await sessions.close(request.identity.token);
        const { token, session } = await sessions.open(found.account.id);
        await audit.record({ kind: 'sign-in', accountId: found.account.id, login, address: request.ip });
        setSessionCookie(reply, token, services.secureCookies, ABSOLUTE_MS);
        return { account: found.account, csrfToken: session.csrfToken, token, expiresAt: session.expiresAt };
      },
    );

    app.get(
      '/api/session',
      { schema: { tags: ['session'], summary: 'The signed-in account and the CSRF token for writes', response: { 200: sessionReply, ...errorReplies } } },
      async (request) => {
        const identity = requireIdentity(request);
        return { account: identity.account, csrfToken: identity.session.csrfToken, expiresAt: identity.session.expiresAt };
      },
    );

    app.delete(
      '/api/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Sign out (everywhere=true ends every session of the account)',
          querystring: { type: 'object', additionalProperties: false, properties: { everywhere: { type: 'boolean' } } },
          response: { 200: { type: 'object', properties: { ended: { type: 'integer' } } }, ...errorReplies },
        },
      },
      async (request, reply) => {
        const identity = requireIdentity(request);
        let ended = 1;
        if (request.query.everywhere) ended = await sessions.closeAll(identity.account.id);
        else await sessions.close(identity.token);
        await audit.record({ kind: request.query.everywhere ? 'sign-out-everywhere' : 'sign-out', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { ended } });
        clearSessionCookie(reply, services.secureCookies);
        return { ended };
      },
    );
  };
}
