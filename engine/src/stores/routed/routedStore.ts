/**
 * A `Store` over several stores ("shards"), each case living on the shard of its region: the scale-out
 * path where regions are split onto separate PostgreSQL clusters (jiyuan → cluster A, beijing →
 * cluster B). Writes go to one shard; a read that names a region goes to that region's shard; reads
 * that do not (a case id, a command id, "all due timers") ask every shard in parallel and merge the
 * answers into what one store would have said (same order, same limit/offset, counts summed).
 *
 * Known limits (by design; each follows from the clusters being independent databases):
 * - A `commandId` is unique per shard only. Each cluster's journal has its own unique index, so a
 *   client that reuses one commandId for steps on cases in two regions on different shards is not
 *   refused by the store (the engine's own look-up before a start does ask every shard, so a repeated
 *   start is still caught; a repeated send to a case on another shard is not). `findByCommand` then
 *   returns the entry of the first shard (in the order of `options.shards`) that has it.
 * - Reads that do not name a region fan out: their cost grows with the number of shards (one round
 *   trip per shard, in parallel), and deep pages cost each shard `offset + limit` rows. An actor's
 *   inbox (`findByTaskKeys`) always fans out, see there.
 * - A case id is assumed unique across shards (the engine makes random UUIDs and checks every shard
 *   before a start); a store writing the same id on two shards is not detected by the store.
 * - Nothing spans clusters atomically: a commit is atomic on its shard (one case's step never spans
 *   shards), `importAll` is atomic per shard only (see `routedImport.ts`), and `exportAll` is each
 *   shard's own consistent snapshot, not one moment across clusters.
 * - One unreachable cluster fails every call that must ask it (fan-out reads, background timer and
 *   outbox runs); calls routed to the other shards, and point reads of cases found elsewhere, go on.
 * - Changing the region → shard map of a region that already has cases needs their rows moved first;
 *   a write routed to the new shard for a case remembered on the old one is refused (`shard-mismatch`).
 * - PostgreSQL-only extras of the shards (step feed, LISTEN notices) are not offered through this store.
 */
import { EngineError } from '../../errors.js';
import { byLatestUpdate, DEFAULT_QUERY_LIMIT, type ActorPart, type ChangeSet, type InstanceQuery, type Store, type StoreDump, type TimerKey, type WorkClaims } from '../../store/store.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../../types.js';
import { byId, mergeHeads, mergePage, outboxOrder, timerOrder } from './mergeSorted.js';
import { RoutedClaims } from './routedClaims.js';
import { importAcrossShards, planImport } from './routedImport.js';
import { ShardDirectory } from './shardDirectory.js';
import { ShardRouting, type RegionRoutedStoreOptions, type Shard } from './shardRouting.js';

export class RegionRoutedStore implements Store {
  /** Present only when every shard has claims: work on a shard without leases could be done twice. */
  readonly claims?: WorkClaims;
  readonly routing: ShardRouting;
  private readonly directory: ShardDirectory;

  constructor(options: RegionRoutedStoreOptions) {
    this.routing = new ShardRouting(options);
    this.directory = new ShardDirectory(this.routing.directorySize);
    if (this.routing.allHaveClaims) this.claims = new RoutedClaims(this.routing, this.directory);
  }

  /** Names of the shards, in the order the options gave them. */
  get shardNames(): string[] {
    return this.routing.shards.map((s) => s.name);
  }

  /** The shard name a region's cases are written to, or undefined when the region has none. */
  shardOfRegion(region: string): string | undefined {
    return this.routing.shardOfRegion(region)?.name;
  }

  async commit(change: ChangeSet): Promise<void> {
    const { id, region } = change.instance;
    const shard = this.routing.shardForWrite(region, { en: `case ${id}`, zh: `案件 ${id} `, instanceId: id });
    const known = this.directory.get(id);
    if (known && known !== shard) throw shardMismatch(id, region, known, shard);
    await shard.store.commit(change);
    this.directory.remember(id, shard);
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    return (await this.findOne(id, (store) => store.getInstance(id), (r) => r !== undefined, undefined)).value;
  }

  async findInstances(query: InstanceQuery): Promise<InstanceRecord[]> {
    if (query.region !== undefined) {
      const shard = this.routing.shardOfRegion(query.region);
      // No shard for the region: nothing of it can have been written (commit refuses it).
      if (!shard) return [];
      return this.learnInstances(shard, await shard.store.findInstances(query));
    }
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const offset = query.offset ?? 0;
    const answers = await this.each((store) => store.findInstances({ ...query, limit: offset + limit, offset: 0 }));
    return mergePage(answers.map(({ shard, value }) => this.learnInstances(shard, value)), byId, limit, offset);
  }

  async countInstances(query: InstanceQuery): Promise<number> {
    if (query.region !== undefined) {
      const shard = this.routing.shardOfRegion(query.region);
      return shard ? shard.store.countInstances(query) : 0;
    }
    const counts = await this.each((store) => store.countInstances(query));
    return counts.reduce((sum, { value }) => sum + value, 0);
  }

  /**
   * Every key goes to every shard. Sending a region-scoped key (`role|r:<region>`) only to its region's
   * shard would save nothing for the engine, whose inbox queries always include `role|*` keys (and
   * usually `role|s:<subject>` keys) that must ask every shard anyway, and it would be wrong for any
   * store whose records carry region keys of another region (the store contract does not forbid it,
   * and the conformance suite does it). Each shard still answers from its task-key index.
   */
  async findByTaskKeys(keys: readonly string[], limit: number, offset = 0): Promise<InstanceRecord[]> {
    if (keys.length === 0) return [];
    const answers = await this.each((store) => store.findByTaskKeys(keys, offset + limit, 0));
    return mergePage(answers.map(({ shard, value }) => this.learnInstances(shard, value)), byId, limit, offset);
  }

  /** A person's cases may be on any shard: every shard is asked, the pages merged in the contract's order. */
  async findByActor(actorId: string, part: ActorPart, limit: number, offset = 0): Promise<InstanceRecord[]> {
    const answers = await this.each((store) => store.findByActor(actorId, part, offset + limit, 0));
    return mergePage(answers.map(({ shard, value }) => this.learnInstances(shard, value)), byLatestUpdate, limit, offset);
  }

  /** A series lives on the shard of the region its cases belong to: numbers stay unique however cases are spread. */
  async nextCaseSequence(region: string, series: string): Promise<number> {
    const shard = this.routing.shardForWrite(region, { en: `case-number series ${series}`, zh: `受理编号系列 ${series} `, instanceId: series });
    return shard.store.nextCaseSequence(region, series);
  }

  async getJournal(instanceId: string): Promise<JournalEntry[]> {
    // A case's journal is never empty, so an empty answer means "not on this shard".
    return (await this.findOne(instanceId, (store) => store.getJournal(instanceId), (j) => j.length > 0, [])).value;
  }

  async getJournalEntry(instanceId: string, seq: number): Promise<JournalEntry | undefined> {
    return (await this.findOne(instanceId, (store) => store.getJournalEntry(instanceId, seq), (e) => e !== undefined, undefined)).value;
  }

  async findByCommand(commandId: string): Promise<JournalEntry | undefined> {
    // No command id → shard cache: the engine looks up mostly new command ids, which miss everywhere.
    const { value, shard } = await this.findOne(undefined, (store) => store.findByCommand(commandId), (e) => e !== undefined, undefined);
    if (value && shard) this.directory.remember(value.instanceId, shard);
    return value;
  }

  async dueTimers(now: number, limit: number): Promise<TimerRecord[]> {
    const answers = await this.each((store) => store.dueTimers(now, limit));
    return mergeHeads(answers.map(({ shard, value }) => this.learnTimers(shard, value)), timerOrder, limit);
  }

  async timersOf(instanceId: string): Promise<TimerRecord[]> {
    // A case may have no timers, so an empty answer from the remembered shard is trusted (rows never move).
    const known = this.directory.get(instanceId);
    if (known) return known.store.timersOf(instanceId);
    const answers = await this.each((store) => store.timersOf(instanceId));
    const holding = answers.filter((a) => a.value.length > 0);
    if (holding.length === 1) this.directory.remember(instanceId, holding[0]!.shard);
    return holding.flatMap((a) => a.value).sort(timerOrder);
  }

  async deleteTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    await this.byCase(timers, (t) => t.instanceId, (store, keys) => store.deleteTimers(keys));
  }

  async nextDueAt(): Promise<number | null> {
    const answers = await this.each((store) => store.nextDueAt());
    const due = answers.map((a) => a.value).filter((v): v is number => v !== null);
    return due.length > 0 ? Math.min(...due) : null;
  }

  async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    const answers = await this.each((store) => store.pendingOutbox(limit));
    return mergeHeads(answers.map(({ shard, value }) => this.learnOutbox(shard, value)), outboxOrder, limit);
  }

  async updateOutbox(message: OutboxMessage): Promise<void> {
    // A message lives with its source case; "not found" is decided by that shard, as a single store would.
    const shard = this.directory.get(message.sourceInstanceId) ?? (await this.locate(message.sourceInstanceId));
    if (!shard) {
      throw new EngineError('not-found', { en: `outbox message ${message.id}`, zh: `消息 ${message.id}` }, { messageId: message.id });
    }
    await shard.store.updateOutbox(message);
  }

  async exportAll(): Promise<StoreDump> {
    const dumps = (await this.each((store) => store.exportAll())).map((a) => a.value);
    const journalOrder = (a: JournalEntry, b: JournalEntry) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : a.seq - b.seq);
    return {
      instances: dumps.flatMap((d) => d.instances).sort(byId),
      journal: dumps.flatMap((d) => d.journal).sort(journalOrder),
      timers: dumps.flatMap((d) => d.timers).sort(timerOrder),
      outbox: dumps.flatMap((d) => d.outbox).sort(outboxOrder),
    };
  }

  /** Per-shard atomic only: see `routedImport.ts`. */
  async importAll(dump: StoreDump): Promise<void> {
    if ((dump.checkpoints?.length ?? 0) > 0) {
      throw new EngineError('invalid-input', { en: 'a region-routed store keeps no checkpoints: import the dump without them', zh: '按地区分片的存储不保存校验点：请导入不含校验点的数据' }, { path: 'checkpoints' });
    }
    await importAcrossShards(dump, this.routing, this.directory);
  }

  /**
   * Each shard's part of a dump, by shard name (what `importAll` would write where), e.g. to import the
   * remaining parts into the shards directly after an import that failed part-way.
   */
  splitDump(dump: StoreDump): Record<string, StoreDump> {
    return Object.fromEntries([...planImport(dump, this.routing)].map(([shard, part]) => [shard.name, part]));
  }

  async close(): Promise<void> {
    this.directory.clear();
    const results = await Promise.allSettled(this.routing.shards.map((s) => s.store.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** The shard holding a case, or undefined when no shard has it. */
  private async locate(instanceId: string): Promise<Shard | undefined> {
    return (await this.findOne(instanceId, (store) => store.getInstance(instanceId), (r) => r !== undefined, undefined)).shard;
  }

  /**
   * A point read by case id (or none): the remembered shard first, else every other shard in parallel;
   * the first shard in order whose answer is `found` wins and is remembered. A shard that failed only
   * fails the read when no shard found it (a found case cannot also be on the failed shard).
   */
  private async findOne<T>(
    instanceId: string | undefined,
    read: (store: Store) => Promise<T>,
    found: (value: T) => boolean,
    missing: T,
  ): Promise<{ value: T; shard?: Shard }> {
    const hint = instanceId === undefined ? undefined : this.directory.get(instanceId);
    if (hint) {
      const value = await read(hint.store);
      if (found(value)) return { value, shard: hint };
      this.directory.forget(instanceId!);
    }
    const others = this.routing.shards.filter((s) => s !== hint);
    const settled = await Promise.allSettled(others.map((s) => read(s.store)));
    for (let i = 0; i < settled.length; i++) {
      const result = settled[i]!;
      if (result.status === 'fulfilled' && found(result.value)) {
        if (instanceId !== undefined) this.directory.remember(instanceId, others[i]!);
        return { value: result.value, shard: others[i]! };
      }
    }
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { value: missing };
  }

  /** Every shard's answer in shard order; any failure fails the call (a partial list would look complete). */
  private async each<T>(read: (store: Store) => Promise<T>): Promise<Array<{ shard: Shard; value: T }>> {
    const values = await Promise.all(this.routing.shards.map((s) => read(s.store)));
    return values.map((value, i) => ({ shard: this.routing.shards[i]!, value }));
  }

  /** Sends keyed items to the shard of their case; items of cases not in the directory go to every shard (a no-op where absent). */
  private async byCase<T>(items: readonly T[], caseOf: (item: T) => string, apply: (store: Store, items: T[]) => Promise<void>): Promise<void> {
    if (items.length === 0) return;
    const groups = this.directory.split(items, caseOf);
    await Promise.all(
      this.routing.shards.map((shard) => {
        const mine = [...(groups.known.get(shard) ?? []), ...groups.unknown];
        return mine.length > 0 ? apply(shard.store, mine) : undefined;
      }),
    );
  }

  private learnInstances(shard: Shard, records: InstanceRecord[]): InstanceRecord[] {
    this.directory.rememberAll(shard, records.map((r) => r.id));
    return records;
  }

  private learnTimers(shard: Shard, timers: TimerRecord[]): TimerRecord[] {
    this.directory.rememberAll(shard, timers.map((t) => t.instanceId));
    return timers;
  }

  private learnOutbox(shard: Shard, messages: OutboxMessage[]): OutboxMessage[] {
    this.directory.rememberAll(shard, messages.map((m) => m.sourceInstanceId));
    return messages;
  }
}

function shardMismatch(instanceId: string, region: string, storedOn: Shard, regionShard: Shard): EngineError {
  // `conflict`, not `invalid-input`: the engine keeps a timer or message that hits it (retryable) instead
  // of dropping a legal deadline because of a configuration change.
  return new EngineError(
    'conflict',
    {
      en: `case ${instanceId} is stored on shard ${storedOn.name}, but its region ${region} now maps to shard ${regionShard.name}; move the region's rows before changing its shard`,
      zh: `案件 ${instanceId} 存放在分片 ${storedOn.name}，但其地区 ${region} 现映射到分片 ${regionShard.name}；更改地区分片前须先迁移该地区的数据`,
    },
    { instanceId, region, storedOn: storedOn.name, regionShard: regionShard.name, reason: 'shard-mismatch' },
  );
}

export function createRegionRoutedStore(options: RegionRoutedStoreOptions): RegionRoutedStore {
  return new RegionRoutedStore(options);
}
