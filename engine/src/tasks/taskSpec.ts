/**
 * What a workflow declares about the task operations on its cases: who supervises a task (assigns it,
 * forms a panel), which earlier states a state may be returned to, and which states may be decided by
 * a countersign and how. Checked once at definition time, like the rest of a workflow.
 */
import { EngineError } from '../errors.js';
import type { FormRef } from '../types.js';
import type { CountersignRule, Signer, VoteDecision } from './work.js';

/** The votes a countersign ended with, for the workflow to turn into its decision event's data. */
export interface CountersignTally {
  passed: boolean;
  signers: readonly Signer[];
  /** The votes on the side that decided (the agreeing ones when passed). */
  deciding: readonly Signer[];
}

export interface CountersignSpec {
  /** Role the signers act under; each signer must hold it within the case's scope. */
  role: string;
  rule: CountersignRule;
  /** Event sent through the machine when the rule is met, and its data from the votes. */
  pass: { event: string; data?: (tally: CountersignTally, context: any) => Record<string, unknown> };
  /** Event sent when the rule can no longer be met. */
  fail: { event: string; data?: (tally: CountersignTally, context: any) => Record<string, unknown> };
  /** Each vote's own form (e.g. the expert's score sheet), and how its data decides the vote. */
  vote?: { form: FormRef | string; decide: (data: Record<string, unknown>, context: any) => VoteDecision };
  label?: { zh: string; en: string };
}

/** What an assignment rule sees of a case entering its state: pure facts, so that a replay assigns the same person. */
export interface AssignInput {
  region: string;
  subject: string;
  division?: string;
  context: any;
  /** The data of the step entering the state (a start's form data, the event's), as journaled. */
  data: Record<string, unknown>;
  /** When the state is entered (a season's rotation depends on it). */
  at: number;
}

/**
 * 自动分配: the person a case's task goes to on entering a state (a named officer, the officer of the
 * case's grid, this season's inspection group), under the role they act as; nothing leaves it to the role.
 */
export type AssignRule = (input: AssignInput) => { id: string; name?: string; role: string } | undefined;

export interface TaskConfig {
  /**
   * Per role: the roles that supervise its tasks (assign them to a person, form and change a panel).
   * E.g. `{ supervision: ['district'] }`: the district bureau assigns the station's reviews.
   */
  supervisors?: Record<string, readonly string[]>;
  /** Per state path: the earlier states its task may be returned to (退回), among those the case passed through. */
  returns?: Record<string, readonly string[]>;
  /** Per state path: how a panel decides it (会签 / 或签). */
  countersigns?: Record<string, CountersignSpec>;
  /** Per state path: who its task is assigned to when a case enters it. */
  assign?: Record<string, AssignRule>;
}

/** A countersign declaration as checked: its rule normalised and its vote form a FormRef. */
export interface CountersignDefinition extends Omit<CountersignSpec, 'vote'> {
  vote?: { form: FormRef; decide: NonNullable<CountersignSpec['vote']>['decide'] };
}

export interface TaskDefinition {
  readonly supervisors: Readonly<Record<string, readonly string[]>>;
  readonly returns: ReadonlyMap<string, readonly string[]>;
  readonly countersigns: ReadonlyMap<string, CountersignDefinition>;
  readonly assign: ReadonlyMap<string, AssignRule>;
}

function invalid(workflow: string, en: string, zh: string, path: string): EngineError {
  return new EngineError('invalid-definition', { en: `${workflow}: ${en}`, zh: `${workflow}：${zh}` }, { workflow, path });
}

function checkRule(label: string, rule: unknown, where: string): CountersignRule {
  const r = rule as CountersignRule | undefined;
  if (r?.kind === 'all' || r?.kind === 'any') return { kind: r.kind };
  if (r?.kind === 'ratio' && Number.isInteger(r.agree) && Number.isInteger(r.of) && r.agree >= 1 && r.of >= r.agree) {
    return { kind: 'ratio', agree: r.agree, of: r.of };
  }
  throw invalid(label, `${where}.rule must be { kind: 'all' }, { kind: 'any' } or { kind: 'ratio', agree, of } with 1 ≤ agree ≤ of`, `${where}.rule 须为 all、any 或 ratio（1 ≤ agree ≤ of）`, `${where}.rule`);
}

/**
 * Checks the task declarations against the machine's states and the workflow's events.
 * `states` are the machine's state paths; `events` the declared event types with their roles.
 */
export function defineTasks(
  label: string,
  config: TaskConfig | undefined,
  states: ReadonlySet<string>,
  events: Readonly<Record<string, { roles: readonly string[] }>>,
): TaskDefinition {
  const supervisors: Record<string, readonly string[]> = {};
  for (const [role, roles] of Object.entries(config?.supervisors ?? {})) {
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => typeof r !== 'string' || r === '')) {
      throw invalid(label, `tasks.supervisors.${role} must be a non-empty list of roles`, `tasks.supervisors.${role} 须为非空角色列表`, `tasks.supervisors.${role}`);
    }
    supervisors[role] = [...roles];
  }
  const returns = new Map<string, readonly string[]>();
  for (const [from, targets] of Object.entries(config?.returns ?? {})) {
    const where = `tasks.returns.${from}`;
    if (!states.has(from)) throw invalid(label, `${where}: no state ${from}`, `${where}：没有状态 ${from}`, where);
    if (!Array.isArray(targets) || targets.length === 0) throw invalid(label, `${where} must list the states it may return to`, `${where} 须列出可退回的环节`, where);
    for (const target of targets) {
      if (!states.has(target)) throw invalid(label, `${where}: no state ${target} to return to`, `${where}：没有可退回的状态 ${target}`, where);
      if (target === from) throw invalid(label, `${where}: a state cannot be returned to itself`, `${where}：不能退回到本环节`, where);
    }
    returns.set(from, [...targets]);
  }
  const countersigns = new Map<string, CountersignDefinition>();
  for (const [path, spec] of Object.entries(config?.countersigns ?? {})) {
    const where = `tasks.countersigns.${path}`;
    if (!states.has(path)) throw invalid(label, `${where}: no state ${path}`, `${where}：没有状态 ${path}`, where);
    if (typeof spec?.role !== 'string' || spec.role === '') throw invalid(label, `${where}.role must name the signers' role`, `${where}.role 须为会签人角色`, `${where}.role`);
    const rule = checkRule(label, spec.rule, where);
    for (const side of ['pass', 'fail'] as const) {
      const type = spec[side]?.event;
      if (typeof type !== 'string' || !(type in events)) {
        throw invalid(label, `${where}.${side}.event must be a declared event`, `${where}.${side}.event 须为已声明的事件`, `${where}.${side}`);
      }
      if (!events[type]!.roles.includes(spec.role)) {
        throw invalid(label, `${where}.${side}: event ${type} may not be sent by ${spec.role}, so its signers could not decide it`, `${where}.${side}：${spec.role} 无权办理事件 ${type}，会签人无法据此决定`, `${where}.${side}`);
      }
      if (spec[side].data !== undefined && typeof spec[side].data !== 'function') {
        throw invalid(label, `${where}.${side}.data must be a function of the tally`, `${where}.${side}.data 须为函数`, `${where}.${side}.data`);
      }
    }
    let vote: CountersignDefinition['vote'];
    if (spec.vote !== undefined) {
      if (typeof spec.vote.decide !== 'function' || spec.vote.form === undefined) {
        throw invalid(label, `${where}.vote needs a form and a decide function`, `${where}.vote 须有表单和判定函数`, `${where}.vote`);
      }
      vote = { form: typeof spec.vote.form === 'string' ? { id: spec.vote.form } : { ...spec.vote.form }, decide: spec.vote.decide };
    }
    const { vote: _raw, ...rest } = spec;
    countersigns.set(path, { ...rest, rule, ...(vote ? { vote } : {}) });
  }
  const assign = new Map<string, AssignRule>();
  for (const [path, rule] of Object.entries(config?.assign ?? {})) {
    const where = `tasks.assign.${path}`;
    if (!states.has(path)) throw invalid(label, `${where}: no state ${path}`, `${where}：没有状态 ${path}`, where);
    if (typeof rule !== 'function') throw invalid(label, `${where} must be a function of the case`, `${where} 须为函数`, where);
    assign.set(path, rule);
  }
  return { supervisors, returns, countersigns, assign };
}
