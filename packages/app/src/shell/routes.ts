/**
 * Hash routes of the portal. `#/verify/<code>` is the address a certificate's QR code carries, so it
 * must stay stable. Parsing is pure and total: anything unknown becomes `not-found`.
 */
export type Route =
  | { page: 'home' }
  | { page: 'inbox' }
  | { page: 'cases' }
  | { page: 'case'; instanceId: string }
  | { page: 'farm' }
  | { page: 'certificates' }
  | { page: 'dashboard'; region: string | null }
  | { page: 'verify'; code: string }
  | { page: 'designer' }
  | { page: 'backup' }
  | { page: 'admin' }
  | { page: 'set-password'; token: string }
  | { page: 'not-found'; path: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [head = '', ...rest] = path.split('/');
  const arg = rest.length > 0 ? decode(rest.join('/')) : null;
  switch (head) {
    case '':
      return { page: 'home' };
    case 'inbox':
    case 'cases':
    case 'farm':
    case 'certificates':
    case 'designer':
    case 'backup':
    case 'admin':
      return rest.length === 0 ? { page: head } : { page: 'not-found', path };
    case 'case':
      return arg ? { page: 'case', instanceId: arg } : { page: 'not-found', path };
    case 'dashboard':
      return { page: 'dashboard', region: arg || null };
    case 'verify':
      return { page: 'verify', code: arg ?? '' };
    case 'set-password':
      return arg ? { page: 'set-password', token: arg } : { page: 'not-found', path };
    default:
      return { page: 'not-found', path };
  }
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'case':
      return `#/case/${encodeURIComponent(route.instanceId)}`;
    case 'dashboard':
      return route.region ? `#/dashboard/${encodeURIComponent(route.region)}` : '#/dashboard';
    case 'verify':
      return route.code ? `#/verify/${encodeURIComponent(route.code)}` : '#/verify';
    case 'set-password':
      return `#/set-password/${encodeURIComponent(route.token)}`;
    case 'not-found':
      return `#/${route.path}`;
    default:
      return `#/${route.page}`;
  }
}

/** The absolute address of a certificate's public verification page (what its QR code opens). */
export function verifyUrl(origin: string, pathname: string, code: string): string {
  return `${origin}${pathname}${routeHash({ page: 'verify', code })}`;
}
