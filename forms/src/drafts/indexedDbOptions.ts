/** Where a Dexie-backed forms store lives: its database name and, in Node tests, a fake IndexedDB. */
export interface IndexedDbOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Dexie's constructor options for `options` (only what was given). */
export function dexieOptions(options: IndexedDbOptions): { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } {
  return { ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}), ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}) };
}
