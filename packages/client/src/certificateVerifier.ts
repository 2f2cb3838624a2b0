/**
 * Verifying a 承诺达标合格证 anywhere (issue 14): the signature is checked on this device with the
 * issuing authorities' published keys (kept for offline use), then the server is asked for the live
 * standing that a signature cannot carry (revoked, superseded, producer suspended …). Without a
 * network the signature check still stands, and the answer says the live status is unknown.
 * Public: no session, no cookies; the server logs each check with its outcome.
 */
import type { LocalText } from '@nongan/engine';
import {
  listedStatus,
  readKeySet,
  tokenOfVerifyUrl,
  verifyCertificateToken,
  verifyStatusList,
  type ListedStatus,
  type CertificateContent,
  type CertificateKeySet,
  type CertificateStanding,
  type TokenRefusal,
} from '@nongan/workflows';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface CertificateVerifierOptions {
  /** Where the server is: '' (the page's origin, default). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Where the key set is kept between visits (the page's localStorage); null keeps it in memory only. */
  storage?: KeyValueStorage | null;
  now?: () => number;
  /** How long a kept key set is used before it is fetched again (default one hour, the server's max-age). */
  keySetMaxAgeMs?: number;
  /** How old a kept status list may get before a verification online fetches it again (default ten minutes). */
  statusListMaxAgeMs?: number;
  timeoutMs?: number;
}

export type SignatureOutcome = 'valid' | TokenRefusal | 'not-checked' | 'no-keys';

export interface CertificateCheck {
  /** What was given: a scanned token (or its verification address), a typed number, or neither. */
  input: 'token' | 'number' | 'unreadable';
  /** The signature check on this device: `not-checked` for a typed number, `no-keys` offline before any key set was kept. */
  signature: SignatureOutcome;
  signatureMessage?: LocalText;
  /** The signed content, when the signature verified (what the printing says, also offline). */
  content?: CertificateContent;
  /** The server's live standing, or null when it could not be reached. */
  standing: CertificateStanding | null;
  /** The key set used: when it was fetched, and whether the network failed so a kept one was used. */
  keys: { fetchedAt: number; fromCache: boolean } | null;
  /** Offline: what the authority's signed status list kept on this device says, and as of when. */
  listed?: { status: ListedStatus; asOf: string };
}

export interface CertificateVerifier {
  verify(input: string, options?: { place?: string }): Promise<CertificateCheck>;
}

export const KEY_SET_STORAGE_KEY = 'nongan-certificate-keys';
export const STATUS_LIST_STORAGE_KEY = 'nongan-certificate-status';
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const NUMBER = /^[A-Za-z0-9-]{1,64}$/;
const LISTED_STANDINGS = new Set<string>(['revoked', 'fake', 'producer-blacklisted']);

const NO_KEYS: LocalText = { zh: '本机尚未缓存签发机构公钥且无法联网，暂不能核验签名', en: 'No issuing keys are kept on this device and the network is unreachable: the signature cannot be checked yet' };

/** The token in what was scanned or typed: a verification address, the route part, or the bare token. */
export function tokenOfInput(input: string): string | null {
  const trimmed = input.trim();
  return tokenOfVerifyUrl(trimmed) ?? (TOKEN.test(trimmed) ? trimmed : null);
}

export function createCertificateVerifier(options: CertificateVerifierOptions = {}): CertificateVerifier {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  const now = options.now ?? Date.now;
  const maxAge = options.keySetMaxAgeMs ?? 3_600_000;
  const timeoutMs = options.timeoutMs ?? 8000;
  const listMaxAge = options.statusListMaxAgeMs ?? 600_000;
  let memory: { keySet: CertificateKeySet; fetchedAt: number } | null = null;

  /** A reply, or null when the network (not the server) failed. */
  async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
    try {
      return await doFetch(`${baseUrl}${path}`, { ...init, credentials: 'omit', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json', ...(init.headers as Record<string, string>) } });
    } catch {
      return null;
    }
  }

  function kept(): { keySet: CertificateKeySet; fetchedAt: number } | null {
    if (memory) return memory;
    try {
      const raw = storage?.getItem(KEY_SET_STORAGE_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as { keySet?: unknown; fetchedAt?: unknown };
      if (typeof parsed.fetchedAt !== 'number') return null;
      // Only well-formed keys are kept from what was stored (it may have been edited).
      memory = { keySet: readKeySet(parsed.keySet), fetchedAt: parsed.fetchedAt };
      return memory;
    } catch {
      return null;
    }
  }

  async function keySet(fresh: boolean): Promise<{ keySet: CertificateKeySet; fetchedAt: number; fromCache: boolean } | null> {
    const cached = kept();
    if (cached && !fresh && now() - cached.fetchedAt < maxAge) return { ...cached, fromCache: false };
    const reply = await call('/.well-known/jwks.json');
    if (reply?.ok) {
      const body = (await reply.json().catch(() => null)) as { keys?: unknown } | null;
      if (Array.isArray(body?.keys)) {
        memory = { keySet: readKeySet(body), fetchedAt: now() };
        try {
          storage?.setItem(KEY_SET_STORAGE_KEY, JSON.stringify(memory));
        } catch {
          // storage full or refused: the set is still used for this visit
        }
        return { ...memory, fromCache: false };
      }
    }
    return cached ? { ...cached, fromCache: true } : null;
  }

  const listKey = (authority: string) => `${STATUS_LIST_STORAGE_KEY}:${authority}`;
  function keptList(authority: string): { token: string; fetchedAt: number } | null {
    try {
      const parsed = JSON.parse(storage?.getItem(listKey(authority)) ?? 'null') as { token?: unknown; fetchedAt?: unknown } | null;
      return typeof parsed?.token === 'string' && typeof parsed.fetchedAt === 'number' ? { token: parsed.token, fetchedAt: parsed.fetchedAt } : null;
    } catch {
      return null;
    }
  }

  /** Keeps the authority's status list fresh while online, for the next offline check. */
  async function refreshList(authority: string, force: boolean): Promise<void> {
    const kept = keptList(authority);
    if (!storage || (!force && kept && now() - kept.fetchedAt < listMaxAge)) return;
    // Forced: past the browser's HTTP cache too (the list may be cached for a minute).
    const reply = await call(`/api/certificates/status-lists/${encodeURIComponent(authority)}`, force ? { cache: 'no-cache' } : {});
    const body = reply?.ok ? ((await reply.json().catch(() => null)) as { token?: unknown } | null) : null;
    if (typeof body?.token !== 'string') return;
    try {
      storage.setItem(listKey(authority), JSON.stringify({ token: body.token, fetchedAt: now() }));
    } catch {
      // storage full: offline checks fall back to the signature alone
    }
  }

  /** Offline: what the kept, signature-checked list says of the certificate. */
  async function fromKeptList(content: CertificateContent, keySet: CertificateKeySet): Promise<CertificateCheck['listed']> {
    const kept = keptList(content.a);
    if (!kept) return undefined;
    const list = await verifyStatusList(kept.token, keySet);
    if (!list.ok || list.content.a !== content.a) return undefined;
    return { status: listedStatus(list.content, content.no, content.s), asOf: list.content.at };
  }

  async function standingOf(path: string, init?: RequestInit): Promise<(CertificateStanding & { signature?: string }) | null> {
    const reply = await call(path, init);
    if (!reply) return null;
    if (!reply.ok) {
      const body = (await reply.json().catch(() => ({}))) as { message?: string; messageZh?: string };
      throw Object.assign(new Error(`${body.messageZh ?? ''} / ${body.message ?? reply.status}`), { status: reply.status });
    }
    return (await reply.json()) as CertificateStanding & { signature?: string };
  }

  return {
    async verify(input, { place } = {}) {
      const token = tokenOfInput(input);
      if (!token) {
        const number = input.trim();
        if (!NUMBER.test(number)) return { input: 'unreadable', signature: 'not-checked', standing: null, keys: null };
        const standing = await standingOf(`/api/certificates/${encodeURIComponent(number)}`);
        return { input: 'number', signature: 'not-checked', standing, keys: null };
      }
      let keys = await keySet(false);
      let check = keys ? await verifyCertificateToken(token, keys.keySet) : null;
      // A key newer than the kept set: fetch the set once more before calling the code unknown.
      if (check && !check.ok && check.reason === 'unknown-key' && keys && !keys.fromCache) {
        keys = (await keySet(true)) ?? keys;
        check = await verifyCertificateToken(token, keys.keySet);
      }
      // The server is asked in every case: it logs forged codes and where they turn up, and knows superseded printings.
      const answer = await standingOf('/api/certificates/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...(place ? { place } : {}) }) });
      const standing = answer && 'status' in answer && answer.status ? stripSignature(answer) : null;
      const keyInfo = keys ? { fetchedAt: keys.fetchedAt, fromCache: keys.fromCache } : null;
      if (!check) return { input: 'token', signature: 'no-keys', signatureMessage: NO_KEYS, standing, keys: keyInfo };
      if (!check.ok) return { input: 'token', signature: check.reason, signatureMessage: check.message, standing, keys: keyInfo };
      // A live answer the kept list may not know yet (a revocation since) refreshes it at once.
      if (standing) await refreshList(check.content.a, LISTED_STANDINGS.has(standing.status));
      const listed = standing ? undefined : await fromKeptList(check.content, keys!.keySet);
      return { input: 'token', signature: 'valid', content: check.content, standing, keys: keyInfo, ...(listed ? { listed } : {}) };
    },
  };
}

function stripSignature(answer: CertificateStanding & { signature?: string; signatureMessage?: unknown }): CertificateStanding {
  const { signature: _s, signatureMessage: _m, ...standing } = answer;
  return standing;
}
