/** In-memory DesignerStore (tests, Storybook, hosts without IndexedDB). Values are copied in and out. */
import { checkDoc, checkDraft, checkPublishInput, copy, duplicateVersion, withSupersession } from './checks.js';
import { summarize } from './summary.js';
import { docIdOf, versionOf, type DesignerStore, type DraftRecord, type VersionRecord } from './types.js';

export function createMemoryDesignerStore(options: { now?: () => Date } = {}): DesignerStore {
  const now = options.now ?? (() => new Date());
  const drafts = new Map<string, DraftRecord>();
  const versions = new Map<string, VersionRecord>();
  const versionKey = (docId: string, version: string) => JSON.stringify([docId, version]);
  return {
    async saveDraft(doc) {
      checkDraft(doc);
      const record: DraftRecord = { docId: docIdOf(doc), doc: copy(doc), savedAt: now().toISOString() };
      drafts.set(record.docId, record);
      return copy(record);
    },
    async getDraft(docId) {
      const record = drafts.get(docId);
      return record && copy(record);
    },
    async deleteDraft(docId) {
      drafts.delete(docId);
    },
    async publish(doc, input) {
      checkDoc(doc);
      checkPublishInput(input);
      const docId = docIdOf(doc);
      const version = versionOf(doc);
      const key = versionKey(docId, version);
      if (versions.has(key)) throw duplicateVersion(docId, version);
      const record: VersionRecord = { docId, version, doc: copy(doc), effectiveFrom: input.effectiveFrom, note: input.note, publishedAt: now().toISOString() };
      versions.set(key, record);
      drafts.delete(docId);
      return copy(record);
    },
    async listVersions(docId) {
      return copy(withSupersession([...versions.values()].filter((v) => v.docId === docId)));
    },
    async getVersion(docId, version) {
      const record = versions.get(versionKey(docId, version));
      return record && copy(record);
    },
    async listDocuments() {
      return summarize([...drafts.values()], [...versions.values()]);
    },
  };
}
