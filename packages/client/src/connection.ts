/**
 * One connection to a Nong'an server: JSON requests on the session cookie, the CSRF token every
 * cookie-authenticated write must carry, and the server's error JSON turned back into `EngineError`s
 * (so a refusal reads the same whether the engine runs in the page or on the server). A request that
 * never reached the server is an `unavailable` error with `details.offline = true`.
 */
import { EngineError, type EngineErrorCode } from '@nongan/engine';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ServerAccount {
  id: string;
  login: string;
  displayName: string;
  roles: string[];
  region: string | null;
  subjects: string[];
  organisationId: string | null;
  dataScope: 'all' | 'custom' | 'org-and-below' | 'self';
  customDivisions: string[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
}

export interface ServerSession {
  account: ServerAccount;
  csrfToken: string;
  expiresAt: number;
}

export interface RequestOptions {
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

export interface ServerConnection {
  readonly baseUrl: string;
  /** Sends one JSON request; resolves with the parsed reply, rejects with an `EngineError`. */
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** The signed-in session, or null when nobody is (also remembers its CSRF token). */
  session(): Promise<ServerSession | null>;
  signIn(login: string, password: string, totp?: string): Promise<ServerSession>;
  signOut(everywhere?: boolean): Promise<void>;
}

export interface ConnectionOptions {
  /** Where the API lives: '' (the page's own origin, default) or e.g. 'http://127.0.0.1:8787'. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Sent with every request (an API client's `authorization: Bearer …`; a page uses its cookie). */
  headers?: Record<string, string>;
}

const KNOWN_CODES = new Set<string>([
  'forbidden', 'not-allowed-in-state', 'rule-refused', 'invalid-data', 'invalid-input', 'invalid-definition', 'conflict',
  'not-found', 'unknown-workflow', 'already-exists', 'unavailable', 'integrity',
]);

/** An error the server answered with, carrying its HTTP status and exact wording. */
export class ServerError extends EngineError {
  /** The server's own code (also `unauthenticated`, `too-many-requests`, `internal`). */
  readonly serverCode: string;
  constructor(readonly status: number, body: { code?: string; message?: string; messageZh?: string; details?: Record<string, unknown> }) {
    const serverCode = typeof body.code === 'string' ? body.code : 'internal';
    const code = (KNOWN_CODES.has(serverCode) ? serverCode : status === 401 || status === 403 ? 'forbidden' : status === 429 ? 'conflict' : 'unavailable') as EngineErrorCode;
    super(code, { en: '', zh: '' }, body.details ?? {});
    this.serverCode = serverCode;
    // The server already composed both sentences; keep them as they are.
    this.message = body.message ?? `HTTP ${status}`;
    Object.defineProperty(this, 'messageZh', { value: body.messageZh ?? `服务器返回 ${status}` });
  }
}

export function offlineError(cause: unknown): EngineError {
  return new EngineError(
    'unavailable',
    { en: 'the server cannot be reached (offline?)', zh: '无法连接服务器（可能已离线）' },
    { offline: true, cause: cause instanceof Error ? cause.message : String(cause) },
  );
}

/** True when the request did not reach the server (or the server could not answer it): worth queueing. */
export function isOfflineError(error: unknown): boolean {
  if (!(error instanceof EngineError) || error.code !== 'unavailable') return false;
  return error.details.offline === true || (error instanceof ServerError && error.status >= 502);
}

export function createServerConnection(options: ConnectionOptions = {}): ServerConnection {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let csrfToken: string | undefined;

  async function request<T>(method: HttpMethod, path: string, body?: unknown, requestOptions: RequestOptions = {}): Promise<T> {
    const url = new URL(`${baseUrl}${path}`, baseUrl === '' ? globalThis.location?.href : undefined);
    for (const [key, value] of Object.entries(requestOptions.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // A page that started offline has its cookie but not yet the session's CSRF token: read it first.
    if (method !== 'GET' && !csrfToken && !options.headers?.authorization && path !== '/api/session') await session();
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        credentials: 'include',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(requestOptions.signal ? { signal: requestOptions.signal } : {}),
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw offlineError(error);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // A proxy's HTML error page or a cut reply: the server did not really answer.
      throw offlineError(new Error(`HTTP ${response.status}: not JSON`));
    }
    if (!response.ok) throw new ServerError(response.status, (parsed ?? {}) as Record<string, never>);
    return parsed as T;
  }

  async function session(): Promise<ServerSession | null> {
    try {
      const current = await request<ServerSession>('GET', '/api/session');
      csrfToken = current.csrfToken;
      return current;
    } catch (error) {
      if (error instanceof ServerError && error.status === 401) return null;
      throw error;
    }
  }

  return {
    baseUrl,
    request,
    session,
    async signIn(login, password, totp) {
      const session = await request<ServerSession & { token?: string }>('POST', '/api/session', { login, password, ...(totp ? { totp } : {}) });
      csrfToken = session.csrfToken;
      // The bearer token is for API clients; a page keeps only the HttpOnly cookie.
      const { token: _token, ...rest } = session;
      return rest;
    },
    async signOut(everywhere = false) {
      await request('DELETE', '/api/session', undefined, { query: everywhere ? { everywhere: true } : {} });
      csrfToken = undefined;
    },
  };
}
