/** Turns what PostgreSQL raised inside a store call into the engine's errors (the same codes every store uses). */
import { EngineError } from '../../errors.js';
import { conflictError, duplicateCommandError, duplicateKeyError } from '../../store/storeErrors.js';
import { isConnectionError, sqlErrorOf } from './sqlClient.js';

const TABLE_OF_CONSTRAINT: Record<string, string> = {
  nongan_instances_pkey: 'instances',
  nongan_journal_pkey: 'journal',
  nongan_journal_command: 'journal',
  nongan_timers_pkey: 'timers',
  nongan_outbox_pkey: 'outbox',
};

function constraintOf(error: { constraint?: string; message?: string }): string | undefined {
  return error.constraint ?? /unique constraint "([^"]+)"/.exec(error.message ?? '')?.[1];
}

export interface CommitFacts {
  instanceId: string;
  expectedRevision: number | null;
  commandId: string;
  seq: number;
}

/** Maps a failed `nongan_commit` call; anything unexpected is rethrown as it is. */
export function commitError(error: unknown, facts: CommitFacts): unknown {
  const sql = sqlErrorOf(error);
  if (sql?.code === 'NG001') return duplicateCommandError(facts.commandId);
  if (sql?.code === 'NG002') {
    const actual = sql.detail ? Number(sql.detail) : null;
    return conflictError(facts.instanceId, facts.expectedRevision, actual);
  }
  if (sql?.code === '23505') {
    const constraint = constraintOf(sql);
    // The same command or case being written by another transaction at the same moment: the loser
    // of a race gets the error the earlier checks would have given it a moment later.
    if (constraint === 'nongan_journal_command') return duplicateCommandError(facts.commandId);
    if (constraint === 'nongan_instances_pkey') return conflictError(facts.instanceId, facts.expectedRevision, null);
    return duplicateKeyError(TABLE_OF_CONSTRAINT[constraint ?? ''] ?? 'store', `${facts.instanceId}#${facts.seq}`);
  }
  return storeError(error);
}

/** Maps a failed bulk import: a key that exists already (or twice in the dump). */
export function importError(error: unknown): unknown {
  const sql = sqlErrorOf(error);
  if (sql?.code === '23505') {
    const constraint = constraintOf(sql);
    const key = /Key \((.+)\)=\((.+)\) already exists/.exec(sql.detail ?? '')?.[2] ?? constraint ?? 'unknown';
    return duplicateKeyError(TABLE_OF_CONSTRAINT[constraint ?? ''] ?? 'store', key);
  }
  return storeError(error);
}

/** A lost connection becomes `unavailable` (retryable); other errors pass through unchanged. */
export function storeError(error: unknown): unknown {
  if (error instanceof EngineError) return error;
  if (isConnectionError(error)) {
    return new EngineError(
      'unavailable',
      { en: (error as Error).message || 'connection lost', zh: '与数据库的连接中断' },
      { reason: 'connection', retryable: true },
    );
  }
  return error;
}
