/**
 * Deadlines that act on the task rather than send an event (催办 remind, 超期上报 escalate, 自动退回
 * return): planned like a person's operation, under the engine's own name, and journaled as the
 * deadline that fired (kind `timer`), so that the replay rebuilds them as it rebuilds every step.
 */
import { EngineError } from '../errors.js';
import type { SendResult, TimerRecord } from '../types.js';
import { SYSTEM_ROLE, type DeadlineSpec } from '../workflow/defineWorkflow.js';
import { commitChange, replayedResult } from './commit.js';
import { loadInstance } from './commands.js';
import type { EngineContext } from './context.js';
import { buildOperation } from './transition.js';
import { passedStates, planOperation, taskRecord } from '../tasks/planOperation.js';
import type { TaskOperation } from '../tasks/operations.js';

/** How the journal names the engine when a deadline acts. */
export const DEADLINE_ACTOR_NAME = '系统（期限届满）';

function operationOf(deadline: DeadlineSpec): TaskOperation {
  const action = deadline.action!;
  if (action.kind === 'remind') return { op: 'chase' };
  if (action.kind === 'escalate') return { op: 'escalate' };
  return { op: 'return', to: action.to, opinion: { text: deadline.label?.zh ?? '期限届满，自动退回' } };
}

/** The declaration behind a timer row: its state's deadlines, at the index its id ends with. */
function deadlineOf(ctx: EngineContext, workflowId: string, version: number, timer: TimerRecord): DeadlineSpec | undefined {
  const index = Number(timer.id.slice(timer.id.lastIndexOf(':') + 1));
  return ctx.registry.get(workflowId, version).deadlines.get(timer.statePath)?.[index];
}

export async function applyDeadlineAction(ctx: EngineContext, timer: TimerRecord): Promise<SendResult> {
  const commandId = `timer:${timer.id}`;
  const replay = await replayedResult(ctx, commandId);
  if (replay) return replay;
  const { record, workflow } = await loadInstance(ctx, timer.instanceId, { forWrite: true });
  if (!record.timers.some((t) => t.id === timer.id)) {
    throw new EngineError('not-allowed-in-state', { en: `deadline ${timer.id} was cancelled when its state was left`, zh: `期限 ${timer.id} 已随状态结束而取消` }, { reason: 'timer-cancelled' });
  }
  const deadline = deadlineOf(ctx, record.workflowId, record.workflowVersion, timer);
  if (!deadline?.action) {
    throw new EngineError('invalid-definition', { en: `no task deadline behind timer ${timer.id}`, zh: `期限 ${timer.id} 没有对应的任务期限声明` }, { timerId: timer.id });
  }
  const operation = operationOf(deadline);
  const actor = { id: `system:deadline:${timer.statePath}`, name: DEADLINE_ACTOR_NAME, role: SYSTEM_ROLE };
  const entries = operation.op === 'return' ? await ctx.store.getJournal(record.id) : [];
  const plan = planOperation({ workflow, record, op: operation, actor, at: timer.dueAt, people: [], passed: passedStates(entries) });
  const { op: _op, ...fields } = operation;
  const request = {
    workflow,
    kind: 'timer' as const,
    actor: { id: actor.id, role: SYSTEM_ROLE },
    event: { type: timer.event, ...(Object.keys(fields).length > 0 ? { data: fields as Record<string, unknown> } : {}) },
    commandId,
    at: timer.dueAt,
    consumedTimerIds: [timer.id],
    task: taskRecord(actor.name, [], plan.effects),
  };
  const { change, result } = await buildOperation(ctx, request, record, plan);
  return commitChange(ctx, change, result);
}
