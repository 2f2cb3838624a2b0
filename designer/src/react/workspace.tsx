/**
 * The document workspace around a session: which document is open (base form or regional variant),
 * its published versions, loading from and publishing to the store, switching to variant mode.
 * Kept apart from the editing components so they stay free of async store code.
 */
import { createContext, useContext } from 'react';
import type { DocumentSummary, VersionEntry } from '../store/types.js';

export interface Workspace {
  docId: string;
  versions: VersionEntry[];
  /** Versions of the base form (variant mode: to rebase onto). */
  baseVersions: VersionEntry[];
  region: string | null;
  refresh(): Promise<void>;
  enterVariant(region: string): Promise<void>;
  exitVariant(): Promise<void>;
  publish(input: { effectiveFrom: string; note: string }): Promise<boolean>;
  startNewVersion(): void;
  /** Every document in the store (forms and variants), for the Open menu. */
  listDocuments(): Promise<DocumentSummary[]>;
  /** Open a stored document by id (its draft, else its latest version). */
  openDocument(docId: string): Promise<void>;
  /** Start a new blank form with this id. */
  newForm(docId: string): Promise<void>;
  rebaseTo(version: string): Promise<void>;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace | null {
  return useContext(WorkspaceContext);
}
