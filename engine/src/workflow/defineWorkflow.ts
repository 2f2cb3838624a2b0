/**
 * A workflow is an XState v5 machine plus what XState does not carry: who may send each event, the
 * form its data must satisfy, and durable deadlines per state. The definition is checked once here so
 * that a broken one fails at registration with a precise reason, never halfway through a case.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { validateDeadlineAfter, type DeadlineAfter } from '../calendar/duration.js';
import { EngineError } from '../errors.js';
import type { FormRef } from '../types.js';
import { ownEventTypes, stateNodesByPath } from './introspect.js';
import { defineTasks, type TaskConfig, type TaskDefinition } from '../tasks/taskSpec.js';

/** The role the engine itself acts under when a deadline fires or a message arrives. */
export const SYSTEM_ROLE = 'system';

export interface LocalText {
  zh: string;
  en: string;
}

export interface EventSpec {
  /** Roles that may send the event; include `system` for events sent by deadlines or messages. */
  roles: readonly string[];
  /** Form the event's data must satisfy; events without a form carry no data. */
  form?: FormRef | string;
  label?: LocalText;
}

/**
 * What a deadline does to the task instead of sending an event: 催办 remind whoever holds it, escalate
 * it to the roles that supervise it, or return it to an earlier state (declared in `tasks.returns`).
 */
export type DeadlineAction = { kind: 'remind' } | { kind: 'escalate' } | { kind: 'return'; to: string };

/** A deadline as declared: it sends an event, or acts on the task. */
export type DeadlineConfig =
  | { after: DeadlineAfter; /** Event sent by the engine (as `system`) when the deadline passes while the state is still active. */ send: string; label?: LocalText }
  | { after: DeadlineAfter; action: DeadlineAction; label?: LocalText };

export interface DeadlineSpec {
  after: DeadlineAfter;
  /** The event sent when it passes; for a task action, the action's journal type (`task.chase`, `task.escalate`, `task.return`). */
  send: string;
  action?: DeadlineAction;
  label?: LocalText;
}

/** Journal event type of a deadline's task action. */
export const DEADLINE_ACTION_TYPES = { remind: 'task.chase', escalate: 'task.escalate', return: 'task.return' } as const;

const ACTION_LABELS: Record<DeadlineAction['kind'], LocalText> = {
  remind: { zh: '超期催办', en: 'Overdue reminder' },
  escalate: { zh: '超期上报', en: 'Escalated when overdue' },
  return: { zh: '超期自动退回', en: 'Returned when overdue' },
};

export interface WorkflowAccess {
  /** Actors may only act on cases of their own region (default true). */
  regionScoped?: boolean;
  /** Roles that may only act on cases whose subject is among the actor's `subjects` (e.g. `producer`). */
  subjectRoles?: readonly string[];
  /**
   * Separation of duties (default true): an actor bound to the case's subject (one of its own farms)
   * acts on the case only under subject-bound roles, never as its reviewer or decider, whatever other
   * roles the same account carries.
   */
  separationOfDuties?: boolean;
}

/** Why a rule refused an event, as people read it: the rule (seed and section), in both languages, and the field it concerns. */
export interface RuleRefusal {
  /** Where the rule comes from, e.g. `seed 002 §三(一)`. */
  rule: string;
  message: LocalText;
  /** The field of the event's form the rule concerns (a JSON pointer, `/stock`). */
  path?: string;
}

/**
 * Explains a guard's refusal of an event: given the case's context and the event's data, the rule
 * that fails, or nothing (then the generic "conditions not met" stands). Called only after the
 * machine refused, so it never decides anything itself.
 */
export type RefusalRule = (input: { context: any; data: Record<string, unknown>; stateKey: string }) => RuleRefusal | null | undefined;

export interface WorkflowConfig<TMachine extends AnyStateMachine = AnyStateMachine> {
  id: string;
  version: number;
  machine: TMachine;
  title?: LocalText;
  /** Who may open a case, and the form of the data it opens with (passed to the machine as `input.data`). */
  start: { roles: readonly string[]; form?: FormRef | string };
  events: Record<string, EventSpec>;
  /** Keyed by state path (`review.initial`). */
  deadlines?: Record<string, DeadlineConfig | readonly DeadlineConfig[]>;
  access?: WorkflowAccess;
  /** Per event type: what to tell people when the machine's guards refuse it. */
  refusals?: Record<string, RefusalRule>;
  /** Task operations: who supervises whose tasks, where a task may be returned to, which states a panel decides. */
  tasks?: TaskConfig;
}

export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> {
  readonly id: string;
  readonly version: number;
  readonly machine: TMachine;
  readonly title: LocalText;
  readonly start: { roles: readonly string[]; form?: FormRef };
  readonly events: Readonly<Record<string, { roles: readonly string[]; form?: FormRef; label?: LocalText }>>;
  readonly eventTypes: readonly string[];
  readonly deadlines: ReadonlyMap<string, readonly DeadlineSpec[]>;
  readonly access: { regionScoped: boolean; subjectRoles: readonly string[]; separationOfDuties: boolean };
  /** Own event types per state path, for accepted-event lookups without evaluating the machine. */
  readonly eventsByPath: ReadonlyMap<string, readonly string[]>;
  readonly rootEvents: readonly string[];
  readonly refusals: Readonly<Record<string, RefusalRule>>;
  readonly tasks: TaskDefinition;
}

function invalid(workflow: string, en: string, zh: string, path: string): EngineError {
  return new EngineError('invalid-definition', { en: `${workflow}: ${en}`, zh: `${workflow}：${zh}` }, { workflow, path });
}

function normalizeForm(form: FormRef | string | undefined): FormRef | undefined {
  if (form === undefined) return undefined;
  return typeof form === 'string' ? { id: form } : { ...form };
}

function checkRoles(label: string, roles: unknown, path: string): void {
  if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => typeof r !== 'string' || r === '')) {
    throw invalid(label, `${path} must be a non-empty list of role names`, `${path} 必须是非空的角色名称列表`, path);
  }
}

/** Persisted cases are restored from value + context, so anything living only in memory is refused. */
function checkPersistable(label: string, node: AnyStateNode): void {
  const path = node.path.join('.') || '(root)';
  if (node.type === 'history') {
    throw invalid(label, `state ${path} is a history state, which cannot be restored from storage`, `状态 ${path} 是历史状态，无法从存储恢复`, path);
  }
  if (node.invoke.length > 0) {
    throw invalid(label, `state ${path} invokes an actor; invoked actors are lost on restore`, `状态 ${path} 调用了子 actor，恢复后会丢失`, path);
  }
  if (node.after.length > 0) {
    throw invalid(label, `state ${path} uses XState 'after' delays, which are lost on restore; declare a deadline instead`, `状态 ${path} 使用了 XState 的 after 延时，恢复后会丢失，请改用 deadlines`, path);
  }
}

export function defineWorkflow<TMachine extends AnyStateMachine>(config: WorkflowConfig<TMachine>): WorkflowDefinition<TMachine> {
  const label = typeof config?.id === 'string' && config.id ? config.id : '(workflow)';
  if (typeof config?.id !== 'string' || !/^[a-z][a-zA-Z0-9-]*$/.test(config.id)) {
    throw invalid(label, 'id must be a kebab- or camel-case name', 'id 必须是字母开头的名称', 'id');
  }
  if (!Number.isInteger(config.version) || config.version < 1) {
    throw invalid(label, 'version must be a positive integer', 'version 必须是正整数', 'version');
  }
  const machine = config.machine as AnyStateMachine | undefined;
  if (!machine || typeof machine.resolveState !== 'function' || !machine.root) {
    throw invalid(label, 'machine must be an XState v5 machine (createMachine / setup().createMachine)', 'machine 必须是 XState v5 状态机', 'machine');
  }
  checkRoles(label, config.start?.roles, 'start.roles');
  if (typeof config.events !== 'object' || config.events === null) {
    throw invalid(label, 'events must map event types to { roles, form? }', 'events 必须把事件类型映射到 { roles, form? }', 'events');
  }

  const nodes = stateNodesByPath(machine);
  checkPersistable(label, machine.root);
  const eventsByPath = new Map<string, readonly string[]>();
  const handled = new Set<string>(ownEventTypes(machine.root));
  for (const [path, node] of nodes) {
    checkPersistable(label, node);
    const own = ownEventTypes(node);
    eventsByPath.set(path, own);
    for (const type of own) handled.add(type);
  }

  const eventTypes = Object.keys(config.events);
  // No prototype: an event type such as `toString` or `__proto__` must not find Object's members.
  const events: Record<string, { roles: readonly string[]; form?: FormRef; label?: LocalText }> = Object.create(null);
  for (const type of eventTypes) {
    const spec = config.events[type]!;
    checkRoles(label, spec?.roles, `events.${type}.roles`);
    if (!handled.has(type) && !handled.has('*')) {
      throw invalid(label, `event ${type} is declared but no state handles it`, `声明了事件 ${type}，但没有任何状态处理它`, `events.${type}`);
    }
    const form = normalizeForm(spec.form);
    events[type] = { roles: [...spec.roles], ...(form ? { form } : {}), ...(spec.label ? { label: spec.label } : {}) };
  }
  for (const type of handled) {
    if (type !== '*' && !(type in events)) {
      throw invalid(label, `the machine handles event ${type} but events does not say who may send it`, `状态机处理事件 ${type}，但 events 未声明谁可以发送`, `events.${type}`);
    }
  }

  const deadlines = new Map<string, readonly DeadlineSpec[]>();
  for (const [path, raw] of Object.entries(config.deadlines ?? {})) {
    if (!nodes.has(path)) {
      throw invalid(label, `deadline for unknown state ${path}`, `期限所属状态 ${path} 不存在`, `deadlines.${path}`);
    }
    const list = ((Array.isArray(raw) ? raw : [raw]) as DeadlineConfig[]).map((deadline, i): DeadlineSpec => {
      const where = `deadlines.${path}[${i}]`;
      const reason = validateDeadlineAfter(deadline?.after);
      if (reason) throw invalid(label, `${where}.after: ${reason}`, `${where}.after 无效：${reason}`, where);
      if ('action' in deadline && deadline.action !== undefined) return deadlineAction(label, config, nodes, path, where, deadline);
      const send = (deadline as { send: string }).send;
      const spec = events[send];
      if (!spec) throw invalid(label, `${where}.send: ${send} is not a declared event`, `${where}.send：${send} 不是已声明的事件`, where);
      const near = [...eventsByPath]
        .filter(([p]) => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`))
        .flatMap(([, types]) => types)
        .concat(ownEventTypes(machine.root));
      if (!near.includes(send) && !near.includes('*')) {
        throw invalid(label, `${where}: state ${path} never handles ${send}, so the deadline could never fire`, `${where}：状态 ${path} 不处理 ${send}，该期限永远无法生效`, where);
      }
      if (!spec.roles.includes(SYSTEM_ROLE)) {
        throw invalid(label, `${where}: event ${send} must list the 'system' role to be sent by a deadline`, `${where}：事件 ${send} 须包含 system 角色才能由期限触发`, where);
      }
      return { after: deadline.after, send, ...(deadline.label ? { label: deadline.label } : {}) };
    });
    deadlines.set(path, list);
  }

  return {
    id: config.id,
    version: config.version,
    machine: config.machine,
    title: config.title ?? { zh: config.id, en: config.id },
    start: { roles: [...config.start.roles], ...(config.start.form ? { form: normalizeForm(config.start.form)! } : {}) },
    events,
    eventTypes,
    deadlines,
    access: {
      regionScoped: config.access?.regionScoped ?? true,
      subjectRoles: [...(config.access?.subjectRoles ?? [])],
      separationOfDuties: config.access?.separationOfDuties ?? true,
    },
    eventsByPath,
    rootEvents: ownEventTypes(machine.root),
    refusals: checkedRefusals(label, config.refusals, eventTypes),
    tasks: defineTasks(label, config.tasks, new Set(nodes.keys()), events),
  };
}

function checkedRefusals(label: string, refusals: WorkflowConfig['refusals'], eventTypes: readonly string[]): Readonly<Record<string, RefusalRule>> {
  if (refusals === undefined) return {};
  if (typeof refusals !== 'object' || refusals === null) throw invalid(label, 'refusals must be an object of event type → function', 'refusals 必须是“事件类型 → 函数”的对象', 'refusals');
  for (const [type, rule] of Object.entries(refusals)) {
    if (!eventTypes.includes(type)) throw invalid(label, `refusals.${type}: not an event of this workflow`, `refusals.${type}：不是本流程的事件`, `refusals.${type}`);
    if (typeof rule !== 'function') throw invalid(label, `refusals.${type} must be a function`, `refusals.${type} 必须是函数`, `refusals.${type}`);
  }
  return { ...refusals };
}

/** A deadline that acts on the task: an escalation needs supervisors, a return a declared target. */
function deadlineAction(
  label: string,
  config: WorkflowConfig,
  nodes: ReadonlyMap<string, unknown>,
  path: string,
  where: string,
  deadline: Extract<DeadlineConfig, { action: DeadlineAction }>,
): DeadlineSpec {
  const action = deadline.action;
  if (action.kind !== 'remind' && action.kind !== 'escalate' && action.kind !== 'return') {
    throw invalid(label, `${where}.action.kind must be remind, escalate or return`, `${where}.action.kind 须为 remind、escalate 或 return`, where);
  }
  if (action.kind === 'escalate' && Object.keys(config.tasks?.supervisors ?? {}).length === 0) {
    throw invalid(label, `${where}: an escalation needs tasks.supervisors to say who it goes to`, `${where}：超期上报须在 tasks.supervisors 中声明上级`, where);
  }
  if (action.kind === 'return') {
    const targets = Object.entries(config.tasks?.returns ?? {}).filter(([from]) => from === path || path.startsWith(`${from}.`)).flatMap(([, to]) => to);
    if (!nodes.has(action.to) || !targets.includes(action.to)) {
      throw invalid(label, `${where}: ${path} may not be returned to ${action.to} (declare it in tasks.returns)`, `${where}：${path} 不能退回到 ${action.to}（须在 tasks.returns 中声明）`, where);
    }
  }
  return { after: deadline.after, send: DEADLINE_ACTION_TYPES[action.kind], action: action.kind === 'return' ? { kind: 'return', to: action.to } : { kind: action.kind }, label: deadline.label ?? ACTION_LABELS[action.kind] };
}
