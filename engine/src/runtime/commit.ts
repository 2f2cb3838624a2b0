/** Writing a change set, and turning a lost race on a repeated commandId into its first answer. */
import { isEngineError } from '../errors.js';
import type { ChangeSet } from '../store/store.js';
import type { SendResult } from '../types.js';
import type { EngineContext } from './context.js';
import { stateKeyOf } from '../workflow/introspect.js';

/** The result of `commandId` rebuilt from its journal entry, if it was applied, for the actor who sent it. */
export async function replayedResult(ctx: EngineContext, commandId: string, actorId?: string): Promise<SendResult | undefined> {
  const entry = await ctx.store.findByCommand(commandId);
  if (!entry || (actorId !== undefined && entry.actor.id !== actorId)) return undefined;
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

export async function commitChange(ctx: EngineContext, change: ChangeSet, result: SendResult): Promise<SendResult> {
  try {
    await ctx.store.commit(change);
    ctx.cache.set(change.instance);
    ctx.afterCommit?.(change);
    return result;
  } catch (error) {
    if (isEngineError(error, 'conflict') && error.details.reason === 'stale-revision') ctx.cache.delete(change.instance.id);
    if (isEngineError(error, 'conflict') && error.details.reason === 'duplicate-command') {
      const first = await replayedResult(ctx, change.journal.commandId, change.journal.actor.id);
      if (first) return first;
    }
    throw error;
  }
}
