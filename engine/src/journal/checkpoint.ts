/**
 * Signed checkpoints of journal heads: the anchor a store editor cannot recompute. A hash chain alone
 * can be re-hashed end to end, or cut and the case rolled back to an earlier record; a checkpoint,
 * signed with a key the store does not hold (the server's, or the browser installation's), names each
 * case's head at that moment, so a journal that no longer holds that entry with that hash is named.
 * Checkpoints chain like journal entries (each names the previous one's hash) and list only the heads
 * that changed since the previous one.
 */
import { fromBase64Url, toBase64Url } from './base64url.js';
import { canonicalJson, sha256Hex } from './hash.js';
import { GENESIS_HASH } from './journal.js';

/** A case's journal head: its last entry's sequence number and hash. */
export interface HeadRef {
  instanceId: string;
  seq: number;
  hash: string;
}

export interface JournalCheckpoint {
  /** 1, 2, … per store, without gaps. */
  seq: number;
  /** When it was made (the engine's clock). */
  at: number;
  /** The signing key's id. */
  keyId: string;
  /** The previous checkpoint's hash (`GENESIS_HASH` for the first). */
  prevHash: string;
  /** Heads changed since the previous checkpoint, by case id. */
  heads: HeadRef[];
  /** SHA-256 over the canonical JSON of everything above. */
  hash: string;
  /** Ed25519 signature over `hash` (its UTF-8 text), base64url. */
  signature: string;
}

/**
 * Signs checkpoints and checks them. Keys live outside the store (a server's key file, a browser's
 * non-extractable key): whoever can edit the store must not be able to sign.
 */
export interface CheckpointSigner {
  readonly keyId: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** Whether `signature` over `data` is genuine for key `keyId` (false for a key it does not know). */
  verify(keyId: string, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

/** An Ed25519 signer over Web Crypto keys (Node 20 and current browsers). `privateKey` may be absent: verify only. */
export function createEd25519Signer(options: { keyId: string; privateKey?: CryptoKey; publicKeys: Readonly<Record<string, CryptoKey>> }): CheckpointSigner {
  const { keyId, privateKey, publicKeys } = options;
  return {
    keyId,
    async sign(data) {
      if (!privateKey) throw new Error(`checkpoint key ${keyId} can only verify`);
      return new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, privateKey, data as Uint8Array<ArrayBuffer>));
    },
    async verify(id, data, signature) {
      const key = publicKeys[id];
      if (!key) return false;
      return globalThis.crypto.subtle.verify(ED25519, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    },
  };
}

type Unsigned = Omit<JournalCheckpoint, 'hash' | 'signature'>;

const hashOf = (body: Unsigned) => sha256Hex(canonicalJson(body));

export async function sealCheckpoint(body: Unsigned, signer: CheckpointSigner): Promise<JournalCheckpoint> {
  const hash = await hashOf(body);
  return { ...body, hash, signature: toBase64Url(await signer.sign(encoder.encode(hash))) };
}

export interface CheckpointProblem {
  /** The checkpoint concerned. */
  checkpoint: number;
  message: string;
  messageZh: string;
}

/** What is wrong with `checkpoint` itself, given the one before it (null for the first), or null. */
export async function checkpointProblem(checkpoint: JournalCheckpoint, previous: JournalCheckpoint | null, signer: CheckpointSigner): Promise<CheckpointProblem | null> {
  const n = checkpoint.seq;
  const fail = (en: string, zh: string): CheckpointProblem => ({ checkpoint: n, message: `checkpoint ${n}: ${en}`, messageZh: `第 ${n} 个校验点：${zh}` });
  const { hash, signature, ...body } = checkpoint;
  if ((await hashOf(body)) !== hash) return fail('was altered after it was signed', '签署后被修改');
  const bytes = fromBase64Url(signature);
  if (!bytes || !(await signer.verify(checkpoint.keyId, encoder.encode(hash), bytes))) {
    return fail(`its signature is not genuine for key ${checkpoint.keyId}`, `签名与密钥 ${checkpoint.keyId} 不符`);
  }
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (n !== expectedSeq) return fail(`follows checkpoint ${previous?.seq ?? 0}: checkpoints are missing`, `接在第 ${previous?.seq ?? 0} 个之后：中间的校验点缺失`);
  if (checkpoint.prevHash !== (previous?.hash ?? GENESIS_HASH)) return fail('does not follow the checkpoint before it', '与前一个校验点不衔接');
  return null;
}

/** Each case's latest anchored head over `checkpoints` (given in order). */
export function latestAnchors(checkpoints: readonly JournalCheckpoint[]): Map<string, { checkpoint: number; head: HeadRef }> {
  const latest = new Map<string, { checkpoint: number; head: HeadRef }>();
  for (const checkpoint of checkpoints) for (const head of checkpoint.heads) latest.set(head.instanceId, { checkpoint: checkpoint.seq, head });
  return latest;
}
