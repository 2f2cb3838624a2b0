/**
 * The engine's four tables as one dump, read or written inside a transaction the caller holds, so a
 * server can back up or restore the engine's rows together with its own tables (forms, organisations)
 * in one snapshot or one transaction. `PostgresStore.exportAll` / `importAll` use the same functions.
 */
import { latestAnchors, type JournalCheckpoint } from '../../journal/checkpoint.js';
import type { StoreDump } from '../../store/store.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../../types.js';
import { highestOfSeries } from '../../store/caseSeries.js';
import { importError } from './postgresErrors.js';
import { INSERT_INSTANCES, INSERT_JOURNAL, INSERT_OUTBOX, INSERT_TIMERS, instanceColumns, journalColumns, outboxColumns, timerColumns } from './rows.js';
import type { SqlQueryable } from './sqlClient.js';

const IMPORT_CHUNK = 500;

/** Every row of the engine's tables, in a stable order. Run it in a REPEATABLE READ transaction for one moment. */
export async function readDump(tx: SqlQueryable): Promise<StoreDump> {
  const all = async <T>(sql: string) => (await tx.query<{ r: T }>(sql)).rows.map((row) => row.r);
  return {
    instances: await all<InstanceRecord>('SELECT record AS r FROM nongan_instances ORDER BY id'),
    journal: await all<JournalEntry>('SELECT entry AS r FROM nongan_journal ORDER BY instance_id, seq'),
    timers: await all<TimerRecord>('SELECT record AS r FROM nongan_timers ORDER BY due_at, id'),
    outbox: await all<OutboxMessage>('SELECT record AS r FROM nongan_outbox ORDER BY created_at, id'),
    ...(await all<JournalCheckpoint>('SELECT checkpoint AS r FROM nongan_checkpoints ORDER BY seq').then((c) => (c.length > 0 ? { checkpoints: c } : {}))),
  };
}

/**
 * Writes a dump's rows. With `replace`, the engine's tables are emptied first (a restore); without it,
 * a row that already exists fails the whole transaction (`already-exists`). The caller verified the dump.
 */
export async function writeDump(tx: SqlQueryable, dump: StoreDump, options: { replace?: boolean } = {}): Promise<void> {
  try {
    if (options.replace) await tx.query('TRUNCATE nongan_outbox, nongan_timers, nongan_journal, nongan_instances, nongan_checkpoint_heads, nongan_checkpoints');
    await insertChunks(tx, dump.instances, INSERT_INSTANCES, instanceColumns);
    await insertChunks(tx, dump.journal, INSERT_JOURNAL, journalColumns);
    await insertChunks(tx, dump.timers, INSERT_TIMERS, timerColumns);
    await insertChunks(tx, dump.outbox, INSERT_OUTBOX, outboxColumns);
    await writeCheckpoints(tx, dump.checkpoints ?? []);
    await raiseCaseSeries(tx, dump);
    // Workers in every process look again for deadlines and messages (delivered after the commit).
    if (dump.timers.length > 0) await tx.query("SELECT pg_notify('nongan_timers', '')");
    if (dump.outbox.length > 0) await tx.query("SELECT pg_notify('nongan_outbox', '')");
  } catch (error) {
    throw importError(error);
  }
}

/** Each series of the dump's case numbers starts above its highest number (a restore keeps numbers handed out before it). */
async function raiseCaseSeries(tx: SqlQueryable, dump: StoreDump): Promise<void> {
  const highest = highestOfSeries(dump.instances.map((i) => i.caseNumber));
  if (highest.size === 0) return;
  await tx.query(
    `INSERT INTO nongan_case_series (name, last) SELECT * FROM unnest($1::text[], $2::bigint[])
     ON CONFLICT (name) DO UPDATE SET last = GREATEST(nongan_case_series.last, EXCLUDED.last)`,
    [[...highest.keys()], [...highest.values()]],
  );
}

async function writeCheckpoints(tx: SqlQueryable, checkpoints: readonly JournalCheckpoint[]): Promise<void> {
  if (checkpoints.length === 0) return;
  await tx.query('INSERT INTO nongan_checkpoints (seq, checkpoint) SELECT * FROM unnest($1::integer[], $2::json[])', [checkpoints.map((c) => c.seq), checkpoints.map((c) => JSON.stringify(c))]);
  const anchors = [...latestAnchors(checkpoints).values()];
  await tx.query(
    'INSERT INTO nongan_checkpoint_heads (instance_id, checkpoint_seq, seq, hash) SELECT * FROM unnest($1::text[], $2::integer[], $3::integer[], $4::text[])',
    [anchors.map((a) => a.head.instanceId), anchors.map((a) => a.checkpoint), anchors.map((a) => a.head.seq), anchors.map((a) => a.head.hash)],
  );
}

async function insertChunks<T>(tx: SqlQueryable, rows: readonly T[], sql: string, columns: (rows: readonly T[]) => unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) await tx.query(sql, columns(rows.slice(i, i + IMPORT_CHUNK)));
}
