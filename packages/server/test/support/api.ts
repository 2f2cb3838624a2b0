/** A small HTTP client for the tests: real fetch against a listening server, signed in with a bearer token or a cookie. */
export interface ApiReply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Api {
  readonly baseUrl: string;
  get<T = any>(path: string): Promise<ApiReply<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiReply<T>>;
  patch<T = any>(path: string, body: unknown): Promise<ApiReply<T>>;
  delete<T = any>(path: string): Promise<ApiReply<T>>;
  raw(path: string, init: RequestInit): Promise<ApiReply>;
}

export function api(baseUrl: string, auth: { token?: string; cookie?: string; csrf?: string } = {}): Api {
  const request = async (path: string, init: RequestInit): Promise<ApiReply> => {
    const headers = new Headers(init.headers);
    if (auth.token) headers.set('authorization', `Bearer ${auth.token}`);
    if (auth.cookie) headers.set('cookie', auth.cookie);
    if (auth.csrf && init.method && init.method !== 'GET') headers.set('x-csrf-token', auth.csrf);
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  };
  return {
    baseUrl,
    get: (path) => request(path, { method: 'GET' }),
    post: (path, body, headers = {}) =>
      request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? '{}' : typeof body === 'string' ? body : JSON.stringify(body) }),
    patch: (path, body) => request(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    delete: (path) => request(path, { method: 'DELETE' }),
    raw: request,
  };
}

/** Signs in and returns a bearer-token client plus the session's cookie and CSRF token. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<Api & { token: string; cookie: string; csrf: string; accountId: string }> {
  const reply = await api(baseUrl).post('/api/session', { login, password });
  if (reply.status !== 200) throw new Error(`sign-in of ${login} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { ...api(baseUrl, { token: reply.body.token }), token: reply.body.token, cookie, csrf: reply.body.csrfToken, accountId: reply.body.account.id };
}

let commands = 0;
/** A fresh command id per intended action. */
export const commandId = (label = 'c') => `${label}-${process.pid}-${Date.now().toString(36)}-${commands++}`;
