/**
 * The two write commands callers use: open a case and send an event to it. Checks run in the order
 * the caller can act on: who you are (forbidden), what the case accepts now (not-allowed-in-state),
 * what you sent (invalid-data). Nothing is written unless every check passes.
 */
import { ruleRefused } from './ruleRefusal.js';
import { allocateCaseNumber } from './caseNumber.js';
import { EngineError } from '../errors.js';
import type { Actor, InstanceRecord, SendResult, WorkflowEvent } from '../types.js';
import type { Opinion } from '../tasks/work.js';
import { assertOpinion } from '../tasks/operations.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import { authorize, roleRefusal } from './access.js';
import { throwWorkRefusal, workRefusal } from '../tasks/taskAccess.js';
import { commitChange, replayedResult } from './commit.js';
import type { EngineContext } from './context.js';
import { checkEventData } from './eventData.js';
import { readChecked } from './recordIntegrity.js';
import { runDueTimersOf } from './timers.js';
import { buildStart, buildStep, machineEventOf, restoreSnapshot } from './transition.js';
import { assertActor, assertDivision, assertEvent, assertId, assertJson, assertOptionalId, assertOptionalString } from './validateInput.js';

export interface StartOptions {
  actor: Actor;
  region: string;
  subject: string;
  /** The subject's GB/T 2260 division (township or village code); officials with a data scope are matched against it. */
  division?: string;
  data?: Record<string, unknown>;
  instanceId?: string;
  commandId?: string;
  /** Versions in force at start (e.g. `{ params: 'beijing@2025-09-01' }`), kept for the life of the case. */
  pins?: Record<string, string>;
  /** Role to act under when the actor holds several that qualify. */
  role?: string;
}

export interface SendOptions {
  actor: Actor;
  commandId?: string;
  role?: string;
  /** 审批意见 with the decision: journaled with the signer's name, shown on the timeline and the approval sheet. */
  opinion?: Opinion;
}

export async function startInstance(ctx: EngineContext, workflowId: string, options: StartOptions): Promise<SendResult> {
  assertId(workflowId, 'workflowId');
  if (typeof options !== 'object' || options === null) {
    throw new EngineError('invalid-input', { en: 'start options are required', zh: '缺少 start 参数' }, { path: 'options' });
  }
  assertActor(options.actor);
  assertId(options.region, 'region');
  assertId(options.subject, 'subject');
  if (options.division !== undefined) assertDivision(options.division, 'division');
  assertOptionalId(options.instanceId, 'instanceId');
  assertOptionalId(options.commandId, 'commandId');
  assertOptionalString(options.role, 'role');
  const event: WorkflowEvent = { type: 'start', ...(options.data !== undefined ? { data: options.data } : {}) };
  assertEvent(event);
  if (options.pins !== undefined) assertJson(options.pins, '/pins');
  const pins = { ...(options.pins ?? {}) };

  const commandId = options.commandId ?? ctx.newId();
  const replay = await replayedResult(ctx, commandId, options.actor.id, { event });
  if (replay) return replay;

  const workflow = ctx.registry.get(workflowId);
  const scope = { region: options.region, subject: options.subject, ...(options.division !== undefined ? { division: options.division } : {}), pins };
  const role = authorize(workflow, options.actor, workflow.start.roles, scope, `${workflowId}.start`, options.role);
  const form = await checkEventData(ctx, workflow, 'start', workflow.start.form, options.data, scope, role);
  const instanceId = options.instanceId ?? ctx.newId();
  if (await ctx.store.getInstance(instanceId)) {
    throw new EngineError('already-exists', { en: `case ${instanceId} already exists`, zh: `案件 ${instanceId} 已存在` }, { instanceId });
  }
  const at = ctx.clock.now();
  const caseNumber = await allocateCaseNumber(ctx, { region: options.region, workflowId, at });
  const { change, result } = await buildStart(ctx, {
    workflow,
    kind: 'start',
    actor: { id: options.actor.id, role },
    event,
    ...(form ? { form } : {}),
    commandId,
    at,
    instanceId,
    region: options.region,
    subject: options.subject,
    ...(options.division !== undefined ? { division: options.division } : {}),
    pins,
    caseNumber,
  });
  return commitChange(ctx, change, result);
}

/**
 * The case and its pinned workflow version. `cached` serves writers from the engine's last known copy
 * (the commit's revision check catches staleness); readers always get the stored record. A writer
 * (`forWrite`) that reads the stored record first checks it against its journal head.
 */
export async function loadInstance(
  ctx: EngineContext,
  instanceId: string,
  { cached = false, forWrite = false } = {},
): Promise<{ record: InstanceRecord; workflow: WorkflowDefinition; fromCache: boolean }> {
  assertId(instanceId, 'instanceId');
  let record = cached ? ctx.cache.get(instanceId) : undefined;
  const fromCache = record !== undefined;
  if (!record) {
    record = forWrite ? await readChecked(ctx, instanceId) : await ctx.store.getInstance(instanceId);
    if (!record) throw new EngineError('not-found', { en: `case ${instanceId} does not exist`, zh: `案件 ${instanceId} 不存在` }, { instanceId });
    ctx.cache.set(record);
  }
  return { record, workflow: ctx.registry.get(record.workflowId, record.workflowVersion), fromCache };
}

/**
 * The stored answer when `commandId` was already applied to this very request, else undefined (a
 * reuse for anything else is a conflict). Looked up only when a command is refused or collides on
 * commit, so a first attempt costs no extra read.
 */
async function earlierAnswer(ctx: EngineContext, commandId: string | undefined, instanceId: string, event: WorkflowEvent, actorId: string): Promise<SendResult | undefined> {
  if (commandId === undefined) return undefined;
  return replayedResult(ctx, commandId, actorId, { event, instanceId });
}

export function notAllowed(record: InstanceRecord, type: string, reason: 'state' | 'guard'): EngineError {
  const allowed = record.acceptedEvents;
  return new EngineError(
    'not-allowed-in-state',
    reason === 'state'
      ? {
          en: `${type} is not accepted in state ${record.stateKey || record.status}; accepted: ${allowed.join(', ') || 'none'}`,
          zh: `当前状态 ${record.stateKey || record.status} 不接受 ${type}；可办理：${allowed.join('、') || '无'}`,
        }
      : {
          en: `${type} is accepted in state ${record.stateKey} but its conditions are not met`,
          zh: `状态 ${record.stateKey} 接受 ${type}，但其条件未满足`,
        },
    { state: record.state, stateKey: record.stateKey, eventType: type, allowed, reason },
  );
}

export async function sendEvent(ctx: EngineContext, instanceId: string, event: WorkflowEvent, options: SendOptions): Promise<SendResult> {
  assertEvent(event);
  if (typeof options !== 'object' || options === null) {
    throw new EngineError('invalid-input', { en: 'send options { actor } are required', zh: '缺少 send 参数 { actor }' }, { path: 'options' });
  }
  assertActor(options.actor);
  assertOptionalId(options.commandId, 'commandId');
  assertOptionalString(options.role, 'role');
  assertOpinion(options.opinion, 'opinion', false);
  const commandId = options.commandId ?? ctx.newId();
  try {
    try {
      return await sendFrom(ctx, instanceId, event, options, commandId, true);
    } catch (error) {
      // A refusal computed from the cached copy may be stale (another tab moved the case): only the
      // stored case may refuse. A commit conflict, by contrast, is the answer and is not retried.
      if (!(error instanceof StaleRefusal)) throw error;
      return await sendFrom(ctx, instanceId, event, options, commandId, false);
    }
  } catch (error) {
    const replay = await earlierAnswer(ctx, options.commandId, instanceId, event, options.actor.id);
    if (replay) return replay;
    throw error;
  }
}

/** A `not-allowed-in-state` decided on the cached copy, to be re-checked against the store. */
class StaleRefusal extends Error {}

async function sendFrom(
  ctx: EngineContext,
  instanceId: string,
  event: WorkflowEvent,
  options: SendOptions,
  commandId: string,
  cached: boolean,
): Promise<SendResult> {
  let loaded = await loadInstance(ctx, instanceId, { cached, forWrite: true });
  // Deadlines that passed come first: fire this case's overdue timers, then act on the case they left.
  if (loaded.record.nextDueAt !== null && loaded.record.nextDueAt <= ctx.clock.now()) {
    const fired = await runDueTimersOf(ctx, instanceId, ctx.clock.now());
    if (fired.fired.length > 0) loaded = await loadInstance(ctx, instanceId, { forWrite: true });
  }
  const { record, workflow, fromCache } = loaded;
  try {
    return await stepChecked(ctx, record, workflow, event, options, commandId);
  } catch (error) {
    if (fromCache && error instanceof EngineError && (error.code === 'not-allowed-in-state' || error.code === 'rule-refused')) throw new StaleRefusal();
    throw error;
  }
}

async function stepChecked(
  ctx: EngineContext,
  record: InstanceRecord,
  workflow: WorkflowDefinition,
  event: WorkflowEvent,
  options: SendOptions,
  commandId: string,
): Promise<SendResult> {
  const spec = workflow.events[event.type];
  if (!spec) {
    throw new EngineError(
      'invalid-input',
      { en: `${workflow.id} has no event ${event.type}; known: ${workflow.eventTypes.join(', ')}`, zh: `${workflow.id} 没有事件 ${event.type}；已知事件：${workflow.eventTypes.join('、')}` },
      { path: 'event.type', known: workflow.eventTypes },
    );
  }
  const role = authorize(workflow, options.actor, spec.roles, record, event.type, options.role);
  if (!record.acceptedEvents.includes(event.type)) throw notAllowed(record, event.type, 'state');
  // A held, delegated or countersigned task is not everyone's to decide (another qualifying role may be).
  const held = workRefusal(workflow, record, options.actor.id, role, event.type);
  if (held) {
    const other = options.role === undefined
      ? options.actor.roles.find((r) => r !== role && spec.roles.includes(r) && workRefusal(workflow, record, options.actor.id, r, event.type) === null && roleRefusal(workflow, options.actor, r, record) === null)
      : undefined;
    if (other === undefined) throwWorkRefusal(held, event.type);
    return stepChecked(ctx, record, workflow, event, { ...options, role: other }, commandId);
  }
  const form = await checkEventData(ctx, workflow, event.type, spec.form, event.data, record, role);

  const request = {
    workflow,
    kind: 'event' as const,
    actor: { id: options.actor.id, role },
    event,
    ...(form ? { form } : {}),
    commandId,
    at: ctx.clock.now(),
    ...(options.opinion ? { opinion: { ...options.opinion, ...(options.actor.name ? { signer: options.actor.name } : {}) } } : {}),
  };
  const snapshot = restoreSnapshot(workflow, record);
  if (!snapshot.can(machineEventOf(request))) throw ruleRefused(workflow, record, event) ?? notAllowed(record, event.type, 'guard');
  const { change, result } = await buildStep(ctx, request, record, snapshot);
  return commitChange(ctx, change, result);
}
