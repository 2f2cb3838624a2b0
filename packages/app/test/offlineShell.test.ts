/** What the portal remembers of its server for starting offline: kept when it answered, ignored when unreadable. */
import { describe, expect, it } from 'vitest';
import { knownServer, rememberedSession, rememberServer, rememberSession } from '../src/boot/offlineShell.js';

const storage = () => {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('the server this page last reached', () => {
  it('is remembered with its clock offset and demo flag', () => {
    const s = storage();
    expect(knownServer(s)).toBeNull();
    rememberServer(s, { now: Date.now() + 86_400_000, demo: true });
    const known = knownServer(s)!;
    expect(known.demo).toBe(true);
    expect(Math.abs(known.offsetMs - 86_400_000)).toBeLessThan(5_000);
  });

  it('is forgotten when what was kept does not read (edited, or another format)', () => {
    const s = storage();
    for (const raw of ['not json', '{"offsetMs":"soon","demo":true}', '{"demo":false}', 'null']) {
      s.map.set('nongan-portal-server', raw);
      expect(knownServer(s), raw).toBeNull();
    }
  });

  it('a storage that refuses writes loses only the offline start', () => {
    expect(() => rememberServer({ setItem: () => { throw new Error('quota'); } }, { now: Date.now(), demo: false })).not.toThrow();
  });
});

describe('who was signed in on this device', () => {
  it('is remembered without the CSRF token, until it expires or the person signs out', () => {
    const s = { ...storage(), removeItem(key: string) { s.map.delete(key); } };
    const session = { account: { id: 'a-1', displayName: '济源市示范养殖场' }, csrfToken: 'secret', expiresAt: 2_000 };
    rememberSession(s, session);
    expect(JSON.stringify([...s.map.values()])).not.toContain('secret');
    expect(rememberedSession(s, 1_000)).toEqual({ account: session.account, expiresAt: 2_000 });
    expect(rememberedSession(s, 2_000)).toBeNull();
    rememberSession(s, null);
    expect(rememberedSession(s, 1_000)).toBeNull();
    s.map.set('nongan-portal-last-session', '{"account":"x","expiresAt":5}');
    expect(rememberedSession(s, 1)).toBeNull();
  });
});

