/**
 * What a task operation does to a case, as a pure function of the case, the operation, the people it
 * names (resolved and recorded when it was sent) and the case's own history. The live command and the
 * journal replay both call it, so a replayed operation is the operation that was applied.
 */
import type { StateValue } from 'xstate';
import { EngineError } from '../errors.js';
import type { InstanceRecord, JournalEntry, WorkflowEvent } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import { activePaths } from '../workflow/introspect.js';
import { countersignOutcome } from './countersignRule.js';
import type { TaskOperation } from './operations.js';
import { nameOf, tidyWork, type CaseWork, type Person, type Signer } from './work.js';

export interface PlanInput {
  workflow: WorkflowDefinition;
  record: InstanceRecord;
  op: TaskOperation;
  actor: Person & { role: string };
  at: number;
  /** The people the operation names, in its order, as resolved when it was sent (with the role a new holder holds under). */
  people: ReadonlyArray<Person & { role?: string }>;
  /** Every state path the case has been in (from its journal), for returns. */
  passed: ReadonlySet<string>;
  /** For a withdrawal: the step taken back and the case as it was before it. */
  withdrawn?: { entry: JournalEntry; before: InstanceRecord; sentMessages: boolean };
}

export type Move =
  | { kind: 'event'; event: WorkflowEvent; role: string }
  | { kind: 'jump'; state: StateValue; context: unknown; keepDue?: ReadonlyMap<string, number> };

export interface Plan {
  work: CaseWork | undefined;
  move?: Move;
  /** What the operation decided beyond its request (a countersign's outcome, votes cancelled), recorded in its journal entry. */
  effects?: Record<string, unknown>;
}

function refuse(code: 'forbidden' | 'not-allowed-in-state' | 'invalid-input', en: string, zh: string, reason: string): never {
  throw new EngineError(code, { en, zh }, { reason });
}

/** A state path as a state value: `review.initial` → `{ review: 'initial' }`. */
export function stateValueOf(path: string): StateValue {
  const parts = path.split('.');
  let value: StateValue = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) value = { [parts[i]!]: value };
  return value;
}

/** The states the current state's task may be returned to (declared for it or an ancestor), among those the case passed through. */
export function returnTargets(workflow: WorkflowDefinition, record: InstanceRecord, passed: ReadonlySet<string>): string[] {
  if (record.status !== 'active') return [];
  const current = activePaths(record.state);
  const out: string[] = [];
  for (const path of current) for (const target of workflow.tasks.returns.get(path) ?? []) {
    if (passed.has(target) && !current.has(target) && !out.includes(target)) out.push(target);
  }
  return out;
}

/** The state the case is in whose countersign declaration applies, if any. */
export function countersignState(workflow: WorkflowDefinition, record: InstanceRecord): string | undefined {
  if (record.status !== 'active') return undefined;
  return [...activePaths(record.state)].find((p) => workflow.tasks.countersigns.has(p));
}

const withWork = (record: InstanceRecord, change: Partial<CaseWork>): CaseWork | undefined => tidyWork({ ...record.work, ...change });

function withoutKey<K extends keyof CaseWork>(work: CaseWork | undefined, ...keys: K[]): CaseWork {
  const out = { ...work };
  for (const key of keys) delete out[key];
  return out;
}

/** Due times kept by a withdrawal: the deadlines the case had before, by state path and position. */
function dueTimesOf(before: InstanceRecord): Map<string, number> {
  const out = new Map<string, number>();
  for (const timer of before.timers) {
    const index = timer.id.slice(timer.id.lastIndexOf(':') + 1);
    out.set(`${timer.statePath}:${index}`, timer.dueAt);
  }
  return out;
}

function vote(input: PlanInput, op: Extract<TaskOperation, { op: 'vote' }>): Plan {
  const { workflow, record, actor, at } = input;
  const running = record.work?.countersign;
  if (!running) refuse('not-allowed-in-state', 'no countersign is under way on this case', '本案件当前没有进行中的会签', 'no-countersign');
  const signer = running.signers.find((s) => s.id === actor.id);
  if (!signer) refuse('forbidden', `${nameOf(actor)} is not a signer of this countersign`, `${nameOf(actor)} 不是本次会签的会签人`, 'not-signer');
  if (signer.vote) refuse('not-allowed-in-state', `${nameOf(actor)} has already voted`, `${nameOf(actor)} 已提交会签意见`, 'voted');
  const spec = workflow.tasks.countersigns.get(running.statePath)!;
  if (spec.vote && op.data === undefined) {
    refuse('invalid-input', `this panel votes with the form ${spec.vote.form.id}: fill it in`, '本次会签须填写评审表', 'vote-data');
  }
  if (!spec.vote && op.data !== undefined) refuse('invalid-input', 'this countersign\'s votes carry no data', '本次会签意见不附表单数据', 'vote-data');
  const decision = spec.vote && op.data !== undefined ? spec.vote.decide(op.data, record.context) : op.decision;
  if (decision === undefined) refuse('invalid-input', 'the vote needs a decision (agree or disagree)', '会签意见须选择同意或不同意', 'decision');
  if (op.decision !== undefined && decision !== op.decision) {
    refuse('invalid-input', `the vote says ${op.decision}, but its data decides ${decision}`, `会签意见选择了“${op.decision === 'agree' ? '同意' : '不同意'}”，但所填数据判定为“${decision === 'agree' ? '同意' : '不同意'}”`, 'decision');
  }
  const signers: Signer[] = running.signers.map((s) =>
    s.id === actor.id ? { ...s, vote: { decision, opinion: op.opinion, at, ...(op.data !== undefined ? { data: op.data } : {}) } } : s,
  );
  const settled = settle(input, running, signers);
  // The vote's decision, said in the entry (a vote decided by its score sheet does not carry it in its request).
  return { ...settled, effects: { vote: { decision }, ...settled.effects } };
}

/** The countersign with these signers: still open, or decided, and then its pass or fail event goes through the machine. */
function settle(input: PlanInput, running: NonNullable<CaseWork['countersign']>, signers: Signer[]): Plan {
  const { workflow, record } = input;
  const outcome = countersignOutcome(running.rule, signers);
  if (outcome === 'open') return { work: withWork(record, { countersign: { ...running, signers } }) };
  const spec = workflow.tasks.countersigns.get(running.statePath)!;
  const passed = outcome === 'pass';
  const side = passed ? spec.pass : spec.fail;
  const deciding = signers.filter((s) => s.vote && (s.vote.decision === 'agree') === passed);
  const data = side.data?.({ passed, signers, deciding }, record.context);
  const count = (d: 'agree' | 'disagree') => signers.filter((s) => s.vote?.decision === d).length;
  return {
    work: tidyWork(withoutKey(record.work, 'countersign')),
    move: { kind: 'event', event: { type: side.event, ...(data !== undefined ? { data } : {}) }, role: spec.role },
    effects: { countersign: { outcome, agree: count('agree'), disagree: count('disagree'), pending: signers.filter((s) => !s.vote).length, signers: signers.length, event: side.event } },
  };
}

export function planOperation(input: PlanInput): Plan {
  const { workflow, record, op, actor, at, people } = input;
  const work = record.work;
  const who: Person = { id: actor.id, ...(actor.name !== undefined ? { name: actor.name } : {}) };
  if (record.status !== 'active' && op.op !== 'read' && op.op !== 'copy') {
    refuse('not-allowed-in-state', 'the case is closed; only copies and reading remain', '案件已办结，只能抄送和阅读', 'closed');
  }
  const delegated = () => {
    if (work?.delegate) refuse('not-allowed-in-state', `the task is delegated to ${nameOf(work.delegate)} until handed back`, `该任务已委派给 ${nameOf(work.delegate)}，交回前不能办理此操作`, 'delegated');
  };
  const noCountersign = () => {
    if (work?.countersign) refuse('not-allowed-in-state', 'a countersign is under way on this task', '该任务正在会签', 'countersign');
  };
  switch (op.op) {
    case 'claim':
      noCountersign();
      if (work?.holder) refuse('not-allowed-in-state', `the task is already held by ${nameOf(work.holder)}`, `该任务已由 ${nameOf(work.holder)} 认领`, 'held');
      return { work: withWork(record, { holder: { ...who, role: actor.role, since: at, how: 'claimed' } }) };
    case 'release':
      delegated();
      if (work?.holder?.id !== actor.id) refuse('forbidden', 'only the holder may release the task', '只有认领人可以释放该任务', 'not-holder');
      return { work: tidyWork(withoutKey(work, 'holder')) };
    case 'assign':
    case 'transfer': {
      noCountersign();
      delegated();
      const [to] = people;
      if (!to) throw new Error('planOperation: the person was not resolved');
      if (to.id === work?.holder?.id) refuse('invalid-input', `${nameOf(to)} already holds the task`, `${nameOf(to)} 已是该任务的办理人`, 'same-holder');
      const { role = work?.holder?.role ?? actor.role, ...person } = to;
      return { work: withWork(record, { holder: { ...person, role, since: at, how: op.op === 'assign' ? 'assigned' : 'transferred' } }) };
    }
    case 'delegate': {
      noCountersign();
      delegated();
      const [to] = people;
      if (!to) throw new Error('planOperation: the person was not resolved');
      if (to.id === actor.id) refuse('invalid-input', 'a task cannot be delegated to its own holder', '不能委派给自己', 'self');
      const holder = work?.holder ?? { ...who, role: actor.role, since: at, how: 'claimed' as const };
      const { role: _role, ...person } = to;
      return { work: withWork(record, { holder, delegate: { ...person, since: at } }) };
    }
    case 'resolve':
      if (work?.delegate?.id !== actor.id) refuse('forbidden', 'only the person the task is delegated to may hand it back', '只有被委派人可以办理完毕交回', 'not-delegate');
      return { work: tidyWork(withoutKey(work, 'delegate')) };
    case 'return': {
      delegated();
      const targets = returnTargets(workflow, record, input.passed);
      if (!targets.includes(op.to)) {
        refuse('not-allowed-in-state', `${record.stateKey} may not be returned to ${op.to}; possible: ${targets.join(', ') || 'none'}`, `当前环节不能退回到该环节；可退回：${targets.length} 个环节`, 'return-target');
      }
      const cancelled = (work?.countersign?.signers ?? []).filter((s) => !s.vote).map(({ id, name }) => ({ id, ...(name !== undefined ? { name } : {}) }));
      return {
        work: tidyWork(work?.copies ? { copies: work.copies } : {}),
        move: { kind: 'jump', state: stateValueOf(op.to), context: record.context },
        ...(work?.countersign ? { effects: { countersignCancelled: { pending: cancelled, votes: work.countersign.signers.filter((s) => s.vote).length } } } : {}),
      };
    }
    case 'withdraw': {
      const w = input.withdrawn;
      if (!w || w.entry.seq !== record.journalHead.seq || w.entry.kind !== 'event' || w.entry.actor.id !== actor.id) {
        refuse('not-allowed-in-state', 'only the last step may be withdrawn, by whoever took it, before anyone acts on the case', '只有最后一步可以撤回，且须由办理人在他人办理前撤回', 'not-last-step');
      }
      if (w.sentMessages) refuse('not-allowed-in-state', 'the step already informed other cases and cannot be withdrawn', '该步骤已通知其他案件，不能撤回', 'sent-messages');
      const holder = { ...who, role: w.entry.actor.role, since: at, how: 'withdrawn' as const };
      return {
        work: tidyWork({ ...(work?.copies ? { copies: work.copies } : {}), ...(workflow.access.subjectRoles.includes(w.entry.actor.role) ? {} : { holder }) }),
        move: { kind: 'jump', state: w.before.state, context: w.before.context, keepDue: dueTimesOf(w.before) },
        effects: { withdrawnSeq: w.entry.seq },
      };
    }
    case 'countersign': {
      delegated();
      noCountersign();
      const statePath = countersignState(workflow, record);
      if (!statePath) refuse('not-allowed-in-state', `state ${record.stateKey} is not decided by a countersign`, '当前环节不适用会签', 'no-countersign-state');
      const spec = workflow.tasks.countersigns.get(statePath)!;
      return { work: withWork(record, { countersign: { statePath, rule: spec.rule, signers: people.map((p) => ({ ...p })), startedBy: who, startedAt: at } }) };
    }
    case 'vote':
      return vote(input, op);
    case 'add-signer':
    case 'remove-signer': {
      const running = work?.countersign;
      if (!running) refuse('not-allowed-in-state', 'no countersign is under way on this case', '本案件当前没有进行中的会签', 'no-countersign');
      const current = running.signers.find((s) => s.id === (op.op === 'add-signer' ? people[0]?.id : op.person));
      let signers: Signer[];
      if (op.op === 'add-signer') {
        if (current) refuse('invalid-input', `${nameOf(current)} already signs`, `${nameOf(current)} 已是会签人`, 'already-signer');
        signers = [...running.signers, { ...people[0]! }];
      } else {
        if (!current) refuse('invalid-input', 'that person is not a signer', '此人不是会签人', 'not-signer');
        if (current.vote) refuse('not-allowed-in-state', `${nameOf(current)} has already voted and cannot be removed`, `${nameOf(current)} 已提交意见，不能减签`, 'voted');
        if (running.signers.length === 1) refuse('not-allowed-in-state', 'the last signer cannot be removed', '不能减去最后一名会签人', 'last-signer');
        signers = running.signers.filter((s) => s.id !== op.person);
      }
      // Removing a pending signer may settle the rule (e.g. the others all agreed): then the panel decides now.
      return settle(input, running, signers);
    }
    case 'copy': {
      const copies = [...(work?.copies ?? [])];
      for (const to of people) {
        if (copies.some((c) => c.to.id === to.id && c.readAt === undefined)) continue;
        copies.push({ to, by: who, at });
      }
      return { work: withWork(record, { copies }) };
    }
    case 'read': {
      const unread = (work?.copies ?? []).some((c) => c.to.id === actor.id && c.readAt === undefined);
      if (!unread) refuse('not-allowed-in-state', `${nameOf(actor)} has no unread copy of this case`, `${nameOf(actor)} 没有本案件的未读抄送`, 'no-copy');
      return { work: withWork(record, { copies: work!.copies!.map((c) => (c.to.id === actor.id && c.readAt === undefined ? { ...c, readAt: at } : c)) }) };
    }
    case 'escalate': {
      // The roles supervising those that act on the case now take it up (they may assign it or chase it).
      const acting = new Set(record.acceptedEvents.flatMap((t) => workflow.events[t]?.roles ?? []));
      const roles = [...new Set(Object.entries(workflow.tasks.supervisors).filter(([r]) => acting.has(r)).flatMap(([, s]) => s))].sort();
      if (roles.length === 0) refuse('not-allowed-in-state', `no role supervises the task in state ${record.stateKey}`, '当前环节的任务没有上级可上报', 'no-supervisor');
      const count = (work?.chases?.count ?? 0) + 1;
      return { work: withWork(record, { escalation: { at, roles }, chases: { count, lastAt: at, lastBy: who } }) };
    }
    case 'chase': {
      if (work?.holder?.id === actor.id || work?.delegate?.id === actor.id) refuse('invalid-input', 'the holder of a task does not chase it', '办理人不能催办自己的任务', 'own-task');
      const count = (work?.chases?.count ?? 0) + 1;
      return { work: withWork(record, { chases: { count, lastAt: at, lastBy: who } }) };
    }
  }
}

/** Every state path the journal shows the case in. */
export function passedStates(entries: readonly Pick<JournalEntry, 'stateAfter'>[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) for (const path of activePaths(entry.stateAfter)) out.add(path);
  return out;
}

/** What a task entry records beyond its request: who acted (their name), the people it named, its effects. */
export function taskRecord(by: string | undefined, people: PlanInput['people'], effects: Record<string, unknown> | undefined): NonNullable<JournalEntry['task']> {
  return { ...(by !== undefined ? { by } : {}), ...(people.length > 0 ? { people: [...people] } : {}), ...(effects ? { effects } : {}) };
}
