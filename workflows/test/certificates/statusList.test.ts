/** The signed status list: made and checked with the authority's keys; any edit, another authority's key or a revoked key is refused. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, generateAuthorityKey, importPrivateKey, listedStatus, signStatusList, toBase64Url, verifyStatusList, type CertificateJwk, type StatusListContent } from '../../src/index.js';

const list: StatusListContent = { v: 1, k: 'luoyang-1', a: 'luoyang', at: '2026-12-07T01:00:00.000Z', r: ['HGZ-LY-2'], f: ['HGZ-LY-3'], b: ['91320412MA1XXXXXXX'] };
const keys: Record<string, { jwk: CertificateJwk; sign: CryptoKey }> = {};

beforeAll(async () => {
  for (const [kid, authority] of [['luoyang-1', 'luoyang'], ['kaizhou-1', 'kaizhou']] as const) {
    const pair = await generateAuthorityKey(authority, kid, '2026-01-01');
    keys[kid] = { jwk: pair.publicJwk, sign: await importPrivateKey(pair.privateJwk) };
  }
});

function edited(token: string, change: (c: Record<string, unknown>) => void): string {
  const [body, signature] = token.split('.');
  const parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(body!)!));
  change(parsed);
  return `${toBase64Url(new TextEncoder().encode(JSON.stringify(parsed)))}.${signature}`;
}

describe('signed status list', () => {
  it('verifies with its authority key and says what it lists', async () => {
    const token = await signStatusList(list, keys['luoyang-1']!.sign);
    const check = await verifyStatusList(token, { keys: [keys['luoyang-1']!.jwk] });
    expect(check).toEqual({ ok: true, content: list });
    if (!check.ok) return;
    expect(listedStatus(check.content, 'HGZ-LY-2', 'x')).toBe('revoked');
    expect(listedStatus(check.content, 'HGZ-LY-3', 'x')).toBe('fake');
    expect(listedStatus(check.content, 'HGZ-LY-9', '91320412MA1XXXXXXX')).toBe('producer-blacklisted');
    expect(listedStatus(check.content, 'HGZ-LY-9', 'other')).toBe('not-listed');
  });

  it('refuses an edited list, another authority\'s key, a revoked key and garbage, saying why', async () => {
    const token = await signStatusList(list, keys['luoyang-1']!.sign);
    const own = { keys: [keys['luoyang-1']!.jwk] };
    expect(await verifyStatusList(edited(token, (c) => (c.r = [])), own)).toMatchObject({ ok: false, reason: 'bad-signature', message: { zh: expect.stringContaining('改动') } });
    const byOther = await signStatusList({ ...list, k: 'kaizhou-1' }, keys['kaizhou-1']!.sign);
    expect(await verifyStatusList(byOther, { keys: [keys['luoyang-1']!.jwk, keys['kaizhou-1']!.jwk] })).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(await verifyStatusList(token, { keys: [{ ...keys['luoyang-1']!.jwk, revokedFrom: '2026-12-01' }] })).toMatchObject({ ok: false, reason: 'unknown-key' });
    for (const junk of ['', 'a.b', `${toBase64Url(new TextEncoder().encode('{"v":1}'))}.${'A'.repeat(86)}`, 'x'.repeat(5_000_000)]) {
      expect(await verifyStatusList(junk, own)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});
