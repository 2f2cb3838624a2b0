/**
 * Where unfinished form data waits between visits. A small interface so the renderer does not care
 * whether drafts live in IndexedDB (the default), in memory (tests) or on a server later.
 */
import Dexie, { type Table } from 'dexie';
import { dexieOptions, type IndexedDbOptions } from './indexedDbOptions.js';

export interface Draft {
  key: string;
  formId: string;
  formVersion: string;
  value: Record<string, unknown>;
  savedAt: number;
}

export interface DraftStore {
  load(key: string): Promise<Draft | undefined>;
  save(draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createMemoryDraftStore(): DraftStore {
  const drafts = new Map<string, Draft>();
  return {
    load: async (key) => (drafts.has(key) ? structuredClone(drafts.get(key)) : undefined),
    save: async (draft) => void drafts.set(draft.key, structuredClone(draft)),
    remove: async (key) => void drafts.delete(key),
  };
}

class DraftDatabase extends Dexie {
  drafts!: Table<Draft, string>;
  constructor(options: IndexedDbOptions) {
    super(options.name ?? 'nongan-drafts', dexieOptions(options));
    this.version(1).stores({ drafts: 'key, formId' });
  }
}

export function createDexieDraftStore(options: IndexedDbOptions = {}): DraftStore {
  const db = new DraftDatabase(options);
  return {
    load: (key) => db.drafts.get(key),
    save: async (draft) => void (await db.drafts.put(draft)),
    remove: (key) => db.drafts.delete(key),
  };
}
