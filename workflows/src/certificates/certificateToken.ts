/**
 * The signed certificate (issue: certificates anyone can verify): what a 承诺达标合格证 says, as RFC
 * 8785 canonical JSON, signed with the issuing authority's Ed25519 key (Web Crypto, in Node 20 and in
 * browsers), as one compact token `<content>.<signature>` (both base64url) that fits a QR code.
 *
 * The content keys are short because the token travels in a QR printed on 60×40 mm labels; `CONTENT_KEYS`
 * is the one place that says what each key means. The key id is inside the signed content, so a
 * signature cannot be re-labelled with another key.
 */
import { canonicalJson, fromBase64Url, toBase64Url } from '@nongan/engine';
import type { CommitmentBasis } from './certificateCode.js';

/** What is signed: everything the national rules list, and where in the record it was issued. */
export interface CertificateContent {
  /** Token format. */
  v: 1;
  /** Key id (a key of `a`'s key set). */
  k: string;
  /** Issuing authority (a region's platform). */
  a: string;
  no: string;
  /** Product, quantity or weight, unit, place of origin. */
  p: string;
  q: number;
  u: string;
  o: string;
  /** Producer name, unified social credit code, contact. */
  m: string;
  s: string;
  t: string;
  /** Issue date (China, YYYY-MM-DD). */
  d: string;
  /** The commitment's basis; the commitment itself is the national text `cm` names. */
  b: CommitmentBasis;
  cm: 'national-2024';
  /** The case, and the journal entry (seq, hash) that issued it. */
  c: string;
  n: number;
  h: string;
}

export const CONTENT_KEYS: Record<keyof CertificateContent, { zh: string; en: string }> = {
  v: { zh: '格式版本', en: 'format version' },
  k: { zh: '签名密钥', en: 'signing key' },
  a: { zh: '签发机构', en: 'issuing authority' },
  no: { zh: '合格证编号', en: 'certificate number' },
  p: { zh: '产品名称', en: 'product' },
  q: { zh: '数量（重量）', en: 'quantity or weight' },
  u: { zh: '单位', en: 'unit' },
  o: { zh: '产地', en: 'place of origin' },
  m: { zh: '生产者', en: 'producer' },
  s: { zh: '统一社会信用代码', en: 'credit code' },
  t: { zh: '联系方式', en: 'contact' },
  d: { zh: '开具日期', en: 'date of issue' },
  b: { zh: '承诺依据', en: 'basis of the commitment' },
  cm: { zh: '承诺内容', en: 'commitment' },
  c: { zh: '案件', en: 'case' },
  n: { zh: '流水序号', en: 'journal entry' },
  h: { zh: '流水哈希', en: 'journal hash' },
};

const ED25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export { toBase64Url, fromBase64Url };

/** Any JSON value as a compact token `<canonical JSON>.<Ed25519 signature>` (both base64url). */
export async function signCanonical(value: unknown, privateKey: CryptoKey): Promise<string> {
  const body = encoder.encode(canonicalJson(value));
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, privateKey, body));
  return `${toBase64Url(body)}.${toBase64Url(signature)}`;
}

/** Signs content with an authority's private key (a Web Crypto Ed25519 key). */
export function signCertificate(content: CertificateContent, privateKey: CryptoKey): Promise<string> {
  return signCanonical(content, privateKey);
}

export interface SplitToken {
  /** The signed bytes, as they were signed. */
  body: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  /** The parsed content (not yet verified, not yet shape-checked). */
  content: unknown;
}

/** A token's parts, or null when it is not `<base64url>.<base64url>` around JSON (or longer than `maxChars`: a QR's token fits 4096). */
export function splitToken(token: string, maxChars = 4096): SplitToken | null {
  if (typeof token !== 'string' || token.length > maxChars) return null;
  const parts = token.trim().split('.');
  if (parts.length !== 2) return null;
  const body = fromBase64Url(parts[0]!);
  const signature = fromBase64Url(parts[1]!);
  if (!body || !signature || signature.length !== 64) return null;
  try {
    return { body, signature, content: JSON.parse(decoder.decode(body)) };
  } catch {
    return null;
  }
}

export { ED25519 };
