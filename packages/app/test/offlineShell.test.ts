/** What the portal remembers of its server for starting offline: kept when it answered, ignored when unreadable. */
import { describe, expect, it } from 'vitest';
import { knownServer, rememberServer } from '../src/boot/offlineShell.js';

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
