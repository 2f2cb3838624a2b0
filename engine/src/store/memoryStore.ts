/**
 * In-memory store: for tests, Node tools and benchmarks. Records are cloned on the way in and out so
 * callers can never mutate stored state by reference, as with a real database. Every check of a commit
 * runs before the first write, which is what makes a commit all-or-nothing here.
 */
import { EngineError } from '../errors.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../types.js';
import { ACTOR_PART_KINDS, byLatestUpdate, DEFAULT_QUERY_LIMIT, stateKeyMatches, type ActorPart, type ChangeSet, type InstanceQuery, type Store, type StoreDump, type TimerKey } from './store.js';
import { conflictError, duplicateCommandError, duplicateKeyError } from './storeErrors.js';
import { MemoryCheckpointLog } from './memoryCheckpointLog.js';
import { highestOfSeries } from './caseSeries.js';

class MultiIndex {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, id: string): void {
    let ids = this.map.get(key);
    if (!ids) this.map.set(key, (ids = new Set()));
    ids.add(id);
  }
  remove(key: string, id: string): void {
    this.map.get(key)?.delete(id);
  }
  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? new Set();
  }
}

const clone = <T>(value: T): T => structuredClone(value);

function compareTimers(a: TimerRecord, b: TimerRecord): number {
  return a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class MemoryStore implements Store {
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly journals = new Map<string, JournalEntry[]>();
  /** commandId → journal entry: the unique index that makes repeated commands detectable. */
  private readonly byCommand = new Map<string, JournalEntry>();
  private readonly timers = new Map<string, TimerRecord>();
  /** Timers sorted by (dueAt, id): the memory equivalent of a dueAt index. */
  private timerOrder: TimerRecord[] = [];
  private readonly outbox = new Map<string, OutboxMessage>();
  private readonly byWorkflow = new MultiIndex();
  private readonly byRegion = new MultiIndex();
  private readonly bySubject = new MultiIndex();
  private readonly byTaskKey = new MultiIndex();
  /** Case-number series → the last number handed out. */
  private readonly series = new Map<string, number>();
  readonly checkpoints = new MemoryCheckpointLog(
    () => this.instances.values(),
    (id, seq) => this.journals.get(id)?.find((e) => e.seq === seq),
  );

  async commit(change: ChangeSet): Promise<void> {
    const current = this.instances.get(change.instance.id);
    if (this.byCommand.has(change.journal.commandId)) throw duplicateCommandError(change.journal.commandId);
    if (change.expectedRevision === null ? current : current?.revision !== change.expectedRevision) {
      throw conflictError(change.instance.id, change.expectedRevision, current?.revision ?? null);
    }
    const journal = this.journals.get(change.instance.id) ?? [];
    if (journal.length !== change.journal.seq - 1) throw duplicateKeyError('journal', `${change.instance.id}#${change.journal.seq}`);
    const removing = new Set(change.timerIdsToRemove);
    for (const timer of change.timersToAdd) {
      if (this.timers.has(timer.id) && !removing.has(timer.id)) throw duplicateKeyError('timers', timer.id);
    }
    for (const message of change.outboxToAdd) if (this.outbox.has(message.id)) throw duplicateKeyError('outbox', message.id);

    this.writeInstance(clone(change.instance));
    const entry = clone(change.journal);
    this.journals.set(change.instance.id, [...journal, entry]);
    this.byCommand.set(entry.commandId, entry);
    this.removeTimers(change.timerIdsToRemove);
    for (const timer of change.timersToAdd) this.insertTimer(clone(timer));
    for (const message of change.outboxToAdd) this.outbox.set(message.id, clone(message));
  }

  async nextCaseSequence(_region: string, series: string): Promise<number> {
    const next = (this.series.get(series) ?? 0) + 1;
    this.series.set(series, next);
    return next;
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    const record = this.instances.get(id);
    return record && clone(record);
  }

  async findInstances(query: InstanceQuery): Promise<InstanceRecord[]> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    return this.matching(query).slice(offset, offset + limit).map(clone);
  }

  async countInstances(query: InstanceQuery): Promise<number> {
    return this.matching(query).length;
  }

  async findByTaskKeys(keys: readonly string[], limit: number, offset = 0): Promise<InstanceRecord[]> {
    // Keys in the order given, each key's cases in index order: stable while the data stays the same.
    const seen = new Set<string>();
    const out: InstanceRecord[] = [];
    for (const key of keys) {
      for (const id of this.byTaskKey.get(key)) {
        if (out.length >= limit) return out;
        if (seen.has(id)) continue;
        seen.add(id);
        if (seen.size > offset) out.push(clone(this.instances.get(id)!));
      }
    }
    return out;
  }

  async findByActor(actorId: string, part: ActorPart, limit: number, offset = 0): Promise<InstanceRecord[]> {
    const kinds = ACTOR_PART_KINDS[part];
    const found: InstanceRecord[] = [];
    for (const [id, journal] of this.journals) {
      if (journal.some((entry) => entry.actor.id === actorId && kinds.includes(entry.kind))) found.push(this.instances.get(id)!);
    }
    return found.sort(byLatestUpdate).slice(offset, offset + limit).map(clone);
  }

  async getJournal(instanceId: string): Promise<JournalEntry[]> {
    return clone(this.journals.get(instanceId) ?? []);
  }

  async getJournalEntry(instanceId: string, seq: number): Promise<JournalEntry | undefined> {
    const entry = this.journals.get(instanceId)?.find((e) => e.seq === seq);
    return entry && clone(entry);
  }

  async findByCommand(commandId: string): Promise<JournalEntry | undefined> {
    const record = this.byCommand.get(commandId);
    return record && clone(record);
  }

  async dueTimers(now: number, limit: number): Promise<TimerRecord[]> {
    const out: TimerRecord[] = [];
    for (const timer of this.timerOrder) {
      if (timer.dueAt > now || out.length >= limit) break;
      out.push(clone(timer));
    }
    return out;
  }

  async timersOf(instanceId: string): Promise<TimerRecord[]> {
    return this.timerOrder.filter((t) => t.instanceId === instanceId).map(clone);
  }

  async deleteTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    this.removeTimers(timers.filter((t) => this.timers.get(t.id)?.instanceId === t.instanceId).map((t) => t.id));
  }

  async nextDueAt(): Promise<number | null> {
    return this.timerOrder[0]?.dueAt ?? null;
  }

  async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    const pending = [...this.outbox.values()].filter((m) => m.status === 'pending');
    pending.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    return pending.slice(0, limit).map(clone);
  }

  async updateOutbox(message: OutboxMessage): Promise<void> {
    if (!this.outbox.has(message.id)) throw new EngineError('not-found', { en: `outbox message ${message.id}`, zh: `消息 ${message.id}` });
    this.outbox.set(message.id, clone(message));
  }

  async exportAll(): Promise<StoreDump> {
    return clone({
      instances: [...this.instances.values()],
      journal: [...this.journals.values()].flat(),
      timers: this.timerOrder,
      outbox: [...this.outbox.values()],
      ...(this.checkpoints.size > 0 ? { checkpoints: this.checkpoints.all() } : {}),
    });
  }

  async importAll(dump: StoreDump): Promise<void> {
    for (const i of dump.instances) if (this.instances.has(i.id)) throw duplicateKeyError('instances', i.id);
    for (const t of dump.timers) if (this.timers.has(t.id)) throw duplicateKeyError('timers', t.id);
    for (const m of dump.outbox) if (this.outbox.has(m.id)) throw duplicateKeyError('outbox', m.id);
    if ((dump.checkpoints?.length ?? 0) > 0 && this.checkpoints.size > 0) throw duplicateKeyError('checkpoints', '1');
    const journals = new Map<string, JournalEntry[]>();
    const commandIds = new Set<string>();
    for (const entry of [...dump.journal].sort((a, b) => a.seq - b.seq)) {
      if (this.journals.has(entry.instanceId)) throw duplicateKeyError('journal', `${entry.instanceId}#${entry.seq}`);
      const list = journals.get(entry.instanceId) ?? [];
      if (list.some((e) => e.seq === entry.seq)) throw duplicateKeyError('journal', `${entry.instanceId}#${entry.seq}`);
      if (this.byCommand.has(entry.commandId) || commandIds.has(entry.commandId)) throw duplicateKeyError('journal', entry.commandId);
      commandIds.add(entry.commandId);
      list.push(clone(entry));
      journals.set(entry.instanceId, list);
    }
    for (const i of dump.instances) this.writeInstance(clone(i));
    for (const [id, list] of journals) {
      this.journals.set(id, list);
      for (const entry of list) this.byCommand.set(entry.commandId, entry);
    }
    for (const t of dump.timers) this.insertTimer(clone(t));
    for (const m of dump.outbox) this.outbox.set(m.id, clone(m));
    for (const c of dump.checkpoints ?? []) await this.checkpoints.add(c);
    for (const [name, last] of highestOfSeries(dump.instances.map((i) => i.caseNumber))) {
      if (last > (this.series.get(name) ?? 0)) this.series.set(name, last);
    }
  }

  async close(): Promise<void> {}

  private matching(query: InstanceQuery): InstanceRecord[] {
    const candidates =
      query.subject !== undefined ? this.bySubject.get(query.subject)
      : query.workflowId !== undefined ? this.byWorkflow.get(query.workflowId)
      : query.region !== undefined ? this.byRegion.get(query.region)
      : new Set(this.instances.keys());
    const out: InstanceRecord[] = [];
    for (const id of candidates) {
      const r = this.instances.get(id)!;
      if (query.workflowId !== undefined && r.workflowId !== query.workflowId) continue;
      if (query.region !== undefined && r.region !== query.region) continue;
      if (query.subject !== undefined && r.subject !== query.subject) continue;
      if (query.division !== undefined && !r.division?.startsWith(query.division)) continue;
      if (query.status !== undefined && r.status !== query.status) continue;
      if (query.state !== undefined && !stateKeyMatches(r.stateKey, query.state)) continue;
      out.push(r);
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private writeInstance(record: InstanceRecord): void {
    const previous = this.instances.get(record.id);
    if (previous) {
      for (const key of previous.taskKeys) this.byTaskKey.remove(key, record.id);
    }
    this.instances.set(record.id, record);
    this.byWorkflow.add(record.workflowId, record.id);
    this.byRegion.add(record.region, record.id);
    this.bySubject.add(record.subject, record.id);
    for (const key of record.taskKeys) this.byTaskKey.add(key, record.id);
  }

  private insertTimer(timer: TimerRecord): void {
    this.timers.set(timer.id, timer);
    let lo = 0;
    let hi = this.timerOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareTimers(this.timerOrder[mid]!, timer) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.timerOrder.splice(lo, 0, timer);
  }

  private removeTimers(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.timers.delete(id)));
    if (gone.size > 0) this.timerOrder = this.timerOrder.filter((t) => !gone.has(t.id));
  }
}

export function createMemoryStore(): Store {
  return new MemoryStore();
}
