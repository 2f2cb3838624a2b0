/**
 * Events the engine sends itself: a deadline that passed, a message from another case. They are
 * checked like any other event (declared for the `system` role, accepted by the state, guards pass)
 * but need no actor authorisation and are journalled under a `system:*` actor id.
 */
import { EngineError, isEngineError } from '../errors.js';
import type { JournalKind, SendResult, WorkflowEvent } from '../types.js';
import { SYSTEM_ROLE } from '../workflow/defineWorkflow.js';
import { commitChange, replayedResult } from './commit.js';
import type { EngineContext } from './context.js';
import { loadInstance, notAllowed } from './commands.js';
import { checkEventData } from './eventData.js';
import { buildStep, machineEventOf, restoreSnapshot } from './transition.js';

export interface SystemEventRequest {
  instanceId: string;
  event: WorkflowEvent;
  kind: Extract<JournalKind, 'timer' | 'message'>;
  actorId: string;
  commandId: string;
  at: number;
  consumedTimerIds?: readonly string[];
}

export type SystemEventOutcome = { applied: true; result: SendResult } | { applied: false; error: EngineError };

/**
 * Runs a step the engine takes itself (a deadline, a message), retrying once when another writer moved
 * the case in between; an engine refusal is returned, not thrown, so the caller keeps or drops its row.
 */
export async function retriedOnce(step: () => Promise<SendResult>): Promise<SystemEventOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { applied: true, result: await step() };
    } catch (error) {
      if (!isEngineError(error)) throw error;
      if (error.code === 'conflict' && error.details.reason === 'stale-revision' && attempt === 0) continue;
      return { applied: false, error };
    }
  }
}

/** Applies a system event, retrying once when another writer moved the case in between. */
export function applySystemEvent(ctx: EngineContext, request: SystemEventRequest): Promise<SystemEventOutcome> {
  return retriedOnce(() => applyOnce(ctx, request));
}

function timerCancelled(instanceId: string, timerIds: readonly string[]): EngineError {
  return new EngineError(
    'not-allowed-in-state',
    { en: `deadline ${timerIds.join(', ')} of case ${instanceId} was cancelled when its state was left`, zh: `案件 ${instanceId} 的期限 ${timerIds.join('、')} 已随状态结束而取消` },
    { instanceId, timerIds, reason: 'timer-cancelled' },
  );
}

async function applyOnce(ctx: EngineContext, request: SystemEventRequest): Promise<SendResult> {
  const replay = await replayedResult(ctx, request.commandId);
  if (replay) return replay;
  // Always the stored case: a refusal here drops a timer or a message, so it must not rest on a stale copy.
  const { record, workflow } = await loadInstance(ctx, request.instanceId, { forWrite: true });
  // A timer read before its state was left (another worker fired an earlier deadline of the case in
  // between) is no longer pending on the stored case: it is cancelled, not fired.
  const cancelled = (request.consumedTimerIds ?? []).filter((id) => !record.timers.some((t) => t.id === id));
  if (cancelled.length > 0) throw timerCancelled(record.id, cancelled);
  const spec = workflow.events[request.event.type];
  if (!spec?.roles.includes(SYSTEM_ROLE) || !record.acceptedEvents.includes(request.event.type)) {
    throw notAllowed(record, request.event.type, 'state');
  }
  const form = await checkEventData(ctx, workflow, request.event.type, spec.form, request.event.data, record, SYSTEM_ROLE);
  const transition = {
    workflow,
    kind: request.kind,
    actor: { id: request.actorId, role: SYSTEM_ROLE },
    event: request.event,
    ...(form ? { form } : {}),
    commandId: request.commandId,
    at: request.at,
    ...(request.consumedTimerIds ? { consumedTimerIds: request.consumedTimerIds } : {}),
  };
  const snapshot = restoreSnapshot(workflow, record);
  if (!snapshot.can(machineEventOf(transition))) throw notAllowed(record, request.event.type, 'guard');
  const { change, result } = await buildStep(ctx, transition, record, snapshot);
  return commitChange(ctx, change, result);
}
