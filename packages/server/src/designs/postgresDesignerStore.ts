/**
 * The designer's store on the server's database: the same DesignerStore the browser keeps in
 * IndexedDB, with the same checks (from @nongan/designer), so a draft or publication is refused on the
 * server exactly as it would be in the browser. One shared draft per document; published versions are
 * immutable (the primary key refuses a second publication of a version, also between processes).
 */
import { isDeepStrictEqual } from 'node:util';
import type { SqlQueryable } from '@nongan/engine/postgres';
import {
  checkDoc,
  checkDraft,
  checkPublishInput,
  docIdOf,
  duplicateVersion,
  PublishError,
  summarize,
  versionOf,
  withSupersession,
  type DesignDoc,
  type DesignerStore,
  type DraftRecord,
  type VersionRecord,
} from '@nongan/designer';

interface DraftRow {
  doc_id: string;
  doc: DesignDoc;
  saved_at: string;
}
interface VersionRow {
  doc_id: string;
  version: string;
  doc: DesignDoc;
  effective_from: string;
  note: string;
  published_at: string;
}

const draftOf = (r: DraftRow): DraftRecord => ({ docId: r.doc_id, doc: r.doc, savedAt: r.saved_at });
const versionOfRow = (r: VersionRow): VersionRecord => ({ docId: r.doc_id, version: r.version, doc: r.doc, effectiveFrom: r.effective_from, note: r.note, publishedAt: r.published_at });
const VERSION_COLUMNS = 'doc_id, version, doc, effective_from, note, published_at';

export interface PostgresDesignerStore extends DesignerStore {
  /** Every published version of every document in one query (what the form catalogue reads). */
  allVersions(): Promise<VersionRecord[]>;
  /** Changes with every publication: the number of versions and the latest publication time. */
  stamp(): Promise<string>;
  /**
   * A version from a backup, with its original publication time: added when this server lacks it,
   * `same` when it holds the identical version, `different` when it holds another text under that number.
   */
  restoreVersion(record: VersionRecord): Promise<'added' | 'same' | 'different'>;
}

export function createPostgresDesignerStore(db: SqlQueryable, now: () => Date = () => new Date()): PostgresDesignerStore {
  return {
    async saveDraft(doc) {
      checkDraft(doc);
      const { rows } = await db.query<DraftRow>(
        `INSERT INTO nongan_design_drafts (doc_id, doc, saved_at) VALUES ($1, $2::json, $3)
         ON CONFLICT (doc_id) DO UPDATE SET doc = EXCLUDED.doc, saved_at = EXCLUDED.saved_at
         RETURNING doc_id, doc, saved_at`,
        [docIdOf(doc), JSON.stringify(doc), now().toISOString()],
      );
      return draftOf(rows[0]!);
    },
    async getDraft(docId) {
      const { rows } = await db.query<DraftRow>('SELECT doc_id, doc, saved_at FROM nongan_design_drafts WHERE doc_id = $1', [docId]);
      return rows[0] && draftOf(rows[0]);
    },
    async deleteDraft(docId) {
      await db.query('DELETE FROM nongan_design_drafts WHERE doc_id = $1', [docId]);
    },
    async publish(doc, input) {
      checkDoc(doc);
      checkPublishInput(input);
      const docId = docIdOf(doc);
      const version = versionOf(doc);
      // One statement: the version is written and its document's draft removed together, or neither.
      const { rows } = await db.query<VersionRow>(
        `WITH published AS (
           INSERT INTO nongan_design_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3::json, $4, $5, $6)
           ON CONFLICT (doc_id, version) DO NOTHING
           RETURNING ${VERSION_COLUMNS}
         ), cleared AS (
           DELETE FROM nongan_design_drafts WHERE doc_id = $1 AND EXISTS (SELECT 1 FROM published)
         )
         SELECT ${VERSION_COLUMNS} FROM published`,
        [docId, version, JSON.stringify(doc), input.effectiveFrom, input.note, now().toISOString()],
      );
      if (!rows[0]) throw duplicateVersion(docId, version);
      return versionOfRow(rows[0]);
    },
    async listVersions(docId) {
      const { rows } = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM nongan_design_versions WHERE doc_id = $1`, [docId]);
      return withSupersession(rows.map(versionOfRow));
    },
    async getVersion(docId, version) {
      const { rows } = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM nongan_design_versions WHERE doc_id = $1 AND version = $2`, [docId, version]);
      return rows[0] && versionOfRow(rows[0]);
    },
    async listDocuments() {
      const [drafts, versions] = await Promise.all([
        db.query<DraftRow>('SELECT doc_id, doc, saved_at FROM nongan_design_drafts'),
        db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM nongan_design_versions`),
      ]);
      return summarize(drafts.rows.map(draftOf), versions.rows.map(versionOfRow));
    },
    async stamp() {
      const { rows } = await db.query<{ n: number; latest: string | null }>('SELECT count(*)::integer AS n, max(published_at) AS latest FROM nongan_design_versions');
      return `${rows[0]?.n ?? 0}|${rows[0]?.latest ?? ''}`;
    },
    async restoreVersion(record) {
      checkDoc(record.doc);
      checkPublishInput({ effectiveFrom: record.effectiveFrom, note: record.note });
      if (docIdOf(record.doc) !== record.docId || versionOf(record.doc) !== record.version) {
        throw new PublishError(`${record.docId} 版本 ${record.version} 的记录与其中的表单不一致`, `the record of ${record.docId} version ${record.version} does not match the form inside it`);
      }
      const { rows } = await db.query<VersionRow>(
        `INSERT INTO nongan_design_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3::json, $4, $5, $6)
         ON CONFLICT (doc_id, version) DO NOTHING RETURNING doc_id`,
        [record.docId, record.version, JSON.stringify(record.doc), record.effectiveFrom, record.note, record.publishedAt],
      );
      if (rows[0]) return 'added';
      const held = await this.getVersion(record.docId, record.version);
      return held && isDeepStrictEqual(held.doc, record.doc) && held.effectiveFrom === record.effectiveFrom ? 'same' : 'different';
    },
    async allVersions() {
      const { rows } = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM nongan_design_versions ORDER BY doc_id, effective_from, published_at`);
      return rows.map(versionOfRow);
    },
  };
}
