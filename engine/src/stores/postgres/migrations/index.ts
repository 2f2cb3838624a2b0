/** The store's schema as ordered migrations. Append only: an applied migration is never edited (its checksum is checked). */
import { sql as core } from './0001_core.js';
import { sql as quietCommit } from './0002_commit_without_step_notify.js';
import { sql as checkpoints } from './0003_checkpoints.js';
import { sql as journalActor } from './0004_journal_actor.js';
import { sql as caseNumbers } from './0005_case_numbers.js';

export interface Migration {
  /** Position in the order, from 1, without gaps. */
  id: number;
  name: string;
  sql: string;
}

export const ENGINE_MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'core', sql: core },
  { id: 2, name: 'commit-without-step-notify-and-division', sql: quietCommit },
  { id: 3, name: 'checkpoints', sql: checkpoints },
  { id: 4, name: 'journal-actor', sql: journalActor },
  { id: 5, name: 'case-numbers', sql: caseNumbers },
];
