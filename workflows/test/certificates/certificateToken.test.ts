/**
 * Signed certificates: an Ed25519 signature over canonical JSON, verified against a JWK Set. Every
 * field, the signature and the key id are tampered with in turn; keys of another authority, revoked
 * keys and rotated keys are refused or kept exactly as the rules say.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateVerifyUrl,
  CONTENT_KEYS,
  fromBase64Url,
  generateAuthorityKey,
  importPrivateKey,
  certificateQrText,
  readKeySet,
  signCertificate,
  tokenOfVerifyUrl,
  toBase64Url,
  verifyCertificateToken,
  type CertificateContent,
  type CertificateJwk,
} from '../../src/index.js';

const content: CertificateContent = {
  v: 1,
  k: 'luoyang-1',
  a: 'luoyang',
  no: 'HGZ-LY-20261206-luoyang-batch-1',
  p: '草莓',
  q: 200,
  u: 'kg',
  o: '江苏省常州市武进区洛阳镇岑村',
  m: '洛阳镇草莓专业合作社',
  s: '91320412MA1XXXXXXX',
  t: '13800000000',
  d: '2026-12-06',
  b: 'self-tested',
  cm: 'national-2024',
  c: 'luoyang-batch-1',
  n: 4,
  h: 'a'.repeat(64),
};

const keys: Record<string, { jwk: CertificateJwk; sign: CryptoKey }> = {};

beforeAll(async () => {
  for (const [kid, authority] of [['luoyang-1', 'luoyang'], ['luoyang-2', 'luoyang'], ['kaizhou-1', 'kaizhou']] as const) {
    const pair = await generateAuthorityKey(authority, kid, '2026-01-01');
    keys[kid] = { jwk: pair.publicJwk, sign: await importPrivateKey(pair.privateJwk) };
  }
});

const set = (...jwks: CertificateJwk[]) => ({ keys: jwks });

/** Re-encodes a token's content with one change, keeping the original signature. */
function withContent(token: string, change: (c: Record<string, unknown>) => void): string {
  const [body, signature] = token.split('.');
  const parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(body!)!));
  change(parsed);
  return `${toBase64Url(new TextEncoder().encode(JSON.stringify(parsed)))}.${signature}`;
}

describe('signed certificate tokens', () => {
  it('verifies a genuine token and returns the content and key', async () => {
    const token = await signCertificate(content, keys['luoyang-1']!.sign);
    const check = await verifyCertificateToken(token, set(keys['luoyang-1']!.jwk, keys['kaizhou-1']!.jwk));
    expect(check).toMatchObject({ ok: true, content, key: { kid: 'luoyang-1', kty: 'OKP', crv: 'Ed25519' } });
    // A QR on a 60×40 mm label: the whole address stays well inside a version-25 code (byte mode, level M: 1,273 bytes).
    expect(new TextEncoder().encode(certificateVerifyUrl('https://nongan.example.gov.cn/', token)).length).toBeLessThan(1000);
  });

  it.each(Object.keys(CONTENT_KEYS).filter((k) => k !== 'k' && k !== 'a' && k !== 'v' && k !== 'cm'))('refuses a token whose %s was changed', async (key) => {
    const token = await signCertificate(content, keys['luoyang-1']!.sign);
    const tampered = withContent(token, (c) => {
      const value = c[key];
      c[key] = typeof value === 'number' ? value + 1 : key === 'd' ? '2026-12-07' : key === 'b' ? 'commissioned-test' : `${String(value)}x`;
    });
    const check = await verifyCertificateToken(tampered, set(keys['luoyang-1']!.jwk));
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
    if (!check.ok) expect(check.message.zh).toContain('疑似伪造');
  });

  it('refuses a changed signature, a key id that is not published, and a key of another authority', async () => {
    const token = await signCertificate(content, keys['luoyang-1']!.sign);
    const [body, signature] = token.split('.');
    const bytes = fromBase64Url(signature!)!;
    bytes[10] = bytes[10]! ^ 1;
    expect(await verifyCertificateToken(`${body}.${toBase64Url(bytes)}`, set(keys['luoyang-1']!.jwk))).toMatchObject({ ok: false, reason: 'bad-signature' });

    expect(await verifyCertificateToken(withContent(token, (c) => void (c.k = 'luoyang-9')), set(keys['luoyang-1']!.jwk))).toMatchObject({ ok: false, reason: 'unknown-key' });
    // Re-labelled with another published key of the same authority: the signature no longer matches.
    expect(await verifyCertificateToken(withContent(token, (c) => void (c.k = 'luoyang-2')), set(keys['luoyang-1']!.jwk, keys['luoyang-2']!.jwk))).toMatchObject({ ok: false, reason: 'bad-signature' });

    // Kaizhou's key signing a certificate that claims Luoyang issued it.
    const claimed = await signCertificate({ ...content, k: 'kaizhou-1' }, keys['kaizhou-1']!.sign);
    const check = await verifyCertificateToken(claimed, set(keys['luoyang-1']!.jwk, keys['kaizhou-1']!.jwk));
    expect(check).toMatchObject({ ok: false, reason: 'wrong-authority' });
    if (!check.ok) {
      expect(check.message.en).toContain('another authority (Kaizhou district, Chongqing)');
      expect(check.message.zh).toContain('重庆市开州区');
    }
    // A Luoyang key id over Kaizhou's signature.
    const forged = await signCertificate(content, keys['kaizhou-1']!.sign);
    expect(await verifyCertificateToken(forged, set(keys['luoyang-1']!.jwk))).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses what is not a token at all, with the format named', async () => {
    for (const bad of ['', 'HGZ-LY-20261206-1', 'a.b.c', '承诺达标合格证|v1|no=1', `${toBase64Url(new TextEncoder().encode('{"v":1}'))}.${toBase64Url(new Uint8Array(64))}`, 'x'.repeat(5000)]) {
      const check = await verifyCertificateToken(bad, set(keys['luoyang-1']!.jwk));
      expect(check, bad.slice(0, 30)).toMatchObject({ ok: false, reason: 'malformed', message: { zh: '不是有效的合格证核验码（格式不符）' } });
    }
  });

  it('key rotation keeps earlier certificates; a key revoked from a date refuses those issued since', async () => {
    const token = await signCertificate(content, keys['luoyang-1']!.sign);
    const rotated = { ...keys['luoyang-1']!.jwk, validUntil: '2026-12-31' };
    const next = { ...keys['luoyang-2']!.jwk, validFrom: '2027-01-01' };
    expect((await verifyCertificateToken(token, set(rotated, next))).ok).toBe(true);
    // The old key cannot sign for days after its rotation.
    const late = await signCertificate({ ...content, d: '2027-01-05' }, keys['luoyang-1']!.sign);
    expect(await verifyCertificateToken(late, set(rotated, next))).toMatchObject({ ok: false, reason: 'outside-key-validity' });

    const revoked = { ...keys['luoyang-1']!.jwk, revokedFrom: '2026-12-06' };
    const check = await verifyCertificateToken(token, set(revoked));
    expect(check).toMatchObject({ ok: false, reason: 'key-revoked' });
    if (!check.ok) expect(check.message.zh).toContain('自 2026-12-06 起已吊销');
    const earlier = await signCertificate({ ...content, d: '2026-12-05' }, keys['luoyang-1']!.sign);
    expect((await verifyCertificateToken(earlier, set(revoked))).ok).toBe(true);
  });

  it('carries 承诺达标合格证 in the verification address and reads the token back', async () => {
    const token = await signCertificate(content, keys['luoyang-1']!.sign);
    const url = certificateVerifyUrl('https://nongan.example.gov.cn', token);
    expect(decodeURIComponent(url)).toContain('#/verify/承诺达标合格证/');
    expect(tokenOfVerifyUrl(url)).toBe(token);
    expect(tokenOfVerifyUrl(`/verify/${encodeURIComponent('承诺达标合格证')}/${token}`)).toBe(token);
    expect(tokenOfVerifyUrl('https://elsewhere/#/verify/HGZ-1')).toBeNull();
    // What the QR carries: the words as written, the same address once a camera encodes it.
    const qr = certificateQrText('https://nongan.example.gov.cn', token);
    expect(qr).toBe(`https://nongan.example.gov.cn/#/verify/承诺达标合格证/${token}`);
    expect(new URL(qr).href).toBe(url);
    expect(tokenOfVerifyUrl(qr)).toBe(token);
  });

  it('a key set keeps only well-formed Ed25519 keys', () => {
    const good = keys['luoyang-1']!.jwk;
    const read = readKeySet({ keys: [good, { ...good, crv: 'P-256' }, { ...good, x: 'short' }, { ...good, validFrom: 'soon' }, null, 'x'] });
    expect(read.keys).toEqual([good]);
    expect(readKeySet('nonsense').keys).toEqual([]);
  });
});
