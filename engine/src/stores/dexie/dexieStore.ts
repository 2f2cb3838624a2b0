/**
 * The embedded default store: IndexedDB through Dexie. Each commit is one readwrite transaction over
 * all tables; nothing but Dexie calls is awaited inside it (hashing and validation happen before), so
 * IndexedDB cannot auto-commit half of it. Two tabs on one database serialise on that transaction,
 * and the revision check inside it turns a race into a `conflict` for the loser.
 */
import Dexie, { type Table } from 'dexie';
import { EngineError } from '../../errors.js';
import type { ActorPart, ChangeSet, InstanceQuery, Store, StoreDump, TimerKey } from '../../store/store.js';
import { ACTOR_PART_KINDS, byLatestUpdate, DEFAULT_QUERY_LIMIT, stateKeyMatches } from '../../store/store.js';
import { conflictError, duplicateCommandError, duplicateKeyError } from '../../store/storeErrors.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../../types.js';
import { latestAnchors, type JournalCheckpoint } from '../../journal/checkpoint.js';
import { highestOfSeries } from '../../store/caseSeries.js';
import { DexieCheckpointLog, type AnchoredHead } from './dexieCheckpointLog.js';

function anchoredHeadsOf(checkpoints: readonly JournalCheckpoint[]): AnchoredHead[] {
  return [...latestAnchors(checkpoints).values()].map(({ checkpoint, head }) => ({ instanceId: head.instanceId, checkpoint, seq: head.seq, hash: head.hash }));
}

export interface DexieStoreOptions {
  /** Database name; one per embedding application. */
  name?: string;
  /** IndexedDB implementation; defaults to the browser's. Unit tests pass fake-indexeddb. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

class NonganDatabase extends Dexie {
  instances!: Table<InstanceRecord, string>;
  journal!: Table<JournalEntry, [string, number]>;
  timers!: Table<TimerRecord, string>;
  outbox!: Table<OutboxMessage, string>;
  checkpoints!: Table<JournalCheckpoint, number>;
  checkpointHeads!: Table<AnchoredHead, string>;
  caseSeries!: Table<{ name: string; last: number }, string>;

  constructor(options: DexieStoreOptions) {
    super(options.name ?? 'nongan', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    // Only indexes a query uses: each one is another write per step. `workflowId` alone is served by
    // the [workflowId+stateKey] compound index (Dexie uses its first part as a virtual index).
    this.version(1).stores({
      instances: 'id, region, subject, [workflowId+stateKey], [workflowId+region], *taskKeys',
      journal: '[instanceId+seq], &commandId',
      timers: 'id, [dueAt+id], instanceId',
      outbox: 'id, [status+createdAt]',
    });
    // Signed checkpoints of journal heads, and each case's latest anchored head.
    this.version(2).stores({ checkpoints: 'seq', checkpointHeads: 'instanceId' });
    // 已办 / 我发起的: a person's own steps by kind (IndexedDB builds the index over existing entries).
    this.version(3).stores({ journal: '[instanceId+seq], &commandId, [actor.id+kind]' });
    // 受理编号: the last number handed out in each series.
    this.version(4).stores({ caseSeries: 'name' });
  }
}

function isConstraintError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'ConstraintError' || inner === 'ConstraintError' || name === 'BulkError';
}

export class DexieStore implements Store {
  readonly db: NonganDatabase;
  readonly checkpoints: DexieCheckpointLog;

  constructor(options: DexieStoreOptions = {}) {
    this.db = new NonganDatabase(options);
    const { db } = this;
    this.checkpoints = new DexieCheckpointLog({ db, instances: db.instances, journal: db.journal, checkpoints: db.checkpoints, checkpointHeads: db.checkpointHeads });
  }

  private get allTables() {
    const { instances, journal, timers, outbox, checkpoints, checkpointHeads } = this.db;
    return [instances, journal, timers, outbox, checkpoints, checkpointHeads];
  }

  async commit(change: ChangeSet): Promise<void> {
    const { db } = this;
    const id = change.instance.id;
    try {
      await db.transaction('rw', this.allTables, async () => {
        // Both checks are read in one round trip, then every write is issued at once (requests run in
        // order inside the transaction; any failure aborts all of it). Checking before writing keeps
        // refused commits from leaving a trail of aborted requests.
        const [existing, current] = await Promise.all([db.journal.get({ commandId: change.journal.commandId }), db.instances.get(id)]);
        if (existing) throw duplicateCommandError(change.journal.commandId);
        if (change.expectedRevision === null ? current : current?.revision !== change.expectedRevision) {
          throw conflictError(id, change.expectedRevision, current?.revision ?? null);
        }
        const writes: Array<Promise<unknown>> = [
          db.journal.add(change.journal),
          db.instances.put(change.instance),
        ];
        if (change.timerIdsToRemove.length > 0) writes.push(db.timers.bulkDelete(change.timerIdsToRemove));
        if (change.timersToAdd.length > 0) writes.push(db.timers.bulkAdd(change.timersToAdd));
        if (change.outboxToAdd.length > 0) writes.push(db.outbox.bulkAdd(change.outboxToAdd));
        await Promise.all(writes);
      });
    } catch (error) {
      if (error instanceof EngineError) throw error;
      if (isConstraintError(error)) throw duplicateKeyError('store', `${id}#${change.journal.seq}`);
      throw error;
    }
  }

  getInstance(id: string): Promise<InstanceRecord | undefined> {
    return this.db.instances.get(id);
  }

  async findInstances(query: InstanceQuery): Promise<InstanceRecord[]> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    return this.collection(query).offset(offset).limit(limit).toArray();
  }

  countInstances(query: InstanceQuery): Promise<number> {
    return this.collection(query).count();
  }

  findByTaskKeys(keys: readonly string[], limit: number, offset = 0): Promise<InstanceRecord[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.instances.where('taskKeys').anyOf([...keys]).distinct().offset(offset).limit(limit).toArray();
  }

  async findByActor(actorId: string, part: ActorPart, limit: number, offset = 0): Promise<InstanceRecord[]> {
    const entries = await this.db.journal
      .where('[actor.id+kind]')
      .anyOf(ACTOR_PART_KINDS[part].map((kind) => [actorId, kind]))
      .toArray();
    const records = await this.db.instances.bulkGet([...new Set(entries.map((entry) => entry.instanceId))]);
    return records.filter((r): r is InstanceRecord => r !== undefined).sort(byLatestUpdate).slice(offset, offset + limit);
  }

  getJournal(instanceId: string): Promise<JournalEntry[]> {
    return this.db.journal
      .where('[instanceId+seq]')
      .between([instanceId, Dexie.minKey], [instanceId, Dexie.maxKey])
      .toArray();
  }

  getJournalEntry(instanceId: string, seq: number): Promise<JournalEntry | undefined> {
    return this.db.journal.get([instanceId, seq]);
  }

  findByCommand(commandId: string): Promise<JournalEntry | undefined> {
    return this.db.journal.get({ commandId });
  }

  dueTimers(now: number, limit: number): Promise<TimerRecord[]> {
    return this.db.timers
      .where('[dueAt+id]')
      .between([-Infinity, Dexie.minKey], [now, Dexie.maxKey], true, true)
      .limit(limit)
      .toArray();
  }

  timersOf(instanceId: string): Promise<TimerRecord[]> {
    return this.db.timers.where('instanceId').equals(instanceId).sortBy('dueAt');
  }

  async deleteTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    // Ids are unique across cases here; the case id is checked so a key never removes another case's row.
    await this.db.transaction('rw', this.db.timers, async () => {
      const rows = await this.db.timers.bulkGet(timers.map((t) => t.id));
      const ids = rows.filter((row, i) => row?.instanceId === timers[i]!.instanceId).map((row) => row!.id);
      if (ids.length > 0) await this.db.timers.bulkDelete(ids);
    });
  }

  async nextDueAt(): Promise<number | null> {
    const first = await this.db.timers.orderBy('[dueAt+id]').first();
    return first?.dueAt ?? null;
  }

  pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    return this.db.outbox
      .where('[status+createdAt]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .limit(limit)
      .toArray();
  }

  async updateOutbox(message: OutboxMessage): Promise<void> {
    const updated = await this.db.outbox.update(message.id, { ...message });
    if (updated === 0) throw new EngineError('not-found', { en: `outbox message ${message.id}`, zh: `消息 ${message.id}` });
  }

  async exportAll(): Promise<StoreDump> {
    const { db } = this;
    return db.transaction('r', this.allTables, async () => ({
      instances: await db.instances.toArray(),
      journal: await db.journal.toArray(),
      timers: await db.timers.orderBy('[dueAt+id]').toArray(),
      outbox: await db.outbox.toArray(),
      ...(await db.checkpoints.count().then(async (n) => (n > 0 ? { checkpoints: await db.checkpoints.toArray() } : {}))),
    }));
  }

  async nextCaseSequence(_region: string, series: string): Promise<number> {
    const { caseSeries } = this.db;
    // One read-write transaction: two tabs opening cases at once are serialised by IndexedDB.
    return this.db.transaction('rw', caseSeries, async () => {
      const next = ((await caseSeries.get(series))?.last ?? 0) + 1;
      await caseSeries.put({ name: series, last: next });
      return next;
    });
  }

  async importAll(dump: StoreDump): Promise<void> {
    try {
      await this.db.transaction('rw', [...this.allTables, this.db.caseSeries], () => this.addAll(dump));
    } catch (error) {
      if (isConstraintError(error)) throw duplicateKeyError('store', 'import');
      throw error;
    }
  }

  /**
   * Replaces every table with `dump` in one IndexedDB transaction (a restore): on any failure (a
   * duplicate key, quota) the whole transaction rolls back and the previous data stays.
   */
  async replaceAll(dump: StoreDump): Promise<void> {
    // Case-number series are kept, not cleared: a number people saw before the restore is not handed out again.
    await this.db.transaction('rw', [...this.allTables, this.db.caseSeries], async () => {
      await Promise.all(this.allTables.map((t) => t.clear()));
      await this.addAll(dump);
    });
  }

  private async addAll(dump: StoreDump): Promise<void> {
    const { db } = this;
    await db.instances.bulkAdd(dump.instances);
    await db.journal.bulkAdd(dump.journal);
    await db.timers.bulkAdd(dump.timers);
    await db.outbox.bulkAdd(dump.outbox);
    await db.checkpoints.bulkAdd(dump.checkpoints ?? []);
    await db.checkpointHeads.bulkAdd(anchoredHeadsOf(dump.checkpoints ?? []));
    for (const [name, last] of highestOfSeries(dump.instances.map((i) => i.caseNumber))) {
      if (last > ((await db.caseSeries.get(name))?.last ?? 0)) await db.caseSeries.put({ name, last });
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Picks the most selective index for the query; remaining criteria filter that index range. */
  private collection(query: InstanceQuery) {
    const { instances } = this.db;
    const rest = (r: InstanceRecord): boolean =>
      (query.workflowId === undefined || r.workflowId === query.workflowId) &&
      (query.region === undefined || r.region === query.region) &&
      (query.subject === undefined || r.subject === query.subject) &&
      (query.division === undefined || (r.division?.startsWith(query.division) ?? false)) &&
      (query.status === undefined || r.status === query.status) &&
      (query.state === undefined || stateKeyMatches(r.stateKey, query.state));
    let base;
    if (query.subject !== undefined) base = instances.where('subject').equals(query.subject);
    else if (query.workflowId !== undefined && query.state !== undefined) {
      base = instances
        .where('[workflowId+stateKey]')
        .between([query.workflowId, query.state], [query.workflowId, `${query.state}.\uffff`], true, true);
    } else if (query.workflowId !== undefined && query.region !== undefined) {
      base = instances.where('[workflowId+region]').equals([query.workflowId, query.region]);
    } else if (query.workflowId !== undefined) base = instances.where('workflowId').equals(query.workflowId);
    else if (query.region !== undefined) base = instances.where('region').equals(query.region);
    else base = instances.toCollection();
    return base.filter(rest);
  }
}

export function createDexieStore(options: DexieStoreOptions = {}): DexieStore {
  return new DexieStore(options);
}
