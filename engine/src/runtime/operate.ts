/**
 * `engine.operate`: a task operation (claim, transfer, delegate, return, withdraw, countersign, copy,
 * chase …) sent by a person. Who may do it is decided here from the actor and the people directory;
 * what it does is planOperation's; it is journaled (kind `task`) in one commit like any step.
 */
import { EngineError } from '../errors.js';
import type { Actor, InstanceRecord, JournalEntry, SendResult } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import { mayView, participantRoles } from './access.js';
import { commitChange, replayedResult } from './commit.js';
import { loadInstance } from './commands.js';
import type { EngineContext } from './context.js';
import { checkEventData } from './eventData.js';
import { rebuildUpTo } from './replayCase.js';
import { runDueTimersOf } from './timers.js';
import { buildOperation } from './transition.js';
import { assertActor, assertOptionalId, assertOptionalString } from './validateInput.js';
import { assertOperation, TASK_OPERATION_LABELS, taskEventType, type TaskOperation } from '../tasks/operations.js';
import { countersignState, passedStates, planOperation, taskRecord, type PlanInput } from '../tasks/planOperation.js';
import { officialRolesFor, qualifies, supervisedRoles, workRefusal } from '../tasks/taskAccess.js';
import { nameOf, type Person } from '../tasks/work.js';
import type { PeopleDirectory } from '../tasks/directory.js';
import { sha256Hex } from '../journal/hash.js';

export interface OperateOptions {
  actor: Actor;
  commandId?: string;
  /** Role to act under when the actor holds several that qualify. */
  role?: string;
}

function forbidden(op: TaskOperation['op'], en: string, zh: string, reason: string): never {
  const label = TASK_OPERATION_LABELS[op];
  throw new EngineError('forbidden', { en: `${label.en}: ${en}`, zh: `${label.zh}：${zh}` }, { action: taskEventType(op), reason });
}

const personOf = (actor: Actor, role?: string): Person & { role?: string } => ({
  id: actor.id,
  ...(actor.name !== undefined ? { name: actor.name } : {}),
  ...(role !== undefined ? { role } : {}),
});

function requireDirectory(directory: PeopleDirectory | undefined, op: TaskOperation['op']): PeopleDirectory {
  if (directory) return directory;
  throw new EngineError('invalid-input', { en: `${TASK_OPERATION_LABELS[op].en} names a person, but this engine has no people directory`, zh: `${TASK_OPERATION_LABELS[op].zh}需指定人员，但系统未配置人员目录` }, { path: 'operation' });
}

async function lookUp(directory: PeopleDirectory | undefined, op: TaskOperation['op'], id: string): Promise<Actor> {
  const person = await requireDirectory(directory, op).person(id);
  if (!person) throw new EngineError('not-found', { en: `no person ${id} in the directory`, zh: '人员目录中没有此人' }, { path: 'operation', person: id });
  return person;
}

/** Draws `count` signers from the eligible, in an order fixed by the command (a retry draws the same panel). */
async function drawPanel(eligible: readonly Actor[], count: number, seed: string): Promise<Actor[]> {
  const keyed = await Promise.all(eligible.map(async (p) => ({ p, key: await sha256Hex(`${seed}|${p.id}`) })));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, count).map((k) => k.p);
}

interface Decided {
  role: string;
  people: Array<Person & { role?: string }>;
}

/** The role `actor` performs the operation under and the people it names, or a refusal saying why not. */
async function authorizeOperation(
  ctx: EngineContext,
  workflow: WorkflowDefinition,
  record: InstanceRecord,
  operation: TaskOperation,
  actor: Actor,
  commandId: string,
  preferredRole: string | undefined,
  withdrawn: PlanInput['withdrawn'],
): Promise<Decided> {
  const op = operation.op;
  const work = record.work;
  const pick = (roles: readonly string[]) => roles.find((r) => preferredRole === undefined || r === preferredRole);
  const acting = pick(officialRolesFor(workflow, actor, record));
  const viewerRole = () => {
    const roles = participantRoles(workflow);
    const role = pick(actor.roles.filter((r) => roles.has(r)));
    if (role === undefined || !mayView(workflow, actor, record)) forbidden(op, `${nameOf(actor)} may not see this case`, `${nameOf(actor)} 无权查看本案件`, 'scope');
    return role;
  };
  /** The holder, or (while nobody holds it) whoever may act on it. */
  const handlerRole = () => {
    if (work?.holder) {
      if (work.holder.id === actor.id) return work.holder.role;
      forbidden(op, `the task is held by ${nameOf(work.holder)}`, `该任务已由 ${nameOf(work.holder)} 认领办理`, 'held');
    }
    if (acting === undefined) forbidden(op, `${nameOf(actor)} may not act on this task`, `${nameOf(actor)} 无权办理此任务`, 'role');
    return acting;
  };
  const panelSpec = () => {
    const path = work?.countersign?.statePath ?? countersignState(workflow, record);
    return path === undefined ? undefined : workflow.tasks.countersigns.get(path);
  };
  /** Forms and changes panels: a supervisor of the signers' role, or (none declared) whoever holds that role here. */
  const managerRole = (signerRole: string) => {
    const supervisors = workflow.tasks.supervisors[signerRole];
    const role = supervisors
      ? pick(actor.roles.filter((r) => supervisors.includes(r) && qualifies(workflow, { ...actor, roles: [r] }, r, record)))
      : qualifies(workflow, actor, signerRole, record) ? signerRole : undefined;
    if (role === undefined) forbidden(op, `only ${(supervisors ?? [signerRole]).join(', ')} may form or change this panel`, '无权组织或调整本次会签', 'role');
    return role;
  };
  const signerOf = async (id: string, role: string) => {
    const person = await lookUp(ctx.directory, op, id);
    if (!qualifies(workflow, person, role, record)) forbidden(op, `${nameOf(person)} may not sign for this case as ${role}`, `${nameOf(person)} 不具备本案件会签资格`, 'signer-scope');
    return personOf(person);
  };

  switch (op) {
    case 'claim':
      if (acting === undefined) forbidden(op, `${nameOf(actor)} has no role that acts on this task now`, `${nameOf(actor)} 没有可办理此任务的角色`, 'role');
      return { role: acting, people: [] };
    case 'release':
      return { role: work?.holder?.role ?? viewerRole(), people: [] };
    case 'assign': {
      const supervised = supervisedRoles(workflow, actor, record).filter((r) => record.acceptedEvents.some((t) => workflow.events[t]?.roles.includes(r)));
      if (supervised.length === 0) forbidden(op, `${nameOf(actor)} supervises no role that acts on this task`, `${nameOf(actor)} 不是此任务办理角色的上级`, 'not-supervisor');
      const to = await lookUp(ctx.directory, op, operation.to);
      const role = supervised.find((r) => qualifies(workflow, to, r, record));
      if (role === undefined) forbidden(op, `${nameOf(to)} may not act on this task`, `${nameOf(to)} 无权办理此任务`, 'target-scope');
      const own = actor.roles.find((r) => (workflow.tasks.supervisors[role] ?? []).includes(r))!;
      return { role: own, people: [personOf(to, role)] };
    }
    case 'transfer':
    case 'delegate': {
      const role = handlerRole();
      const to = await lookUp(ctx.directory, op, operation.to);
      if (to.id === actor.id) forbidden(op, 'not to oneself', '不能转给自己', 'self');
      if (op === 'transfer' && !qualifies(workflow, to, role, record)) forbidden(op, `${nameOf(to)} may not act on this task`, `${nameOf(to)} 无权办理此任务`, 'target-scope');
      if (op === 'delegate' && !mayView(workflow, to, record)) forbidden(op, `${nameOf(to)} may not see this case`, `${nameOf(to)} 无权查看本案件`, 'target-scope');
      return { role, people: [personOf(to, op === 'transfer' ? role : undefined)] };
    }
    case 'resolve':
      return { role: viewerRole(), people: [] };
    case 'return': {
      const signer = work?.countersign?.signers.some((s) => s.id === actor.id && !s.vote);
      if (signer) return { role: panelSpec()!.role, people: [] };
      if (work?.countersign) return { role: managerRole(panelSpec()!.role), people: [] };
      return { role: handlerRole(), people: [] };
    }
    case 'withdraw': {
      // Taken back under the role it was taken under, which the person must still hold within scope
      // (whether it is theirs and the last step at all, planOperation says).
      const role = withdrawn?.entry.actor.role;
      if (withdrawn && withdrawn.entry.actor.id === actor.id && (role === undefined || !qualifies(workflow, actor, role, record))) {
        forbidden(op, `${nameOf(actor)} no longer acts as ${role} on this case`, `${nameOf(actor)} 已不再具有办理该步骤时的角色`, 'role');
      }
      return { role: role ?? actor.roles[0]!, people: [] };
    }
    case 'countersign': {
      const spec = panelSpec();
      if (!spec) return { role: viewerRole(), people: [] }; // planOperation says why not
      const role = managerRole(spec.role);
      if (operation.signers) return { role, people: await Promise.all(operation.signers.map((id) => signerOf(id, spec.role))) };
      const eligible = (await requireDirectory(ctx.directory, op).people({ role: spec.role, region: record.region })).filter((p) => p.id !== actor.id && qualifies(workflow, p, spec.role, record));
      if (eligible.length < operation.draw!) {
        throw new EngineError('invalid-input', { en: `only ${eligible.length} people may sign for this case as ${spec.role}; ${operation.draw} were asked for`, zh: `具备会签资格的人员只有 ${eligible.length} 名，要求抽取 ${operation.draw} 名` }, { path: 'operation.draw', eligible: eligible.length, requested: operation.draw });
      }
      return { role, people: (await drawPanel(eligible, operation.draw!, commandId)).map((p) => personOf(p)) };
    }
    case 'vote': {
      const spec = panelSpec();
      if (!spec || !qualifies(workflow, actor, spec.role, record)) return { role: spec?.role ?? viewerRole(), people: [] }; // planOperation names the reason
      return { role: spec.role, people: [] };
    }
    case 'add-signer':
    case 'remove-signer': {
      const spec = panelSpec();
      if (!spec || !work?.countersign) return { role: viewerRole(), people: [] };
      const role = managerRole(spec.role);
      return { role, people: op === 'add-signer' ? [await signerOf(operation.person, spec.role)] : [] };
    }
    case 'copy': {
      const role = viewerRole();
      const people = [];
      for (const id of operation.to) {
        const to = await lookUp(ctx.directory, op, id);
        if (to.id === actor.id) continue;
        if (!mayView(workflow, to, record)) forbidden(op, `${nameOf(to)} may not see this case`, `${nameOf(to)} 无权查看本案件`, 'target-scope');
        people.push(personOf(to));
      }
      if (people.length === 0) forbidden(op, 'nobody to copy to', '没有抄送对象', 'no-one');
      return { role, people };
    }
    case 'read':
    case 'chase':
      return { role: viewerRole(), people: [] };
    case 'escalate':
      forbidden(op, 'only a deadline escalates a task', '只有期限届满时由系统上报', 'system-only');
  }
}

/** The previous step and the case as it was before it, for a withdrawal (rebuilt from the journal). */
async function withdrawnStep(ctx: EngineContext, record: InstanceRecord, entries: readonly JournalEntry[]): Promise<PlanInput['withdrawn']> {
  const entry = entries[entries.length - 1];
  if (!entry || entry.kind !== 'event' || entries.length < 2) return undefined;
  const rebuilt = await rebuildUpTo(ctx, record, entries, entry.seq);
  return { entry, before: rebuilt.before, sentMessages: rebuilt.sentMessages };
}

export async function operate(
  ctx: EngineContext,
  instanceId: string,
  operation: TaskOperation,
  options: OperateOptions,
): Promise<SendResult> {
  assertOperation(operation);
  if (typeof options !== 'object' || options === null) {
    throw new EngineError('invalid-input', { en: 'operate options { actor } are required', zh: '缺少 operate 参数 { actor }' }, { path: 'options' });
  }
  assertActor(options.actor);
  assertOptionalId(options.commandId, 'commandId');
  assertOptionalString(options.role, 'role');
  const { op, ...fields } = operation;
  const event = { type: taskEventType(op), ...(Object.keys(fields).length > 0 ? { data: fields as Record<string, unknown> } : {}) };
  const commandId = options.commandId ?? ctx.newId();
  const first = await replayedResult(ctx, commandId, options.actor.id, { event, instanceId });
  if (first) return first;

  let { record, workflow } = await loadInstance(ctx, instanceId, { forWrite: true });
  if (record.nextDueAt !== null && record.nextDueAt <= ctx.clock.now()) {
    const fired = await runDueTimersOf(ctx, instanceId, ctx.clock.now());
    if (fired.fired.length > 0) ({ record, workflow } = await loadInstance(ctx, instanceId, { forWrite: true }));
  }
  const actor = options.actor;
  const needsJournal = op === 'return' || op === 'withdraw';
  const entries = needsJournal ? await ctx.store.getJournal(instanceId) : [];
  const withdrawn = op === 'withdraw' ? await withdrawnStep(ctx, record, entries) : undefined;
  const decided = await authorizeOperation(ctx, workflow, record, operation, actor, commandId, options.role, withdrawn);
  const at = ctx.clock.now();
  const plan = planOperation({
    workflow,
    record,
    op: operation,
    actor: { ...personOf(actor), role: decided.role },
    at,
    people: decided.people,
    passed: passedStates(entries),
    ...(withdrawn ? { withdrawn } : {}),
  });
  // A vote's own data (the expert's score sheet) and a settled panel's decision both meet their forms.
  const running = record.work?.countersign;
  const spec = running ? workflow.tasks.countersigns.get(running.statePath) : undefined;
  if (op === 'vote' && spec?.vote && operation.data !== undefined) await checkEventData(ctx, workflow, spec.pass.event, spec.vote.form, operation.data, record, decided.role);
  let form;
  if (plan.move?.kind === 'event') {
    const type = plan.move.event.type;
    form = await checkEventData(ctx, workflow, type, workflow.events[type]?.form, plan.move.event.data, record, plan.move.role);
    const blocked = workRefusal(workflow, { ...record, work: plan.work }, actor.id, plan.move.role, type);
    if (blocked) throw new EngineError('forbidden', { en: blocked.en, zh: blocked.zh }, { reason: blocked.reason });
  }
  const opinion = 'opinion' in operation && operation.opinion ? { ...operation.opinion, ...(actor.name ? { signer: actor.name } : {}) } : undefined;
  const request = {
    workflow,
    kind: 'task' as const,
    actor: { id: actor.id, role: decided.role },
    event,
    ...(form ? { form } : {}),
    commandId,
    at,
    ...(opinion ? { opinion } : {}),
    task: taskRecord(actor.name, decided.people, plan.effects),
  };
  const { change, result } = await buildOperation(ctx, request, record, plan);
  return commitChange(ctx, change, result);
}
