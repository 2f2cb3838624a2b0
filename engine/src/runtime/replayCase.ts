/**
 * Replaying a case's journal through its workflow: every entry is rebuilt from its inputs (actor,
 * event, time, recorded deadlines) by the same code a live step runs, and must come out as the entry
 * that was stored, hash for hash; the record the replay ends with must be the stored case, field by
 * field, and the deadlines still pending must be the case's timer rows. So a case edited in the
 * database, a deleted deadline or an impossible step is named, not just a broken hash.
 */
import { EngineError } from '../errors.js';
import { canonicalJson, sha256Hex } from '../journal/hash.js';
import type { JournalProblem } from '../journal/journal.js';
import type { InstanceRecord, JournalEntry, TimerRecord } from '../types.js';
import type { EngineContext } from './context.js';
import { buildMigration, buildOperation, buildStart, buildStep, machineEventOf, restoreSnapshot, type TransitionRequest } from './transition.js';
import { operationOfEventType, type TaskOperation } from '../tasks/operations.js';
import { passedStates, planOperation, taskRecord } from '../tasks/planOperation.js';

type ReplayContext = Pick<EngineContext, 'registry' | 'calendar' | 'clock'>;

/** What people read for each field of a case. */
const FIELD_NAMES: Record<string, { en: string; zh: string }> = {
  workflowId: { en: 'workflow', zh: '流程' },
  workflowVersion: { en: 'workflow version', zh: '流程版本' },
  region: { en: 'region', zh: '地区' },
  subject: { en: 'subject', zh: '主体' },
  division: { en: 'division', zh: '行政区划' },
  pins: { en: 'versions in force', zh: '适用版本' },
  caseNumber: { en: 'case number', zh: '受理编号' },
  status: { en: 'status', zh: '办结状态' },
  state: { en: 'state', zh: '所处环节' },
  stateKey: { en: 'state', zh: '所处环节' },
  context: { en: 'case data', zh: '办理数据' },
  revision: { en: 'revision', zh: '修订号' },
  journalHead: { en: 'journal head', zh: '流水链头' },
  acceptedEvents: { en: 'actions open', zh: '可办理事项' },
  taskKeys: { en: 'task holders', zh: '待办归属' },
  timers: { en: 'deadlines', zh: '期限' },
  nextDueAt: { en: 'next deadline', zh: '最近期限' },
  createdAt: { en: 'opening time', zh: '创建时间' },
  updatedAt: { en: 'last change time', zh: '最后办理时间' },
};
/** What people read for each outcome a journal entry records. */
const ENTRY_FIELD_NAMES: Record<string, { en: string; zh: string }> = {
  stateAfter: { en: 'resulting state', zh: '办理后环节' },
  status: { en: 'resulting status', zh: '办理后状态' },
  recordHash: { en: 'resulting case record', zh: '办理后的案件记录' },
  deadlines: { en: 'deadlines set', zh: '设定的期限' },
  revision: { en: 'revision', zh: '修订号' },
  workflowVersion: { en: 'workflow version', zh: '流程版本' },
  stateBefore: { en: 'starting state', zh: '办理前环节' },
  prevHash: { en: 'link to the entry before', zh: '与前一条流水的衔接' },
  opened: { en: 'opened case', zh: '创建的案件' },
};
const nameOf = (field: string) => FIELD_NAMES[field] ?? { en: field, zh: field };
const entryFieldNames = (fields: readonly string[]) => ({
  en: fields.map((f) => ENTRY_FIELD_NAMES[f]?.en ?? f).join(', '),
  zh: fields.map((f) => ENTRY_FIELD_NAMES[f]?.zh ?? f).join('、'),
});

/** Fields a later engine added to entries: an entry written before them is rebuilt without them. */
const LATER_ENTRY_FIELDS = ['opened', 'deadlines', 'recordHash'] as const;

class Stop extends Error {
  constructor(readonly problem: JournalProblem) {
    super(problem.message);
  }
}

function problem(seq: number, kind: JournalProblem['kind'], en: string, zh: string, field?: string): JournalProblem {
  return { seq, kind, message: en, messageZh: zh, ...(field !== undefined ? { field } : {}) };
}

/** The rebuilt entry in the stored entry's format, and its hash. */
async function asWritten(rebuilt: JournalEntry, stored: JournalEntry): Promise<{ entry: Record<string, unknown>; hash: string }> {
  const { hash: _hash, ...rest } = rebuilt as unknown as Record<string, unknown> & { hash: string };
  for (const key of LATER_ENTRY_FIELDS) if (!(key in stored)) delete rest[key];
  return { entry: rest, hash: await sha256Hex(canonicalJson(rest)) };
}

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>, skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !skip.includes(k) && canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)).sort();
}

function requestOf(entry: JournalEntry, workflow: TransitionRequest['workflow']): TransitionRequest {
  return {
    workflow,
    kind: entry.kind,
    actor: entry.actor,
    event: entry.event,
    ...(entry.form ? { form: entry.form } : {}),
    commandId: entry.commandId,
    at: entry.at,
    ...(entry.kind === 'timer' ? { consumedTimerIds: [entry.commandId.replace(/^timer:/, '')] } : {}),
    ...(entry.opinion ? { opinion: entry.opinion } : {}),
    ...(entry.task ? { task: entry.task } : {}),
    replay: { recordedAt: entry.recordedAt, deadlines: entry.deadlines ?? [] },
  };
}

/** What the replay so far knows of the case: the record after each entry and whether that step sent messages. */
interface Replayed {
  entries: readonly JournalEntry[];
  after: Map<number, InstanceRecord>;
  sent: Map<number, boolean>;
}

/** A task entry rebuilt: its operation planned again from the case before it and what it recorded (people, the acting person's name). */
async function rebuildOperation(ctx: ReplayContext, entry: JournalEntry, previous: InstanceRecord, replayed: Replayed) {
  const workflow = workflowOf(ctx, previous.workflowId, previous.workflowVersion, entry.seq);
  const name = operationOfEventType(entry.event.type);
  if (!name) throw new Stop(problem(entry.seq, 'not-accepted', `entry ${entry.seq} records an unknown task operation ${entry.event.type}`, `第 ${entry.seq} 条流水记录了未知的任务操作`));
  const op = { op: name, ...(entry.event.data ?? {}) } as TaskOperation;
  const prior = replayed.entries.filter((e) => e.seq < entry.seq);
  const last = prior[prior.length - 1];
  const before = last ? replayed.after.get(last.seq - 1) : undefined;
  const plan = planOperation({
    workflow,
    record: previous,
    op,
    actor: { id: entry.actor.id, role: entry.actor.role, ...(entry.task?.by !== undefined ? { name: entry.task.by } : {}) },
    at: entry.at,
    people: entry.task?.people ?? [],
    passed: passedStates(prior),
    ...(name === 'withdraw' && last && before ? { withdrawn: { entry: last, before, sentMessages: replayed.sent.get(last.seq) ?? false } } : {}),
  });
  const request = { ...requestOf(entry, workflow), task: taskRecord(entry.task?.by, entry.task?.people ?? [], plan.effects) };
  return buildOperation(ctx, request, previous, plan);
}

function workflowOf(ctx: ReplayContext, workflowId: string, version: number, seq: number) {
  try {
    return ctx.registry.get(workflowId, version);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw new Stop(problem(seq, 'cannot-replay', `entry ${seq} needs workflow ${workflowId} version ${version}, which this engine does not have; the rest was not replayed`, `第 ${seq} 条流水需要流程 ${workflowId} 的版本 ${version}，本系统没有该版本，其后流水未能复核`));
  }
}

async function rebuild(ctx: ReplayContext, entry: JournalEntry, previous: InstanceRecord | null, stored: InstanceRecord, rows: readonly TimerRecord[], replayed: Replayed) {
  const { seq } = entry;
  if (entry.kind === 'start') {
    if (previous) throw new Stop(problem(seq, 'not-accepted', `entry ${seq} opens the case a second time`, `第 ${seq} 条流水再次创建了案件`));
    // Entries written before `opened` existed leave the scope to the stored case (its digest still covers it where sealed).
    const opened = entry.opened ?? { workflowId: stored.workflowId, region: stored.region, subject: stored.subject, ...(stored.division !== undefined ? { division: stored.division } : {}), pins: stored.pins, ...(stored.caseNumber !== undefined ? { caseNumber: stored.caseNumber } : {}) };
    const workflow = workflowOf(ctx, opened.workflowId, entry.workflowVersion, seq);
    return buildStart(ctx, { ...requestOf(entry, workflow), instanceId: entry.instanceId, ...opened });
  }
  if (!previous) throw new Stop(problem(seq, 'not-accepted', `entry ${seq} acts on a case that was never opened`, `第 ${seq} 条流水办理的案件从未创建`));
  // A task operation, or a deadline that acted on the task (kind `timer`, a `task.*` event).
  if (entry.kind === 'task' || operationOfEventType(entry.event.type)) return rebuildOperation(ctx, entry, previous, replayed);
  if (entry.kind === 'migrate') {
    const workflow = workflowOf(ctx, previous.workflowId, entry.workflowVersion, seq);
    const target = workflow.machine.resolveState({ value: entry.stateAfter, context: previous.context as Record<string, unknown> });
    const stateMap = (entry.event.data?.stateMap ?? {}) as Record<string, string>;
    return buildMigration(ctx, requestOf(entry, workflow), previous, target, stateMap, rows);
  }
  const workflow = workflowOf(ctx, previous.workflowId, previous.workflowVersion, seq);
  const request = requestOf(entry, workflow);
  const snapshot = restoreSnapshot(workflow, previous);
  if (!previous.acceptedEvents.includes(entry.event.type) || !snapshot.can(machineEventOf(request))) {
    throw new Stop(problem(seq, 'not-accepted', `entry ${seq} records ${entry.event.type}, which the case did not accept in state ${previous.stateKey}`, `第 ${seq} 条流水记录的事项 ${entry.event.type} 在环节 ${previous.stateKey} 不可办理`));
  }
  return buildStep(ctx, request, previous, snapshot);
}

/**
 * Problems found by replaying `entries` (in stored order) against the stored case and its timer rows.
 * Replay stops at the first entry that does not come out as stored: what follows rests on it.
 */
export async function replayCase(
  ctx: ReplayContext,
  stored: InstanceRecord,
  entries: readonly JournalEntry[],
  timerRows: readonly TimerRecord[],
  now: number,
): Promise<JournalProblem[]> {
  const state = replayFrom(entries);
  try {
    for (const entry of entries) {
      let built;
      try {
        built = await rebuild(ctx, entry, state.record, stored, [...state.rows.values()], state.replayed);
      } catch (error) {
        if (error instanceof Stop || !(error instanceof EngineError)) throw error;
        throw new Stop(problem(entry.seq, 'not-accepted', `entry ${entry.seq} cannot be replayed: ${error.message}`, `第 ${entry.seq} 条流水无法复核：${error.messageZh}`));
      }
      const rebuilt = await asWritten(built.change.journal, entry);
      if (rebuilt.hash !== entry.hash) {
        const { hash: _h, ...storedRest } = entry as unknown as Record<string, unknown>;
        const fields = differingKeys(rebuilt.entry, storedRest);
        const names = entryFieldNames(fields);
        throw new Stop(problem(entry.seq, 'replay-differs', `entry ${entry.seq} does not follow from its event under its workflow: its ${names.en || 'hash'} differ`, `第 ${entry.seq} 条流水与按流程由其事项推算的结果不一致：${names.zh || '哈希'}不同`, fields.join(',')));
      }
      advance(state, entry, built.change);
    }
  } catch (error) {
    if (error instanceof Stop) return [error.problem];
    throw error;
  }
  if (!state.record) return [];
  return [...recordDifferences(state.record, stored), ...timerDifferences(state.rows, timerRows, stored.journalHead.seq, now)];
}

/** Where a replay stands: the case so far, its pending deadlines, and what each step left behind. */
interface ReplayState {
  record: InstanceRecord | null;
  rows: Map<string, TimerRecord>;
  replayed: Replayed;
}

function replayFrom(entries: readonly JournalEntry[]): ReplayState {
  return { record: null, rows: new Map(), replayed: { entries, after: new Map(), sent: new Map() } };
}

/** Takes a rebuilt step into the replay; the chain continues from the stored hash (an older entry hashes without later fields). */
function advance(state: ReplayState, entry: JournalEntry, change: Awaited<ReturnType<typeof rebuild>>['change']): void {
  state.record = { ...change.instance, journalHead: { seq: entry.seq, hash: entry.hash } };
  state.replayed.after.set(entry.seq, state.record);
  state.replayed.sent.set(entry.seq, change.outboxToAdd.length > 0);
  for (const id of change.timerIdsToRemove) state.rows.delete(id);
  for (const timer of change.timersToAdd) state.rows.set(timer.id, timer);
}

function recordDifferences(derived: InstanceRecord, stored: InstanceRecord): JournalProblem[] {
  const fields = differingKeys(derived as unknown as Record<string, unknown>, stored as unknown as Record<string, unknown>, ['id']);
  return fields.map((field) => {
    const name = nameOf(field);
    return problem(stored.journalHead.seq, 'record-differs', `the case's ${name.en} (${field}) is not what its journal produces`, `案件的${name.zh}与其办理流水推算的结果不一致`, field);
  });
}

/**
 * Pending deadlines against the stored timer rows. A row may be gone once its time has passed (a
 * deadline the case no longer accepted is dropped without a journal entry); before that, it is missing.
 */
function timerDifferences(derived: ReadonlyMap<string, TimerRecord>, rows: readonly TimerRecord[], seq: number, now: number): JournalProblem[] {
  const out: JournalProblem[] = [];
  const stored = new Map(rows.map((t) => [t.id, t]));
  for (const [id, timer] of derived) {
    const row = stored.get(id);
    if (!row) {
      if (timer.dueAt > now) out.push(problem(seq, 'timer-missing', `the pending deadline ${id} (${timer.event}) has no timer row`, `待到期的期限 ${id}（${timer.event}）缺少期限记录`, 'timers'));
    } else if (canonicalJson(row) !== canonicalJson(timer)) {
      out.push(problem(seq, 'timer-differs', `the timer row of deadline ${id} is not what the journal set (${differingKeys(timer as unknown as Record<string, unknown>, row as unknown as Record<string, unknown>).join(', ')})`, `期限 ${id} 的期限记录与流水设定的不一致`, 'timers'));
    }
  }
  for (const id of stored.keys()) {
    if (!derived.has(id)) out.push(problem(seq, 'timer-extra', `timer row ${id} belongs to no deadline the journal set`, `期限记录 ${id} 不属于流水设定的任何期限`, 'timers'));
  }
  return out;
}

/**
 * The case as it was before entry `seq` and whether that entry's step sent messages to other cases,
 * rebuilt from the journal (a withdrawal restores the one and refuses the other). The journal is
 * trusted here as it is for every step: its head was checked against the stored case before.
 */
export async function rebuildUpTo(ctx: ReplayContext, stored: InstanceRecord, entries: readonly JournalEntry[], seq: number): Promise<{ before: InstanceRecord; sentMessages: boolean }> {
  const state = replayFrom(entries);
  for (const entry of entries) {
    if (entry.seq > seq) break;
    const built = await rebuild(ctx, entry, state.record, stored, [...state.rows.values()], state.replayed);
    if (entry.seq === seq) return { before: state.record!, sentMessages: built.change.outboxToAdd.length > 0 };
    advance(state, entry, built.change);
  }
  throw new EngineError('not-found', { en: `the journal has no entry ${seq}`, zh: `办理流水中没有第 ${seq} 条` }, { seq });
}
