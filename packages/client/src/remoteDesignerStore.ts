/**
 * The designer's store on the Nong'an server (`/api/designs`): drafts shared by the region's
 * configuration staff, publications the server's cases pin. The server checks each document as the
 * designer does and decides who may edit it; its refusals arrive as `ServerError` in both languages,
 * which the designer shows like its own.
 */
import type { DesignDoc, DesignerStore, DocumentSummary, DraftRecord, PublishInput, VersionEntry, VersionRecord } from '@nongan/designer';
import { docIdOf } from '@nongan/designer';
import { ServerError, type ServerConnection } from './connection.js';

const at = (docId: string) => `/api/designs/${encodeURIComponent(docId)}`;
const notFoundAsUndefined = <T>(error: unknown): T | undefined => {
  if (error instanceof ServerError && error.status === 404) return undefined;
  throw error;
};

export interface RemoteDesignerStore extends DesignerStore {
  /** Every published version in one request (what the form catalogue reads). */
  allVersions(): Promise<VersionRecord[]>;
}

export function createRemoteDesignerStore(connection: ServerConnection): RemoteDesignerStore {
  return {
    saveDraft: (doc: DesignDoc) => connection.request<DraftRecord>('POST', `${at(docIdOf(doc))}/draft`, { doc }),
    getDraft: (docId) => connection.request<DraftRecord>('GET', `${at(docId)}/draft`).catch(notFoundAsUndefined<DraftRecord>),
    deleteDraft: async (docId) => {
      await connection.request('DELETE', `${at(docId)}/draft`);
    },
    publish: (doc: DesignDoc, input: PublishInput) => connection.request<VersionRecord>('POST', `${at(docIdOf(doc))}/versions`, { doc, ...input }),
    listVersions: (docId) => connection.request<VersionEntry[]>('GET', `${at(docId)}/versions`),
    getVersion: (docId, version) => connection.request<VersionRecord>('GET', `${at(docId)}/versions/${encodeURIComponent(version)}`).catch(notFoundAsUndefined<VersionRecord>),
    listDocuments: () => connection.request<DocumentSummary[]>('GET', '/api/designs'),
    allVersions: () => connection.request<VersionRecord[]>('GET', '/api/designs/versions'),
  };
}
