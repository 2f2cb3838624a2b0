/** Records the engine reads and writes, and the small interfaces it is given. All records are plain JSON. */
import type { StateValue } from 'xstate';
import type { CaseWork, Opinion, Person } from './tasks/work.js';

/** Who is acting. Roles come from the host application's sign-in; the engine decides what they may do. */
export interface Actor {
  id: string;
  roles: readonly string[];
  /** Region the actor belongs to (e.g. `beijing`); required for region-scoped workflows. */
  region?: string;
  /** Subjects (farms, producers) the actor acts for; required for the workflow's subject-bound roles. */
  subjects?: readonly string[];
  /**
   * Data scope of the actor's other roles: GB/T 2260 division-code prefixes (2 digits a province, 4 a
   * city, 6 a county, 9 a township, 12 a village). Omitted: the whole region. A case outside every
   * prefix (or without a division) is out of scope for those roles.
   */
  divisions?: readonly string[];
  name?: string;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** An event as a caller sends it: data travels under `data` and is validated against the event's form. */
export interface WorkflowEvent {
  type: string;
  data?: Record<string, unknown>;
}

/** The event object the XState machine receives. Guards and actions read `event.data`. */
export interface MachineEvent {
  type: string;
  data: Record<string, unknown>;
  actor: { id: string; role: string };
}

export type InstanceStatus = 'active' | 'done';

export interface JournalHead {
  seq: number;
  hash: string;
}

export interface InstanceRecord {
  id: string;
  workflowId: string;
  workflowVersion: number;
  region: string;
  /** What the case is about, e.g. the farm's id; producers see their own subjects' cases. */
  subject: string;
  /** Where the subject is: its GB/T 2260 division code (township or village); officials' scope is matched against it. */
  division?: string;
  status: InstanceStatus;
  state: StateValue;
  /** Active leaf state paths joined by `,` (e.g. `review.initial`); indexed for queries. */
  stateKey: string;
  context: unknown;
  revision: number;
  journalHead: JournalHead;
  /** Event types the current state accepts (ignoring guards). */
  acceptedEvents: string[];
  /** `role|r:region`, `role|s:subject` or `role|*` keys: who has a task here; a multi-entry index. */
  taskKeys: string[];
  /** Pending deadlines of the case (mirrors its timer rows), so a step needs no timer read. */
  timers: Array<Pick<TimerRecord, 'id' | 'statePath' | 'dueAt'>>;
  /** Earliest pending deadline, for inbox sorting without a timer scan. */
  nextDueAt: number | null;
  /** Versions pinned at start (e.g. region-parameter version) so later rule changes do not move a running case. */
  pins: Record<string, string>;
  /** 受理编号 people quote (`济源-2026-000123`), unique in the store; absent on cases opened before numbers existed. */
  caseNumber?: string;
  /** Who holds, signs, was copied or chased on the current task (absent while nobody has touched it). */
  work?: CaseWork;
  createdAt: number;
  updatedAt: number;
}

export type JournalKind = 'start' | 'event' | 'timer' | 'message' | 'migrate' | 'task';

export interface JournalEntry {
  instanceId: string;
  seq: number;
  kind: JournalKind;
  /** Effective time of the transition (a timer's due time when it fires late). */
  at: number;
  /** When the entry was written. */
  recordedAt: number;
  actor: { id: string; role: string };
  event: { type: string; data?: Record<string, unknown> };
  form?: { id: string; version: string };
  stateBefore: StateValue | null;
  stateAfter: StateValue;
  /** Whether the case was still running after this entry. */
  status: InstanceStatus;
  workflowVersion: number;
  revision: number;
  /** Unique across the store: the journal doubles as the command log for idempotent retries. */
  commandId: string;
  /** A start's case: which workflow, region, subject, division and pins it opened with (so a replay needs nothing from the stored case). */
  opened?: OpenedCase;
  /** Deadlines this step set, as computed then: a replay uses them rather than today's holiday calendar. */
  deadlines?: Array<Pick<TimerRecord, 'id' | 'dueAt' | 'provisional'>>;
  /** 审批意见: what the person said with this step, and their name as signed. */
  opinion?: Opinion & { signer?: string };
  /** A task operation's people (resolved when it was sent) and what it decided (a countersign's outcome, votes cancelled). */
  task?: { by?: string; people?: Array<Person & { role?: string }>; effects?: Record<string, unknown> };
  /** Only in a journal given to a reader: the fields of `event.data` withheld from them by the form's field permissions. */
  withheld?: string[];
  /** SHA-256 of the case record this step produced (all of it but its journal head): the stored case must still hash to it. */
  recordHash?: string;
  prevHash: string;
  hash: string;
}

export interface OpenedCase {
  workflowId: string;
  region: string;
  subject: string;
  division?: string;
  pins: Record<string, string>;
  caseNumber?: string;
}

export interface TimerRecord {
  id: string;
  instanceId: string;
  /** State path whose entry scheduled the timer; leaving it cancels the timer. */
  statePath: string;
  event: string;
  dueAt: number;
  /** True when working days were counted across a year without an official holiday arrangement. */
  provisional: boolean;
}

export type MessageTarget = { instanceId: string } | { workflowId: string; subject: string; region?: string };

export type OutboxStatus = 'pending' | 'delivered' | 'undeliverable';

export interface OutboxMessage {
  id: string;
  sourceInstanceId: string;
  sourceSeq: number;
  to: MessageTarget;
  event: WorkflowEvent;
  status: OutboxStatus;
  createdAt: number;
  attempts: number;
  /** Per target instance: what happened when the message was applied. */
  outcomes: Array<{ instanceId: string; result: 'applied' | 'refused'; code?: string }>;
  lastError?: string;
}

export interface SendResult {
  instanceId: string;
  revision: number;
  state: StateValue;
  stateKey: string;
  status: InstanceStatus;
  seq: number;
  commandId: string;
  /** True when this result is the stored answer to a repeated commandId. */
  replayed: boolean;
}

export interface FormRef {
  id: string;
  /** Pinned version; omitted means "the version in force" as the validator decides. */
  version?: string;
}

export type ValidationOutcome =
  | { ok: true; formVersion: string }
  | { ok: false; formVersion?: string; issues: Array<{ path: string; message: string; messageZh?: string }> };

/** Injected by the host: the engine never imports the forms package. */
export type EventDataValidator = (
  form: FormRef,
  data: Record<string, unknown>,
  context: ValidationContext,
) => ValidationOutcome | Promise<ValidationOutcome>;

export interface ValidationContext {
  workflowId: string;
  workflowVersion: number;
  region: string;
  subject: string;
  eventType: string;
  pins: Record<string, string>;
  /** The case's state key when the data is sent (null for the data a case starts with): for the form's field permissions. */
  state: string | null;
  /** The sender's acting role. */
  role: string;
  /** The values the case already holds for this form (its earlier entries' data, the latest of each field); read on demand. */
  earlier: () => Promise<Record<string, unknown>>;
}
