/**
 * The engine's store on PostgreSQL, through node-postgres (a server, pooled) or PGlite (embedded).
 * A step is one call of `nongan_commit` (migration 0002): one statement, so one transaction and one
 * round trip, with the revision check (`UPDATE … WHERE id = $1 AND revision = $2`), the journal's
 * `UNIQUE (instance_id, seq)` and `UNIQUE (command_id)`, timers and outbox inside it.
 */
import { ACTOR_PART_KINDS, DEFAULT_QUERY_LIMIT, type ActorPart, type ChangeSet, type InstanceQuery, type Store, type StoreDump, type TimerKey } from '../../store/store.js';
import { EngineError } from '../../errors.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../../types.js';
import { migrate, type MigrationResult } from './migrate.js';
import { ENGINE_MIGRATIONS } from './migrations/index.js';
import { PostgresClaims } from './postgresClaims.js';
import { PostgresCheckpointLog } from './postgresCheckpointLog.js';
import { readDump, writeDump } from './dumpTables.js';
import { commitError, storeError } from './postgresErrors.js';
import { instanceParams } from './rows.js';
import type { SqlClient } from './sqlClient.js';
import { readSteps, type StepPage } from './stepFeed.js';

export interface PostgresStoreOptions {
  client: SqlClient;
  /** Apply pending migrations when the store opens (default true). */
  migrate?: boolean;
  /** Close the client with the store (default true). */
  ownsClient?: boolean;
}

const COMMIT_STEP = `SELECT nongan_commit(${Array.from({ length: 24 }, (_, i) => `$${i + 1}`).join(', ')})`;

export class PostgresStore implements Store {
  readonly claims: PostgresClaims;
  readonly checkpoints: PostgresCheckpointLog;

  constructor(
    readonly client: SqlClient,
    /** What opening the store applied (null when migrations were left to the caller). */
    readonly migrations: MigrationResult | null = null,
    private readonly ownsClient = true,
  ) {
    this.claims = new PostgresClaims(client);
    this.checkpoints = new PostgresCheckpointLog(client);
  }

  async commit(change: ChangeSet): Promise<void> {
    const facts = { instanceId: change.instance.id, expectedRevision: change.expectedRevision, commandId: change.journal.commandId, seq: change.journal.seq };
    const { instance, journal, timersToAdd: timers, outboxToAdd: outbox } = change;
    try {
      await this.client.query(COMMIT_STEP, [
        ...instanceParams(instance),
        change.expectedRevision,
        journal.seq,
        journal.commandId,
        JSON.stringify(journal),
        change.timerIdsToRemove,
        timers.map((t) => t.id),
        timers.map((t) => t.dueAt),
        timers.map((t) => JSON.stringify(t)),
        outbox.map((m) => m.id),
        outbox.map((m) => m.status),
        outbox.map((m) => m.createdAt),
        outbox.map((m) => JSON.stringify(m)),
      ]);
    } catch (error) {
      throw commitError(error, facts);
    }
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    const { rows } = await this.run<{ record: InstanceRecord }>('SELECT record FROM nongan_instances WHERE id = $1', [id]);
    return rows[0]?.record;
  }

  /** One round trip: the case's revision is its head's sequence number. */
  async getInstanceWithHead(id: string): Promise<{ record: InstanceRecord; head: JournalEntry | undefined } | undefined> {
    const { rows } = await this.run<{ record: InstanceRecord; entry: JournalEntry | null }>(
      'SELECT i.record, j.entry FROM nongan_instances i LEFT JOIN nongan_journal j ON j.instance_id = i.id AND j.seq = i.revision WHERE i.id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    // A record whose head was edited away from its revision: read the entry its head names.
    const head = row.entry && row.entry.seq === row.record.journalHead.seq ? row.entry : await this.getJournalEntry(id, row.record.journalHead.seq);
    return { record: row.record, head };
  }

  async findInstances(query: InstanceQuery): Promise<InstanceRecord[]> {
    const { where, params } = instanceFilter(query);
    params.push(query.limit ?? DEFAULT_QUERY_LIMIT, query.offset ?? 0);
    const { rows } = await this.run<{ record: InstanceRecord }>(
      `SELECT record FROM nongan_instances ${where} ORDER BY id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => r.record);
  }

  async countInstances(query: InstanceQuery): Promise<number> {
    const { where, params } = instanceFilter(query);
    const { rows } = await this.run<{ n: number }>(`SELECT count(*)::integer AS n FROM nongan_instances ${where}`, params);
    return rows[0]?.n ?? 0;
  }

  async findByTaskKeys(keys: readonly string[], limit: number, offset = 0): Promise<InstanceRecord[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.run<{ record: InstanceRecord }>(
      'SELECT record FROM nongan_instances WHERE task_keys && $1::text[] ORDER BY id LIMIT $2 OFFSET $3',
      [keys, limit, offset],
    );
    return rows.map((r) => r.record);
  }

  async nextCaseSequence(_region: string, series: string): Promise<number> {
    const { rows } = await this.run<{ last: string }>(
      `INSERT INTO nongan_case_series (name, last) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET last = nongan_case_series.last + 1 RETURNING last`,
      [series],
    );
    return Number(rows[0]!.last);
  }

  async findByActor(actorId: string, part: ActorPart, limit: number, offset = 0): Promise<InstanceRecord[]> {
    const { rows } = await this.run<{ record: InstanceRecord }>(
      `SELECT i.record FROM nongan_instances i
       WHERE i.id IN (SELECT instance_id FROM nongan_journal WHERE actor_id = $1 AND kind = ANY($2::text[]))
       ORDER BY (i.record->>'updatedAt')::double precision DESC, i.id COLLATE "C" LIMIT $3 OFFSET $4`,
      [actorId, [...ACTOR_PART_KINDS[part]], limit, offset],
    );
    return rows.map((r) => r.record);
  }

  async getJournal(instanceId: string): Promise<JournalEntry[]> {
    const { rows } = await this.run<{ entry: JournalEntry }>('SELECT entry FROM nongan_journal WHERE instance_id = $1 ORDER BY seq', [instanceId]);
    return rows.map((r) => r.entry);
  }

  async getJournalEntry(instanceId: string, seq: number): Promise<JournalEntry | undefined> {
    const { rows } = await this.run<{ entry: JournalEntry }>('SELECT entry FROM nongan_journal WHERE instance_id = $1 AND seq = $2', [instanceId, seq]);
    return rows[0]?.entry;
  }

  async findByCommand(commandId: string): Promise<JournalEntry | undefined> {
    const { rows } = await this.run<{ entry: JournalEntry }>('SELECT entry FROM nongan_journal WHERE command_id = $1', [commandId]);
    return rows[0]?.entry;
  }

  async dueTimers(now: number, limit: number): Promise<TimerRecord[]> {
    const { rows } = await this.run<{ record: TimerRecord }>('SELECT record FROM nongan_timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT $2', [now, limit]);
    return rows.map((r) => r.record);
  }

  async timersOf(instanceId: string): Promise<TimerRecord[]> {
    const { rows } = await this.run<{ record: TimerRecord }>('SELECT record FROM nongan_timers WHERE instance_id = $1 ORDER BY due_at, id', [instanceId]);
    return rows.map((r) => r.record);
  }

  async deleteTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    if (timers.length === 0) return;
    await this.run(
      'DELETE FROM nongan_timers t USING unnest($1::text[], $2::text[]) AS k(instance_id, id) WHERE t.instance_id = k.instance_id AND t.id = k.id',
      [timers.map((t) => t.instanceId), timers.map((t) => t.id)],
    );
  }

  async nextDueAt(): Promise<number | null> {
    const { rows } = await this.run<{ due: number | null }>('SELECT min(due_at) AS due FROM nongan_timers');
    return rows[0]?.due ?? null;
  }

  async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    const { rows } = await this.run<{ record: OutboxMessage }>(
      "SELECT record FROM nongan_outbox WHERE status = 'pending' ORDER BY created_at, id LIMIT $1",
      [limit],
    );
    return rows.map((r) => r.record);
  }

  async updateOutbox(message: OutboxMessage): Promise<void> {
    const { rowCount } = await this.run(
      'UPDATE nongan_outbox SET status = $3, record = $4::json, claimed_until = NULL WHERE source_instance_id = $1 AND id = $2',
      [message.sourceInstanceId, message.id, message.status, JSON.stringify(message)],
    );
    if (rowCount === 0) throw new EngineError('not-found', { en: `outbox message ${message.id}`, zh: `消息 ${message.id}` }, { messageId: message.id });
  }

  async exportAll(): Promise<StoreDump> {
    // One transaction: the four tables come from the same moment even while steps are being written.
    return this.client.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return readDump(tx);
    });
  }

  async importAll(dump: StoreDump): Promise<void> {
    await this.client.transaction((tx) => writeDump(tx, dump));
  }

  /**
   * Steps committed since `cursor` (a snapshot this method returned earlier), in commit order per
   * case; `null` starts at "now". Exact under concurrent writers: see `stepFeed.ts`.
   */
  stepsSince(cursor: string | null, limit = 1000): Promise<StepPage> {
    return readSteps(this.client, cursor, limit).catch((error) => {
      throw storeError(error);
    });
  }

  /**
   * Wakes `onWake` when a process adds a timer due within a minute (`timers`) or an outbox message
   * (`outbox`). Steps themselves send no notification (see migration 0002): read them with `stepsSince`.
   */
  onNotice(channel: 'timers' | 'outbox', onWake: () => void): Promise<() => Promise<void>> {
    return this.client.listen(`nongan_${channel}`, () => onWake());
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private async run<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]) {
    try {
      return await this.client.query<Row>(text, params);
    } catch (error) {
      throw storeError(error);
    }
  }
}

function instanceFilter(query: InstanceQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(params.length));
  };
  if (query.workflowId !== undefined) add((n) => `workflow_id = $${n}`, query.workflowId);
  if (query.region !== undefined) add((n) => `region = $${n}`, query.region);
  if (query.subject !== undefined) add((n) => `subject = $${n}`, query.subject);
  // A prefix as a range over the C-collated index: digits only (checked by the engine), ':' sorts after '9'.
  if (query.division !== undefined) {
    add((n) => `division >= $${n}`, query.division);
    add((n) => `division < $${n}`, `${query.division}:`);
  }
  if (query.status !== undefined) add((n) => `status = $${n}`, query.status);
  if (query.state !== undefined) add((n) => `state_paths @> ARRAY[$${n}::text]`, query.state);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Opens the store on a client, applying the engine's migrations first (under an advisory lock). */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const migrations = options.migrate === false ? null : await migrate(options.client, ENGINE_MIGRATIONS);
  return new PostgresStore(options.client, migrations, options.ownsClient ?? true);
}
