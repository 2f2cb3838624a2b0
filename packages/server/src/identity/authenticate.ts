/**
 * Who is calling, decided from the session and nothing else: an `Authorization: Bearer` token (API
 * clients) or the HttpOnly session cookie (the portal). Actor fields a client puts in a body are never
 * read. Cookie-authenticated writes must also carry the session's CSRF token in `x-csrf-token`, which
 * another site cannot read, so a forged form post or fetch from elsewhere is refused.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@nongan/engine';
import { apiError } from '../http/errors.js';
import { ADMIN_ROLE, actorOf, type Account } from './accounts.js';
import type { Session, SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'nongan_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Identity {
  account: Account;
  actor: Actor;
  session: Session;
  token: string;
  via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenOf(request: FastifyRequest): { token: string; via: Identity['via'] } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function identityHook(sessions: SessionStore) {
  return async (request: FastifyRequest): Promise<void> => {
    request.identity = null;
    const presented = tokenOf(request);
    if (!presented) return;
    const resolved = await sessions.resolveWithAccount(presented.token);
    if (!resolved) return;
    const { session, account } = resolved;
    request.identity = { account, actor: actorOf(account), session, token: presented.token, via: presented.via };
    if (presented.via === 'cookie' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw apiError(
        'forbidden',
        'this write carries the session cookie but not its CSRF token (x-csrf-token header)',
        '该写操作携带了会话 Cookie，但缺少其 CSRF 令牌（x-csrf-token 请求头）',
        { reason: 'csrf' },
      );
    }
  };
}

/** Routes anyone may call; every other route needs a session, checked before its input is (so a caller without one learns nothing from validation messages). */
const PUBLIC_ROUTES = new Set([
  'POST /api/session',
  'POST /api/session/password',
  'GET /api/health',
  'GET /api/ready',
  'GET /api/openapi.json',
  'GET /api/regions',
  'GET /api/regions/:region/forms',
  'GET /api/regions/:region/forms/:formId',
  'GET /api/calendar/days',
  'GET /api/calendar/add-working-days',
  'GET /api/demo/accounts',
  'GET /.well-known/jwks.json',
  'POST /api/certificates/verify',
  'GET /api/certificates/:number',
  'GET /api/certificates/status-lists/:authority',
]);

/**
 * Sign-in required by default: a route is open only when listed in PUBLIC_ROUTES, and the
 * administration routes need an administrator; both are decided before the input is validated.
 */
export async function sessionRequired(request: FastifyRequest): Promise<void> {
  const route = request.routeOptions.url;
  if (route === undefined) return;
  if (route.startsWith('/api/admin/')) {
    requireAdmin(request);
    return;
  }
  if (request.identity || PUBLIC_ROUTES.has(`${request.method === 'HEAD' ? 'GET' : request.method} ${route}`)) return;
  requireIdentity(request, { passwordChangePending: 'allowed' });
}

/**
 * The caller's identity, or 401 when there is no live session. An account that must change its
 * password (a temporary one set by an administrator) may only do that, see itself and sign out.
 */
export function requireIdentity(request: FastifyRequest, options: { passwordChangePending?: 'allowed' } = {}): Identity {
  if (!request.identity) {
    throw apiError('unauthenticated', 'sign in first: no live session', '请先登录：会话不存在或已过期', { reason: 'no-session' });
  }
  if (request.identity.account.mustChangePassword && options.passwordChangePending !== 'allowed') {
    throw apiError('forbidden', 'set a new password first (POST /api/session/password-change)', '请先设置新密码', { reason: 'password-change-required' });
  }
  return request.identity;
}

/** The caller's identity when it is an administrator; otherwise 403. */
export function requireAdmin(request: FastifyRequest): Identity {
  const identity = requireIdentity(request);
  if (!identity.account.roles.includes(ADMIN_ROLE)) {
    throw apiError('forbidden', 'only a system administrator may do this', '仅系统管理员可执行此操作', { reason: 'role', roles: [ADMIN_ROLE] });
  }
  return identity;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
