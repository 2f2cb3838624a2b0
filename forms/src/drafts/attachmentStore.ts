/**
 * Attachment and photo Blobs, kept in IndexedDB (Dexie) by default. Form values hold only a reference
 * `{ id, name, type, size }`, so drafts and submitted data stay small JSON.
 */
import Dexie, { type Table } from 'dexie';
import { dexieOptions, type IndexedDbOptions } from './indexedDbOptions.js';

export interface AttachmentRef {
  id: string;
  name: string;
  type: string;
  size: number;
}

export interface AttachmentStore {
  put(file: Blob & { name?: string }): Promise<AttachmentRef>;
  get(id: string): Promise<Blob | undefined>;
  remove(id: string): Promise<void>;
}

interface StoredAttachment {
  id: string;
  blob: Blob;
  name: string;
  type: string;
  size: number;
  storedAt: number;
}

class AttachmentDatabase extends Dexie {
  attachments!: Table<StoredAttachment, string>;
  constructor(options: IndexedDbOptions) {
    super(options.name ?? 'nongan-attachments', dexieOptions(options));
    this.version(1).stores({ attachments: 'id' });
  }
}

export function createDexieAttachmentStore(options: IndexedDbOptions = {}): AttachmentStore {
  const db = new AttachmentDatabase(options);
  return {
    async put(file) {
      const ref: AttachmentRef = { id: globalThis.crypto.randomUUID(), name: file.name ?? 'file', type: file.type, size: file.size };
      await db.attachments.put({ ...ref, blob: file, storedAt: Date.now() });
      return ref;
    },
    get: async (id) => (await db.attachments.get(id))?.blob,
    remove: (id) => db.attachments.delete(id),
  };
}

export function createMemoryAttachmentStore(): AttachmentStore {
  const blobs = new Map<string, Blob>();
  return {
    async put(file) {
      const ref: AttachmentRef = { id: globalThis.crypto.randomUUID(), name: file.name ?? 'file', type: file.type, size: file.size };
      blobs.set(ref.id, file);
      return ref;
    },
    get: async (id) => blobs.get(id),
    remove: async (id) => void blobs.delete(id),
  };
}
