/** Writing a change set, and turning a lost race on a repeated commandId into its first answer. */
import { EngineError, isEngineError } from '../errors.js';
import type { ChangeSet } from '../store/store.js';
import type { JournalEntry, SendResult, WorkflowEvent } from '../types.js';
import type { EngineContext } from './context.js';
import { stateKeyOf } from '../workflow/introspect.js';
import { canonicalJson } from '../journal/hash.js';

/** What a command asked for: a repeat must ask for the same thing to get the first answer. */
export interface CommandRequest {
  event: WorkflowEvent;
  /** The case a `send` names; a start names none (its case id is the engine's). */
  instanceId?: string;
}

/**
 * The result of `commandId` rebuilt from its journal entry, if it was applied, for the actor who sent
 * it. A commandId reused for another event, other data or another case is a `conflict`: answering it
 * with the first result would tell the caller that something it never did was done.
 */
export async function replayedResult(ctx: EngineContext, commandId: string, actorId?: string, request?: CommandRequest): Promise<SendResult | undefined> {
  const entry = await ctx.store.findByCommand(commandId);
  if (!entry || (actorId !== undefined && entry.actor.id !== actorId)) return undefined;
  if (request) assertSameCommand(entry, commandId, request);
  return {
    instanceId: entry.instanceId,
    revision: entry.revision,
    state: entry.stateAfter,
    stateKey: stateKeyOf(entry.stateAfter),
    status: entry.status,
    seq: entry.seq,
    commandId: entry.commandId,
    replayed: true,
  };
}

function assertSameCommand(entry: JournalEntry, commandId: string, request: CommandRequest): void {
  const differs: string[] = [];
  if (request.instanceId !== undefined && request.instanceId !== entry.instanceId) differs.push('case');
  if (request.event.type !== entry.event.type) differs.push('event');
  else if (canonicalJson(request.event.data ?? {}) !== canonicalJson(entry.event.data ?? {})) differs.push('data');
  if (differs.length === 0) return;
  const zh: Record<string, string> = { case: '案件', event: '事件', data: '数据' };
  throw new EngineError(
    'conflict',
    {
      en: `commandId ${commandId} was already used for another ${differs.join(' and ')} (case ${entry.instanceId}, ${entry.event.type}); use a new commandId for a new command`,
      zh: `指令号 ${commandId} 已用于不同的${differs.map((d) => zh[d]).join('和')}（案件 ${entry.instanceId}，${entry.event.type}）；新的操作须使用新的指令号`,
    },
    { reason: 'command-reused', commandId, instanceId: entry.instanceId, differs },
  );
}

export async function commitChange(ctx: EngineContext, change: ChangeSet, result: SendResult): Promise<SendResult> {
  try {
    await ctx.store.commit(change);
    ctx.cache.set(change.instance);
    ctx.afterCommit?.(change);
    return result;
  } catch (error) {
    if (isEngineError(error, 'conflict') && error.details.reason === 'stale-revision') ctx.cache.delete(change.instance.id);
    if (isEngineError(error, 'conflict') && error.details.reason === 'duplicate-command') {
      const { journal } = change;
      const first = await replayedResult(ctx, journal.commandId, journal.actor.id, {
        event: journal.event,
        ...(journal.kind === 'start' ? {} : { instanceId: journal.instanceId }),
      });
      if (first) return first;
    }
    throw error;
  }
}
