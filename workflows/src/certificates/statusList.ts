/**
 * An authority's signed status list (issue 14 item 4): the numbers of its certificates revoked by an
 * official or found fake, and the credit codes of producers on the credit record, signed with the
 * authority's key like its certificates. A verifier keeps the last list it fetched, so offline it can
 * still say "not revoked as of …", and nobody can forge or shorten the list without the key.
 */
import { importPublicKey, type CertificateKeySet } from './certificateKeySet.js';
import { ED25519, signCanonical, splitToken } from './certificateToken.js';

export interface StatusListContent {
  /** Format. */
  v: 1;
  /** Key id (of `a`'s key set) and the issuing authority. */
  k: string;
  a: string;
  /** When the list was made (ISO 8601). */
  at: string;
  /** Certificate numbers revoked by an official. */
  r: string[];
  /** Certificate numbers found fake or impersonated. */
  f: string[];
  /** Credit codes of producers on the credit record (black list, seed 003). */
  b: string[];
}

export type StatusListCheck =
  | { ok: true; content: StatusListContent }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature'; message: { zh: string; en: string } };

/** What a list says of one certificate. */
export type ListedStatus = 'revoked' | 'fake' | 'producer-blacklisted' | 'not-listed';

/** Large enough for years of revocations; a list beyond it is refused unread. */
const MAX_LIST_CHARS = 4 * 1024 * 1024;

export function signStatusList(content: StatusListContent, privateKey: CryptoKey): Promise<string> {
  return signCanonical(content, privateKey);
}

const texts = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 200);

function isStatusListContent(value: unknown): value is StatusListContent {
  const c = value as Partial<StatusListContent> | null;
  return (
    typeof c === 'object' && c !== null && c.v === 1 && typeof c.k === 'string' && typeof c.a === 'string' &&
    typeof c.at === 'string' && !Number.isNaN(Date.parse(c.at)) && texts(c.r) && texts(c.f) && texts(c.b)
  );
}

const refuse = (reason: 'malformed' | 'unknown-key' | 'bad-signature', zh: string, en: string): StatusListCheck => ({ ok: false, reason, message: { zh, en } });

/** Checks a list's signature with the published keys (any key of its authority that is not revoked before the list was made). */
export async function verifyStatusList(token: string, keySet: CertificateKeySet): Promise<StatusListCheck> {
  const split = splitToken(token, MAX_LIST_CHARS);
  if (!split || !isStatusListContent(split.content)) return refuse('malformed', '撤销名单格式不符', 'the status list is not well-formed');
  const { content, body, signature } = split;
  const key = keySet.keys.find((k) => k.kid === content.k && k.authority === content.a);
  if (!key || (key.revokedFrom !== undefined && content.at.slice(0, 10) >= key.revokedFrom)) {
    return refuse('unknown-key', '撤销名单的签名密钥不在已公布的有效密钥中', 'the status list is signed with a key that is not published or is revoked');
  }
  if (!(await globalThis.crypto.subtle.verify(ED25519, await importPublicKey(key), signature, body))) {
    return refuse('bad-signature', '撤销名单签名校验失败，已被改动', 'the status list signature does not match: it was altered');
  }
  return { ok: true, content };
}

/** What a verified list says of a certificate `number` by the producer with credit code `uscc`. */
export function listedStatus(list: StatusListContent, number: string, uscc: string): ListedStatus {
  if (list.f.includes(number)) return 'fake';
  if (list.r.includes(number)) return 'revoked';
  if (list.b.includes(uscc)) return 'producer-blacklisted';
  return 'not-listed';
}
