/**
 * DesignerStore on IndexedDB through Dexie (the browser default). Published versions live in a table
 * keyed by [docId+version]; `add` (never `put`) makes a second publish of the same version fail
 * inside the transaction instead of overwriting — immutability is enforced by the database too.
 */
import { Dexie, type Table } from 'dexie';
import { checkDoc, checkDraft, checkPublishInput, copy, duplicateVersion, withSupersession } from './checks.js';
import { summarize } from './summary.js';
import { docIdOf, versionOf, type DesignerStore, type DraftRecord, type VersionRecord } from './types.js';

export interface DexieDesignerStoreOptions {
  /** Database name (default `nongan-designer`). */
  name?: string;
  /** For Node tests: `indexedDB` and `IDBKeyRange` from fake-indexeddb. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  now?: () => Date;
}

class DesignerDb extends Dexie {
  drafts!: Table<DraftRecord, string>;
  versions!: Table<VersionRecord, [string, string]>;
  constructor(options: DexieDesignerStoreOptions) {
    super(options.name ?? 'nongan-designer', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({ drafts: 'docId', versions: '[docId+version], docId' });
  }
}

export function createDexieDesignerStore(options: DexieDesignerStoreOptions = {}): DesignerStore & { close(): void } {
  const db = new DesignerDb(options);
  const now = options.now ?? (() => new Date());
  return {
    close: () => db.close(),
    async saveDraft(doc) {
      checkDraft(doc);
      const record: DraftRecord = { docId: docIdOf(doc), doc: copy(doc), savedAt: now().toISOString() };
      await db.drafts.put(record);
      return record;
    },
    getDraft: (docId) => db.drafts.get(docId),
    async deleteDraft(docId) {
      await db.drafts.delete(docId);
    },
    async publish(doc, input) {
      checkDoc(doc);
      checkPublishInput(input);
      const docId = docIdOf(doc);
      const version = versionOf(doc);
      const record: VersionRecord = { docId, version, doc: copy(doc), effectiveFrom: input.effectiveFrom, note: input.note, publishedAt: now().toISOString() };
      try {
        await db.transaction('rw', db.versions, db.drafts, async () => {
          await db.versions.add(record);
          await db.drafts.delete(docId);
        });
      } catch (error) {
        if (error instanceof Dexie.ConstraintError || (error as { name?: string }).name === 'ConstraintError') throw duplicateVersion(docId, version);
        throw error;
      }
      return record;
    },
    async listVersions(docId) {
      return withSupersession(await db.versions.where('docId').equals(docId).toArray());
    },
    getVersion: (docId, version) => db.versions.get([docId, version]),
    async listDocuments() {
      const [drafts, versions] = await Promise.all([db.drafts.toArray(), db.versions.toArray()]);
      return summarize(drafts, versions);
    },
  };
}
