/** Sign-in (password, then TOTP when enrolled), who am I, sign-out, sign-out everywhere, and setting a password. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { errorReplies } from '../http/schemas.js';
import { clearSessionCookie, requireIdentity, setSessionCookie } from '../identity/authenticate.js';
import { MAX_PASSWORD_LENGTH } from '../identity/passwords.js';
import { ABSOLUTE_MS } from '../identity/sessions.js';
import type { ServerServices } from '../services.js';

const account = { $ref: 'Account#' } as const;

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
  const { sessions, audit } = services;
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
            properties: {
              login: { type: 'string', minLength: 1, maxLength: 100 },
              password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
              totp: { type: 'string', maxLength: 10, description: 'The 6-digit authenticator code, for accounts with a second factor.' },
            },
          },
          response: { 200: sessionReply, ...errorReplies },
        },
      },
      async (request, reply) => {
        const { login, password, totp } = request.body;
        const found = await services.signIn.attempt({ login, password, ...(totp !== undefined ? { totp } : {}), address: request.ip });
        // A new token at every sign-in, and the one presented (if any) ends: no session fixation.
        if (request.identity) await sessions.close(request.identity.token);
        const { token, session } = await sessions.open(found.id);
        await audit.record({ kind: 'sign-in', accountId: found.id, login, address: request.ip });
        setSessionCookie(reply, token, services.secureCookies, ABSOLUTE_MS);
        return { account: found, csrfToken: session.csrfToken, token, expiresAt: session.expiresAt };
      },
    );

    app.get(
      '/api/session',
      { schema: { tags: ['session'], summary: 'The signed-in account and the CSRF token for writes', response: { 200: sessionReply, ...errorReplies } } },
      async (request) => {
        const identity = requireIdentity(request, { passwordChangePending: 'allowed' });
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
        const identity = requireIdentity(request, { passwordChangePending: 'allowed' });
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
