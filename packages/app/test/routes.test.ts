import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, verifyUrl, type Route } from '../src/shell/routes.js';

describe('hash routes', () => {
  it('parses every page and round-trips through routeHash', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'inbox' },
      { page: 'cases' },
      { page: 'farm' },
      { page: 'designer' },
      { page: 'backup' },
      { page: 'case', instanceId: 'jiyuan-qr-returned' },
      { page: 'dashboard', region: null },
      { page: 'dashboard', region: 'inner-mongolia' },
      { page: 'verify', code: '' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('keeps a certificate code with separators and Chinese text intact', () => {
    const code = '承诺达标合格证|v1|no=HGZ-NM-20260302-abc|p=%E7%BE%8A|c=9184be31';
    const url = verifyUrl('http://127.0.0.1:5173', '/', code);
    expect(url.startsWith('http://127.0.0.1:5173/#/verify/')).toBe(true);
    expect(parseRoute(new URL(url).hash)).toEqual({ page: 'verify', code });
  });

  it('sends anything unknown or malformed to not-found', () => {
    expect(parseRoute('#/nothing')).toEqual({ page: 'not-found', path: 'nothing' });
    expect(parseRoute('#/case/')).toEqual({ page: 'not-found', path: 'case' });
    expect(parseRoute('#/case/%E0%A4%A')).toEqual({ page: 'not-found', path: 'case/%E0%A4%A' });
    expect(parseRoute('#/inbox/extra')).toEqual({ page: 'not-found', path: 'inbox/extra' });
    expect(parseRoute('')).toEqual({ page: 'home' });
  });
});
