/**
 * Persistence of designs. A document is a base form or a regional variant, identified by its id.
 * Drafts are mutable and autosaved; publishing makes an immutable version with an effective date
 * and a change note. A published version is never updated: a change is a new version that
 * supersedes it. Every implementation passes the same conformance suite.
 */
import type { FormDefinition, FormVariant, LocalText } from '@nongan/forms';

export type DesignDoc = { kind: 'form'; definition: FormDefinition } | { kind: 'variant'; variant: FormVariant };

export interface DraftRecord {
  docId: string;
  doc: DesignDoc;
  /** ISO timestamp. */
  savedAt: string;
}

export interface PublishInput {
  /** `YYYY-MM-DD`: the day this version takes effect. */
  effectiveFrom: string;
  /** Why this version exists (shown in the version list), 1–2000 characters. */
  note: string;
}

export interface VersionRecord extends PublishInput {
  docId: string;
  version: string;
  doc: DesignDoc;
  publishedAt: string;
}

export interface VersionEntry extends VersionRecord {
  /** The version that takes effect after this one, if any. */
  supersededBy: string | null;
}

export interface DocumentSummary {
  docId: string;
  kind: DesignDoc['kind'];
  title: LocalText;
  region: string | null;
  hasDraft: boolean;
  latestVersion: string | null;
}

export interface DesignerStore {
  saveDraft(doc: DesignDoc): Promise<DraftRecord>;
  getDraft(docId: string): Promise<DraftRecord | undefined>;
  deleteDraft(docId: string): Promise<void>;
  /** Throws PublishError when the version exists already, or the input is invalid. Removes the draft of that document. */
  publish(doc: DesignDoc, input: PublishInput): Promise<VersionRecord>;
  /** Oldest effective date first, with what supersedes what. */
  listVersions(docId: string): Promise<VersionEntry[]>;
  getVersion(docId: string, version: string): Promise<VersionRecord | undefined>;
  listDocuments(): Promise<DocumentSummary[]>;
}

export class PublishError extends Error {
  readonly messageZh: string;
  constructor(messageZh: string, message: string) {
    super(`${messageZh} / ${message}`);
    this.name = 'PublishError';
    this.messageZh = messageZh;
  }
}

export function docIdOf(doc: DesignDoc): string {
  return doc.kind === 'form' ? doc.definition.id : doc.variant.id;
}

export function versionOf(doc: DesignDoc): string {
  return doc.kind === 'form' ? doc.definition.version : doc.variant.version;
}
