/**
 * This browser installation's checkpoint key (issue 19): an Ed25519 pair made once, its private half
 * non-extractable (Web Crypto never hands it out, not even to this page), kept in its own IndexedDB
 * database beside the portal's. It signs the checkpoints of the journal heads, so an edit of the
 * stored cases made through the developer tools or a copied profile shows when checked. Anyone who can
 * run code in this page can still ask the key to sign: the browser-only mode protects against edits of
 * the data at rest, not against a compromised page.
 */
import Dexie from 'dexie';
import { createEd25519Signer, type CheckpointSigner } from '@nongan/engine';

interface StoredKey {
  id: 'checkpoint';
  keyId: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export const KEY_DB = 'nongan-portal-key';

export async function installationSigner(name: string): Promise<CheckpointSigner> {
  const db = new Dexie(name);
  db.version(1).stores({ keys: 'id' });
  const keys = db.table<StoredKey, string>('keys');
  try {
    let stored = await keys.get('checkpoint');
    if (!stored) {
      const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
      const made: StoredKey = { id: 'checkpoint', keyId: `installation-${crypto.randomUUID().slice(0, 8)}`, privateKey: pair.privateKey, publicKey: pair.publicKey };
      // Another tab opening at the same moment may have stored its key first: that one is the installation's.
      stored = await keys.add(made).then(() => made, async () => (await keys.get('checkpoint'))!);
    }
    return createEd25519Signer({ keyId: stored.keyId, privateKey: stored.privateKey, publicKeys: { [stored.keyId]: stored.publicKey } });
  } finally {
    db.close();
  }
}
