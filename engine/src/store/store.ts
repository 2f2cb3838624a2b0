/**
 * Persistence boundary. The engine computes everything (snapshot, hash-chained journal entry, timers,
 * outbox) before it writes, then hands the adapter ONE change set to apply atomically. This keeps
 * IndexedDB transactions free of foreign awaits (which would auto-commit them) and maps one-to-one
 * onto a SQL transaction: `UPDATE instances ... WHERE id = $1 AND revision = $expected` plus inserts.
 */
import type { HeadRef, JournalCheckpoint } from '../journal/checkpoint.js';
import type {
  InstanceRecord,
  JournalEntry,
  OutboxMessage,
  TimerRecord,
} from '../types.js';

export interface ChangeSet {
  instance: InstanceRecord;
  /** Revision the change was computed from; `null` creates the instance (it must not exist). */
  expectedRevision: number | null;
  /** The entry's `commandId` must not be in the journal yet (a repeated command). */
  journal: JournalEntry;
  timersToAdd: TimerRecord[];
  timerIdsToRemove: string[];
  outboxToAdd: OutboxMessage[];
}

export interface InstanceQuery {
  workflowId?: string;
  region?: string;
  subject?: string;
  /** A GB/T 2260 division-code prefix: cases whose division starts with it (a data-scope filter). */
  division?: string;
  /** A state path: matches that state and its sub-states (`review` matches `review.initial`). */
  state?: string;
  status?: InstanceRecord['status'];
  limit?: number;
  offset?: number;
}

/** Everything a store holds, for backup, restore and bulk loading. */
export interface StoreDump {
  instances: InstanceRecord[];
  journal: JournalEntry[];
  timers: TimerRecord[];
  outbox: OutboxMessage[];
  /** Signed checkpoints of journal heads, in order (absent when none were made). */
  checkpoints?: JournalCheckpoint[];
}

export interface Store {
  /**
   * Applies the change set atomically or not at all. Throws `EngineError('conflict')` when the stored
   * revision differs from `expectedRevision` (or the instance exists on create), with
   * `details.reason = 'duplicate-command'` when `journal.commandId` was already recorded.
   */
  commit(change: ChangeSet): Promise<void>;

  getInstance(id: string): Promise<InstanceRecord | undefined>;
  findInstances(query: InstanceQuery): Promise<InstanceRecord[]>;
  countInstances(query: InstanceQuery): Promise<number>;
  /**
   * Instances carrying any of the task keys, each once; an index lookup, not a scan. The order is
   * stable for the same keys and data, so `offset` pages neither overlap nor skip.
   */
  findByTaskKeys(keys: readonly string[], limit: number, offset?: number): Promise<InstanceRecord[]>;

  /**
   * Cases a person took part in (已办 / 我发起的): `opened`, they started it; `acted`, they took a
   * step after the start (an event or a task operation). The most recently updated case first (ties
   * by id), each case once; paged like `findByTaskKeys`. An index lookup on the journal's actor.
   */
  findByActor(actorId: string, part: ActorPart, limit: number, offset?: number): Promise<InstanceRecord[]>;

  /**
   * The next number of a series of case numbers (受理编号), kept with the region's cases: every call
   * gets a number no other call on this store got, from 1 up. A number is never given back (a start
   * that fails leaves a gap), so concurrent starts do not wait on each other. `importAll` raises each
   * series above the numbers of the cases it loads (`caseSeries.ts`).
   */
  nextCaseSequence(region: string, series: string): Promise<number>;

  /** Journal of one instance in `seq` order. */
  getJournal(instanceId: string): Promise<JournalEntry[]>;
  /**
   * The case and the journal entry its head names, in one read where the store can (a SQL join);
   * optional: without it the engine reads the entry with `getJournalEntry`.
   */
  getInstanceWithHead?(id: string): Promise<{ record: InstanceRecord; head: JournalEntry | undefined } | undefined>;
  /** One journal entry by case and sequence number (a case's head, checked before every step). */
  getJournalEntry(instanceId: string, seq: number): Promise<JournalEntry | undefined>;
  /** The journal entry a command produced, if it was applied. */
  findByCommand(commandId: string): Promise<JournalEntry | undefined>;

  /** Timers due at or before `now`, earliest first (ties by id). */
  dueTimers(now: number, limit: number): Promise<TimerRecord[]>;
  timersOf(instanceId: string): Promise<TimerRecord[]>;
  /** Removes timers that fired without effect (their event was refused). Keyed by case, then id. */
  deleteTimers(timers: ReadonlyArray<TimerKey>): Promise<void>;
  /** The earliest pending due time, for the scheduler. */
  nextDueAt(): Promise<number | null>;

  pendingOutbox(limit: number): Promise<OutboxMessage[]>;
  updateOutbox(message: OutboxMessage): Promise<void>;

  /** Whole-store export, for backup. */
  exportAll(): Promise<StoreDump>;
  /** Bulk load in one transaction; rejects (writing nothing) when a key already exists. */
  importAll(dump: StoreDump): Promise<void>;

  close(): Promise<void>;

  /**
   * Present on stores that several processes share (PostgreSQL): due timers and outbox messages are
   * handed to one worker at a time, so two servers never do the same work. Without it, the engine
   * reads due work directly (one process per store, or tabs that tolerate a replayed command).
   */
  readonly claims?: WorkClaims;

  /** Present on stores that keep signed checkpoints of journal heads (memory, Dexie, PostgreSQL). */
  readonly checkpoints?: CheckpointLog;
}

/**
 * Signed checkpoints (`journal/checkpoint.ts`) in order, with each case's latest anchored head as an
 * index. The log only stores: the engine signs and checks.
 */
export interface CheckpointLog {
  /** Appends the next checkpoint and moves its cases' anchored heads; a number already taken is a conflict. */
  add(checkpoint: JournalCheckpoint): Promise<void>;
  last(): Promise<JournalCheckpoint | undefined>;
  /** Checkpoints numbered above `afterSeq`, in order, at most `limit`. */
  list(afterSeq: number, limit: number): Promise<JournalCheckpoint[]>;
  /** The latest checkpoint that names the case. */
  latestOf(instanceId: string): Promise<JournalCheckpoint | undefined>;
  /**
   * Current heads of cases (from their records) that their latest checkpoint does not name, at most
   * `limit`, each saying whether the journal holds that entry with that hash (read in the same pass).
   */
  unanchoredHeads(limit: number): Promise<Array<HeadRef & { inJournal: boolean }>>;
}

export type TimerKey = Pick<TimerRecord, 'id' | 'instanceId'>;

/**
 * Leases on background work. A claimed item is invisible to other claimers until its lease ends,
 * so a worker that dies mid-way only delays the item; applying it is idempotent (command ids).
 */
export interface WorkClaims {
  /** Due timers no other worker holds, earliest first (ties by id), each now held for `leaseMs`. */
  claimDueTimers(now: number, limit: number, leaseMs: number): Promise<TimerRecord[]>;
  /** Gives claimed timers back before their lease ends (they were not fired this round). */
  releaseTimers(timers: ReadonlyArray<TimerKey>): Promise<void>;
  /** Pending messages no other worker holds, oldest first, each now held for `leaseMs`. `updateOutbox` ends the hold. */
  claimPendingOutbox(limit: number, leaseMs: number): Promise<OutboxMessage[]>;
}

/** Whether `stateKey` (comma-joined leaf paths) lies in `state` or below it. */
export type ActorPart = 'opened' | 'acted';

/** The journal kinds each part counts: the start for who opened a case; a person's own later steps for who acted on it. */
export const ACTOR_PART_KINDS: Record<ActorPart, readonly JournalEntry['kind'][]> = { opened: ['start'], acted: ['event', 'task'] };

/** The order of `findByActor`: the most recently updated case first, ties by case id. */
export function byLatestUpdate(a: Pick<InstanceRecord, 'id' | 'updatedAt'>, b: Pick<InstanceRecord, 'id' | 'updatedAt'>): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function stateKeyMatches(stateKey: string, state: string): boolean {
  return stateKey.split(',').some((path) => path === state || path.startsWith(`${state}.`));
}

export const DEFAULT_QUERY_LIMIT = 200;
