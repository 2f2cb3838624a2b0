/**
 * Turns one accepted event into one change set: the machine step, the hash-chained journal entry,
 * timers cancelled and scheduled, outbox rows, the command record and the new instance record.
 * Everything here happens before the store transaction opens.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { computeDueAt } from '../calendar/duration.js';
import { CalendarError } from '../calendar/errors.js';
import { EngineError } from '../errors.js';
import { GENESIS_HASH, sealEntry } from '../journal/journal.js';
import { recordDigest } from '../journal/recordHash.js';
import type { ChangeSet } from '../store/store.js';
import type {
  InstanceRecord,
  JournalEntry,
  JournalKind,
  OpenedCase,
  MachineEvent,
  OutboxMessage,
  SendResult,
  TimerRecord,
  WorkflowEvent,
} from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import { acceptedEventTypes, activePaths, stateKeyOf } from '../workflow/introspect.js';
import { scopeKeys, taskKeysFor } from './access.js';
import type { EngineContext } from './context.js';
import { emittedMessages } from './messages.js';
import { assertJson } from './validateInput.js';
import { carryWork, workTaskKeys, type CaseWork } from '../tasks/work.js';
import type { Plan } from '../tasks/planOperation.js';

export interface TransitionRequest {
  workflow: WorkflowDefinition;
  kind: JournalKind;
  actor: { id: string; role: string };
  event: WorkflowEvent;
  form?: { id: string; version: string };
  commandId: string;
  /** Effective time: now, or a late timer's due time so that chained deadlines keep the legal timeline. */
  at: number;
  /** Timers consumed by this transition (the one that fired). */
  consumedTimerIds?: readonly string[];
  /** A replay's: when the entry was written, and the deadlines it recorded (kept over today's calendar). */
  replay?: { recordedAt: number; deadlines: readonly DeadlineSet[] };
  /** 审批意见 given with the step. */
  opinion?: JournalEntry['opinion'];
  /** A task operation's people and effects, journaled with it. */
  task?: JournalEntry['task'];
}

type DeadlineSet = Pick<TimerRecord, 'id' | 'dueAt' | 'provisional'>;

export interface StartRequest extends TransitionRequest {
  instanceId: string;
  region: string;
  subject: string;
  division?: string;
  pins: Record<string, string>;
  caseNumber?: string;
}

/** What building a change needs: the calendar for deadlines, the clock for `recordedAt`. */
export type BuildContext = Pick<EngineContext, 'calendar' | 'clock'>;

export function restoreSnapshot(workflow: WorkflowDefinition, record: InstanceRecord): AnyMachineSnapshot {
  return workflow.machine.resolveState({ value: record.state, context: record.context as Record<string, unknown> });
}

export function machineEventOf(request: Pick<TransitionRequest, 'event' | 'actor'>): MachineEvent {
  return { type: request.event.type, data: request.event.data ?? {}, actor: request.actor };
}

export function acceptedEventsOf(workflow: WorkflowDefinition, value: StateValue, status: string): string[] {
  if (status !== 'active') return [];
  return acceptedEventTypes(value, workflow.eventsByPath, workflow.rootEvents, workflow.eventTypes);
}

function assertPersistableContext(workflow: WorkflowDefinition, snapshot: AnyMachineSnapshot): void {
  if (snapshot.status === 'error') {
    throw new EngineError('invalid-definition', {
      en: `${workflow.id}@${workflow.version}: the machine failed: ${String(snapshot.error)}`,
      zh: `${workflow.id}@${workflow.version}：状态机执行出错：${String(snapshot.error)}`,
    });
  }
  try {
    assertJson(snapshot.context, '/context');
  } catch (error) {
    const reason = (error as EngineError).message;
    throw new EngineError('invalid-definition', {
      en: `${workflow.id}@${workflow.version}: machine context must stay plain JSON (${reason})`,
      zh: `${workflow.id}@${workflow.version}：状态机 context 必须是纯 JSON（${(error as EngineError).messageZh ?? reason}）`,
    });
  }
}

/** Timers to add for states entered between `before` and `after`. */
function scheduleTimers(
  ctx: BuildContext,
  workflow: WorkflowDefinition,
  instanceId: string,
  revision: number,
  entered: Iterable<string>,
  at: number,
  context: unknown,
  recorded: readonly DeadlineSet[] = [],
  /** Due times to keep by `statePath:index` (a withdrawal restores the deadlines the state had). */
  keepDue?: ReadonlyMap<string, number>,
): TimerRecord[] {
  const timers: TimerRecord[] = [];
  const recordedById = new Map(recorded.map((d) => [d.id, d]));
  for (const path of entered) {
    (workflow.deadlines.get(path) ?? []).forEach((deadline, index) => {
      let due;
      try {
        due = computeDueAt(deadline.after, at, ctx.calendar, context);
      } catch (error) {
        if (!(error instanceof CalendarError)) throw error;
        throw new EngineError(
          'invalid-data',
          { en: `deadline of state ${path}: ${error.en}`, zh: `状态 ${path} 的期限：${error.zh}` },
          { statePath: path, issues: [{ path: '', message: error.en, messageZh: error.zh }] },
        );
      }
      const id = `${instanceId}:${revision}:${path}:${index}`;
      const kept = recordedById.get(id);
      timers.push({
        id,
        instanceId,
        statePath: path,
        event: deadline.send,
        dueAt: kept?.dueAt ?? keepDue?.get(`${path}:${index}`) ?? due.dueAt,
        provisional: kept?.provisional ?? due.provisional,
      });
    });
  }
  return timers;
}

/** The work with the holder an entered state's assignment rule names, unless someone already holds the task. */
function autoAssigned(
  workflow: WorkflowDefinition,
  work: CaseWork | undefined,
  entered: readonly string[],
  scope: Pick<InstanceRecord, 'region' | 'subject' | 'division'>,
  facts: { context: unknown; data: Record<string, unknown>; at: number },
): CaseWork | undefined {
  if (work?.holder || work?.countersign) return work;
  for (const path of entered) {
    const rule = workflow.tasks.assign.get(path);
    const person = rule?.({ region: scope.region, subject: scope.subject, ...(scope.division !== undefined ? { division: scope.division } : {}), ...facts });
    if (person) return { ...work, holder: { id: person.id, ...(person.name !== undefined ? { name: person.name } : {}), role: person.role, since: facts.at, how: 'auto' } };
  }
  return work;
}

interface Built {
  change: ChangeSet;
  result: SendResult;
}

async function build(
  ctx: BuildContext,
  request: TransitionRequest,
  previous: InstanceRecord | null,
  base: Pick<InstanceRecord, 'id' | 'region' | 'subject' | 'division' | 'pins' | 'caseNumber' | 'createdAt'>,
  next: AnyMachineSnapshot,
  actions: ReadonlyArray<{ type: string; params?: unknown }>,
  migration?: { renamePath: (path: string) => string; movedTimers: readonly TimerRecord[] },
  opened?: OpenedCase,
  /** Set by a task operation: the work it leaves (otherwise the work is carried over the step). */
  operation?: { work: CaseWork | undefined; keepDue?: ReadonlyMap<string, number> },
): Promise<Built> {
  const renamePath = migration?.renamePath ?? ((path: string) => path);
  const existingTimers = (previous?.timers ?? []).map((t) => ({ ...t, statePath: renamePath(t.statePath) }));
  const { workflow } = request;
  assertPersistableContext(workflow, next);
  const revision = (previous?.revision ?? 0) + 1;
  const seq = (previous?.journalHead.seq ?? 0) + 1;
  const status = next.status === 'done' ? 'done' : 'active';
  const before = new Set(previous ? [...activePaths(previous.state)].map(renamePath) : []);
  const after = status === 'done' ? new Set<string>() : activePaths(next.value);
  const left = new Set([...before].filter((p) => !after.has(p)));
  const entered = [...after].filter((p) => !before.has(p));

  const consumed = new Set(request.consumedTimerIds ?? []);
  const timerIdsToRemove = existingTimers.filter((t) => consumed.has(t.id) || left.has(t.statePath)).map((t) => t.id);
  for (const id of consumed) if (!timerIdsToRemove.includes(id)) timerIdsToRemove.push(id);
  const scheduled = scheduleTimers(ctx, workflow, base.id, revision, entered, request.at, next.context, request.replay?.deadlines, operation?.keepDue);
  const timersToAdd = [...scheduled];
  // Timers of renamed states keep their id and due time; only their rows' state path is rewritten.
  for (const moved of migration?.movedTimers ?? []) {
    if (timerIdsToRemove.includes(moved.id)) continue;
    timerIdsToRemove.push(moved.id);
    timersToAdd.push(moved);
  }
  const timers = existingTimers
    .filter((t) => !timerIdsToRemove.includes(t.id))
    .concat(timersToAdd.map(({ id, statePath, dueAt }) => ({ id, statePath, dueAt })))
    .sort((a, b) => a.dueAt - b.dueAt);
  const nextDueAt = timers[0]?.dueAt ?? null;

  const outboxToAdd: OutboxMessage[] = emittedMessages(actions).map((message, i) => ({
    id: `${base.id}#${seq}#${i}`,
    sourceInstanceId: base.id,
    sourceSeq: seq,
    to: message.to,
    event: message.event,
    status: 'pending',
    createdAt: request.at,
    attempts: 0,
    outcomes: [],
  }));

  const acceptedEvents = acceptedEventsOf(workflow, next.value, status);
  const carried = operation ? operation.work : carryWork(previous?.work, previous?.state ?? null, next.value, status === 'done');
  const work = autoAssigned(workflow, carried, entered, base, { context: next.context, data: request.event.data ?? {}, at: request.at });
  const { work: _previousWork, ...rest } = base as typeof base & { work?: CaseWork };
  const sealed: Omit<InstanceRecord, 'journalHead'> = {
    ...rest,
    workflowId: workflow.id,
    workflowVersion: workflow.version,
    status,
    state: next.value,
    stateKey: stateKeyOf(next.value),
    context: next.context,
    revision,
    acceptedEvents,
    taskKeys: [...new Set([...taskKeysFor(workflow, acceptedEvents, base), ...workTaskKeys(work), ...(work?.escalation?.roles ?? []).flatMap((r) => scopeKeys(workflow, r, base))])].sort(),
    timers,
    nextDueAt,
    ...(work ? { work } : {}),
    updatedAt: request.at,
  };
  const recordHash = await recordDigest(sealed);

  const journal = await sealEntry({
    instanceId: base.id,
    seq,
    kind: request.kind,
    at: request.at,
    recordedAt: request.replay?.recordedAt ?? ctx.clock.now(),
    actor: request.actor,
    event: request.event.data === undefined ? { type: request.event.type } : { type: request.event.type, data: request.event.data },
    ...(request.form ? { form: request.form } : {}),
    ...(request.opinion ? { opinion: request.opinion } : {}),
    ...(request.task ? { task: request.task } : {}),
    stateBefore: previous?.state ?? null,
    stateAfter: next.value,
    status,
    workflowVersion: workflow.version,
    revision,
    commandId: request.commandId,
    ...(opened ? { opened } : {}),
    ...(scheduled.length > 0 ? { deadlines: scheduled.map(({ id, dueAt, provisional }) => ({ id, dueAt, provisional })) } : {}),
    recordHash,
    prevHash: previous?.journalHead.hash ?? GENESIS_HASH,
  });
  const instance: InstanceRecord = { ...sealed, journalHead: { seq, hash: journal.hash } };
  const result: SendResult = {
    instanceId: base.id,
    revision,
    state: instance.state,
    stateKey: instance.stateKey,
    status,
    seq,
    commandId: request.commandId,
    replayed: false,
  };
  return {
    change: {
      instance,
      expectedRevision: previous?.revision ?? null,
      journal,
      timersToAdd,
      timerIdsToRemove,
      outboxToAdd,
    },
    result,
  };
}

/** Change set that opens a case in the machine's initial state. */
export async function buildStart(ctx: BuildContext, request: StartRequest): Promise<Built> {
  const input = { data: request.event.data ?? {}, region: request.region, subject: request.subject, pins: request.pins, instanceId: request.instanceId };
  const [snapshot, actions] = initialTransition(request.workflow.machine, input);
  const base = {
    id: request.instanceId,
    region: request.region,
    subject: request.subject,
    ...(request.division !== undefined ? { division: request.division } : {}),
    pins: request.pins,
    ...(request.caseNumber !== undefined ? { caseNumber: request.caseNumber } : {}),
    createdAt: request.at,
  };
  const opened = {
    workflowId: request.workflow.id,
    region: request.region,
    subject: request.subject,
    ...(request.division !== undefined ? { division: request.division } : {}),
    pins: request.pins,
    ...(request.caseNumber !== undefined ? { caseNumber: request.caseNumber } : {}),
  };
  return build(ctx, request, null, base, snapshot, actions, undefined, opened);
}

/** Change set for an event the caller has already authorised, validated and checked with `can`. */
export async function buildStep(
  ctx: BuildContext,
  request: TransitionRequest,
  record: InstanceRecord,
  snapshot: AnyMachineSnapshot,
): Promise<Built> {
  const [next, actions] = transition(request.workflow.machine, snapshot, machineEventOf(request));
  return build(ctx, request, record, record, next, actions);
}

/**
 * Change set that moves a case to another workflow version and state, journalled as `migrate`.
 * States mapped by `stateMap` count as the same state under a new name: their deadlines keep their
 * due times (a rename must not restart a legal period). Left states' timers are cancelled and newly
 * entered states get theirs, exactly as for an ordinary transition.
 */
export async function buildMigration(
  ctx: BuildContext,
  request: TransitionRequest,
  record: InstanceRecord,
  target: AnyMachineSnapshot,
  stateMap: Readonly<Record<string, string>>,
  /** The case's timer rows now (their events and flags travel with a renamed state). */
  timerRows: readonly TimerRecord[],
): Promise<Built> {
  const renamePath = (path: string): string => {
    for (const [from, to] of Object.entries(stateMap)) {
      if (path === from) return to;
      if (path.startsWith(`${from}.`)) return to + path.slice(from.length);
    }
    return path;
  };
  const movedTimers = timerRows
    .filter((t) => renamePath(t.statePath) !== t.statePath)
    .map((t) => ({ ...t, statePath: renamePath(t.statePath) }));
  return build(ctx, request, record, record, target, [], { renamePath, movedTimers });
}

/**
 * Change set of a task operation (kind `task`): the work it leaves, and the move it makes — none (a
 * claim, a copy), the decision event of a settled countersign through the machine, or a jump to an
 * earlier state (a return, a withdrawal) with the context it names.
 */
export async function buildOperation(ctx: BuildContext, request: TransitionRequest, record: InstanceRecord, plan: Plan): Promise<Built> {
  const { workflow } = request;
  const snapshot = restoreSnapshot(workflow, record);
  const move = plan.move;
  if (!move) return build(ctx, request, record, record, snapshot, [], undefined, undefined, { work: plan.work });
  if (move.kind === 'event') {
    const event: MachineEvent = { type: move.event.type, data: move.event.data ?? {}, actor: { id: request.actor.id, role: move.role } };
    if (!snapshot.can(event)) {
      throw new EngineError('invalid-definition', {
        en: `${workflow.id}@${workflow.version}: the countersign's decision ${move.event.type} is not accepted in state ${record.stateKey}`,
        zh: `${workflow.id}@${workflow.version}：会签结果事件 ${move.event.type} 在环节 ${record.stateKey} 不被接受`,
      });
    }
    const [next, actions] = transition(workflow.machine, snapshot, event);
    // The panel's decision moves the case like any decision: the task it ends takes its hold and reminders along.
    const work = carryWork(plan.work, record.state, next.value, next.status === 'done');
    return build(ctx, request, record, record, next, actions, undefined, undefined, { work });
  }
  const target = workflow.machine.resolveState({ value: move.state, context: move.context as Record<string, unknown> });
  return build(ctx, request, record, record, target, [], undefined, undefined, { work: plan.work, ...(move.keepDue ? { keepDue: move.keepDue } : {}) });
}
