/**
 * The raw baseline of a persisted step: the two rows a guidance visit writes — the instance row
 * UPDATE (same columns and indexes, same record JSON) and the journal row INSERT (same entry JSON) —
 * written with plain parameterised SQL, one transaction per step, from the same number of loops and
 * connections, into the same tables of the same database as the engine run beside it.
 *
 * Both writes go in one autocommitted statement (a writable CTE): one round trip and one WAL flush a
 * step, like the engine's `nongan_commit`, so the baseline is the fastest way to make these rows
 * durable and the engine's share of it cannot be flattered by a slow baseline. It skips what only the
 * engine does: reading the case, checking role, form and revision in code, hashing, and the
 * duplicate-command check and NOTIFY inside `nongan_commit`.
 */
import pg from 'pg';

/** A real step's rows as the store holds them, read back after a warm-up. */
export interface StepSample {
  status: string;
  stateKey: string;
  statePaths: string[];
  taskKeys: string[];
  nextDueAt: number | null;
  /** `nongan_instances.record` as text. */
  record: string;
  /** `nongan_journal.entry` of the latest guidance visit, as text. */
  entry: string;
}

/** The latest step of `instanceId` (a guidance visit after the warm-up) and its case's row. */
export async function sampleStep(pool: pg.Pool, instanceId: string): Promise<StepSample> {
  const { rows } = await pool.query(
    `SELECT i.status, i.state_key, i.state_paths, i.task_keys, i.next_due_at::float8 AS next_due_at, i.record::text AS record, j.entry::text AS entry
     FROM nongan_instances i JOIN nongan_journal j ON j.instance_id = i.id
     WHERE i.id = $1 ORDER BY j.seq DESC LIMIT 1`,
    [instanceId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no step of ${instanceId} to sample`);
  if (!String(row.entry).includes('"GUIDANCE_VISIT"')) throw new Error(`the latest step of ${instanceId} is not a guidance visit`);
  return {
    status: row.status,
    stateKey: row.state_key,
    statePaths: row.state_paths,
    taskKeys: row.task_keys,
    nextDueAt: row.next_due_at,
    record: row.record,
    entry: row.entry,
  };
}

const step = (notify: boolean) => `
  WITH instance AS (
    UPDATE nongan_instances
    SET status = $3, state_key = $4, state_paths = $5, task_keys = $6, revision = $2, next_due_at = $7, record = $8::json
    WHERE id = $1 AND revision = $2 - 1
    RETURNING id
  )
  INSERT INTO nongan_journal (instance_id, seq, command_id, entry)
  SELECT id, $2, $9, $10::json FROM instance${notify ? ", (SELECT pg_notify('nongan_steps', '')) AS notice" : ''}`;

export interface RawWriter {
  /** One step of loop `loop`: its instance row's next revision and a journal row, one transaction. */
  step(loop: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens a pool of `connections` and creates one instance row per loop (a copy of the sampled case
 * under an id of its own, so loops never wait on each other's row locks, as the engine's loops don't).
 * `notify` adds the one thing `nongan_commit` does besides these writes that costs at commit: the
 * `pg_notify('nongan_steps')` every step sends (a diagnostic series, not the baseline).
 */
export async function rawWriter(url: string, connections: number, loops: number, sample: StepSample, label: string, notify = false): Promise<RawWriter> {
  const pool = new pg.Pool({ connectionString: url, max: connections, application_name: 'nongan-bench-raw' });
  const ids = Array.from({ length: loops }, (_, i) => `raw-${label}-${i + 1}`);
  const source = JSON.parse(sample.record) as Record<string, unknown>;
  await pool.query(
    `INSERT INTO nongan_instances (id, workflow_id, region, subject, status, state_key, state_paths, task_keys, revision, next_due_at, record)
     SELECT id, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10::json FROM unnest($1::text[]) AS id`,
    [ids, source.workflowId, source.region, source.subject, sample.status, sample.stateKey, sample.statePaths, sample.taskKeys, sample.nextDueAt, sample.record],
  );
  const statement = step(notify);
  const revisions = new Array<number>(loops).fill(0);
  let commands = 0;
  return {
    async step(loop) {
      const revision = ++revisions[loop]!;
      const result = await pool.query(statement, [
        ids[loop],
        revision,
        sample.status,
        sample.stateKey,
        sample.statePaths,
        sample.taskKeys,
        sample.nextDueAt,
        sample.record,
        `raw-${label}-${process.pid}-${++commands}`,
        sample.entry,
      ]);
      if (result.rowCount !== 1) throw new Error(`raw step of ${ids[loop]} at revision ${revision} wrote ${result.rowCount} journal rows`);
      return true;
    },
    close: () => pool.end(),
  };
}
