/**
 * The server's checkpoint key (issue 19): an Ed25519 key pair in a file outside the database, so
 * whoever can edit the database cannot sign a checkpoint. Every process of one deployment reads the
 * same file; the first to start writes it (mode 0600, never overwritten). Keys of other deployments
 * whose backups this server may restore are listed under `trusted` (public halves only).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createEd25519Signer, type CheckpointSigner } from '@nongan/engine';

export const CHECKPOINT_KEY_FORMAT = 'nongan-checkpoint-key';

interface PublicKeyEntry {
  keyId: string;
  publicJwk: JsonWebKey;
}

export interface CheckpointKeyFile extends PublicKeyEntry {
  format: typeof CHECKPOINT_KEY_FORMAT;
  privateJwk: JsonWebKey;
  /** Public keys of other deployments whose checkpoints this server accepts (a restore from them). */
  trusted?: PublicKeyEntry[];
}

const ED25519 = { name: 'Ed25519' } as const;

async function keyIdOf(publicJwk: JsonWebKey): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(String(publicJwk.x))));
  return `checkpoint-${Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

async function generate(): Promise<CheckpointKeyFile> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { format: CHECKPOINT_KEY_FORMAT, keyId: await keyIdOf(publicJwk), publicJwk, privateJwk };
}

function invalid(path: string, why: string, whyZh: string): Error {
  return new Error(`checkpoint key file ${path}: ${why} / 校验点密钥文件 ${path}：${whyZh}`);
}

async function signerOf(file: CheckpointKeyFile, path: string): Promise<CheckpointSigner> {
  if (file?.format !== CHECKPOINT_KEY_FORMAT || typeof file.keyId !== 'string' || !file.privateJwk || !file.publicJwk) {
    throw invalid(path, `not a ${CHECKPOINT_KEY_FORMAT} file`, `不是 ${CHECKPOINT_KEY_FORMAT} 文件`);
  }
  try {
    const publicKeys: Record<string, CryptoKey> = {};
    for (const entry of [file, ...(file.trusted ?? [])]) publicKeys[entry.keyId] = await crypto.subtle.importKey('jwk', entry.publicJwk, ED25519, true, ['verify']);
    const privateKey = await crypto.subtle.importKey('jwk', file.privateJwk, ED25519, false, ['sign']);
    return createEd25519Signer({ keyId: file.keyId, privateKey, publicKeys });
  } catch (error) {
    throw invalid(path, `a key cannot be read (${(error as Error).message})`, '密钥无法读取');
  }
}

/**
 * The signer of `path`, creating the file on first use; `null` is a key for this process only (an
 * in-memory database, which dies with the process).
 */
export async function loadCheckpointSigner(path: string | null): Promise<CheckpointSigner> {
  if (path === null) return signerOf(await generate(), 'memory');
  try {
    return await signerOf(JSON.parse(await readFile(path, 'utf8')) as CheckpointKeyFile, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const created = await generate();
  try {
    // `wx`: another process that started at the same moment keeps its file, and this one reads it.
    await writeFile(path, `${JSON.stringify(created, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadCheckpointSigner(path);
  }
  return signerOf(created, path);
}
