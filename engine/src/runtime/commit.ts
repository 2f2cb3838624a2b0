/** Writing a change set, and turning a lost race on a repeated commandId into its first answer. */
import { isEngineError } from '../errors.js';
import type { ChangeSet } from '../store/store.js';
import type { SendResult } from '../types.js';
import type { EngineContext } from './context.js';

/** The stored result of `commandId`, if it was applied, for the actor who sent it (else undefined). */
export async function replayedResult(ctx: EngineContext, commandId: string, actorId?: string): Promise<SendResult | undefined> {
  const command = await ctx.store.getCommand(commandId);
  if (!command || (actorId !== undefined && command.actorId !== actorId)) return undefined;
  return { ...command.result, replayed: true };
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
      const first = await replayedResult(ctx, change.command.commandId, change.command.actorId);
      if (first) return first;
    }
    throw error;
  }
}
