/**
 * Verifies a signed certificate token against a key set, on any device (the public page does it in
 * the phone's browser with a cached key set; the server does it too). Pure apart from Web Crypto: no
 * network, no record. A refusal says which check failed, in Chinese and English.
 */
import { COMMITMENT_BASES } from './certificateCode.js';
import { isRegionId, regionProfile } from '../regions/index.js';
import { importPublicKey, type CertificateJwk, type CertificateKeySet } from './certificateKeySet.js';
import { ED25519, splitToken, type CertificateContent } from './certificateToken.js';

export type TokenRefusal = 'malformed' | 'unknown-key' | 'wrong-authority' | 'bad-signature' | 'key-revoked' | 'outside-key-validity';

export type TokenCheck =
  | { ok: true; content: CertificateContent; key: CertificateJwk }
  | { ok: false; reason: TokenRefusal; message: { zh: string; en: string }; content?: CertificateContent };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** People read authorities by name; an authority this build does not know is shown as given. */
const authorityName = (authority: string) => (isRegionId(authority) ? regionProfile(authority).name : { zh: authority, en: authority });
const text = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= 500;

/** The content's fields all present with their types (before any signature is trusted). */
export function isCertificateContent(value: unknown): value is CertificateContent {
  const c = value as Partial<CertificateContent> | null;
  return (
    typeof c === 'object' && c !== null && c.v === 1 && c.cm === 'national-2024' &&
    [c.k, c.a, c.no, c.p, c.u, c.o, c.m, c.s, c.t, c.c, c.h].every(text) &&
    typeof c.q === 'number' && Number.isFinite(c.q) && c.q > 0 && typeof c.d === 'string' && DAY.test(c.d) &&
    COMMITMENT_BASES.includes(c.b as never) && Number.isSafeInteger(c.n) && (c.n as number) >= 1
  );
}

function refuse(reason: TokenRefusal, zh: string, en: string, content?: CertificateContent): TokenCheck {
  return { ok: false, reason, message: { zh, en }, ...(content ? { content } : {}) };
}

export async function verifyCertificateToken(token: string, keySet: CertificateKeySet): Promise<TokenCheck> {
  const split = splitToken(token);
  if (!split || !isCertificateContent(split.content)) {
    return refuse('malformed', '不是有效的合格证核验码（格式不符）', 'not a valid certificate code (wrong format)');
  }
  const content = split.content;
  const key = keySet.keys.find((k) => k.kid === content.k);
  if (!key) return refuse('unknown-key', `签名密钥 ${content.k} 不在已公布的密钥中，疑似伪造`, `the signing key ${content.k} is not among the published keys: possibly forged`);
  if (key.authority !== content.a) {
    const [keyOwner, claimed] = [authorityName(key.authority), authorityName(content.a)];
    return refuse('wrong-authority', `签名密钥属于其他签发机构（${keyOwner.zh}），不是${claimed.zh}，疑似伪造`, `the signing key belongs to another authority (${keyOwner.en}), not ${claimed.en}: possibly forged`);
  }
  const genuine = await globalThis.crypto.subtle.verify(ED25519, await importPublicKey(key), split.signature, split.body);
  if (!genuine) return refuse('bad-signature', '签名校验失败：合格证内容或签名被改动，疑似伪造', 'the signature does not match: the certificate or its signature was altered, possibly forged');
  if (key.revokedFrom !== undefined && content.d >= key.revokedFrom) {
    return refuse('key-revoked', `签名密钥自 ${key.revokedFrom} 起已吊销，此后开具的合格证无效（本证开具于 ${content.d}）`, `the signing key is revoked from ${key.revokedFrom}; certificates issued since are invalid (this one: ${content.d})`, content);
  }
  if (content.d < key.validFrom || (key.validUntil !== undefined && content.d > key.validUntil)) {
    const until = key.validUntil ?? '—';
    return refuse('outside-key-validity', `签名密钥的有效期为 ${key.validFrom} 至 ${until}，不含开具日期 ${content.d}`, `the signing key signs from ${key.validFrom} to ${until}, not on the issue date ${content.d}`, content);
  }
  return { ok: true, content, key };
}
