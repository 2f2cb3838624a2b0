/**
 * Delivering cross-case messages written to the outbox. Delivery is at least once; applying is
 * idempotent because each (message, target) pair is one command id, so a redelivery after a crash
 * replays the first result instead of sending the event twice.
 */
import type { OutboxMessage } from '../types.js';
import type { EngineContext } from './context.js';
import { applySystemEvent } from './systemEvents.js';

const MAX_ATTEMPTS = 5;
/** How long a claimed message stays with this engine before another may take it (a crashed worker). */
export const OUTBOX_LEASE_MS = 30_000;

export interface OutboxReport {
  delivered: string[];
  undeliverable: string[];
  retrying: string[];
}

async function targetsOf(ctx: EngineContext, message: OutboxMessage): Promise<string[]> {
  if ('instanceId' in message.to) return [message.to.instanceId];
  const { workflowId, subject, region } = message.to;
  const found = await ctx.store.findInstances({ workflowId, subject, status: 'active', ...(region ? { region } : {}) });
  return found.map((r) => r.id);
}

export async function deliverOutbox(ctx: EngineContext, limit = 100): Promise<OutboxReport> {
  const report: OutboxReport = { delivered: [], undeliverable: [], retrying: [] };
  // A shared store hands each message to one worker; `updateOutbox` below ends the claim.
  const pending = ctx.store.claims ? await ctx.store.claims.claimPendingOutbox(limit, OUTBOX_LEASE_MS) : await ctx.store.pendingOutbox(limit);
  for (const message of pending) {
    const targets = await targetsOf(ctx, message);
    const outcomes: OutboxMessage['outcomes'] = [];
    let retry = false;
    let leaveForLater = false;
    for (const instanceId of targets) {
      const outcome = await applySystemEvent(ctx, {
        instanceId,
        event: message.event,
        kind: 'message',
        actorId: `system:message:${message.sourceInstanceId}`,
        commandId: `message:${message.id}:${instanceId}`,
        at: ctx.clock.now(),
      });
      if (outcome.applied) outcomes.push({ instanceId, result: 'applied' });
      // A case of an unknown version, or one whose record no longer matches its journal, is left as is.
      else if (outcome.error.code === 'unknown-workflow' || outcome.error.code === 'integrity') leaveForLater = true;
      else if (outcome.error.code === 'conflict') retry = true;
      else outcomes.push({ instanceId, result: 'refused', code: outcome.error.code });
    }
    // An engine without the target's workflow version (an older tab) leaves the message untouched
    // for one that has it, without using up its attempts; so does a target awaiting an administrator.
    if (leaveForLater) {
      report.retrying.push(message.id);
      continue;
    }
    const attempts = message.attempts + 1;
    let status: OutboxMessage['status'] = 'delivered';
    let lastError: string | undefined;
    if (targets.length === 0) {
      status = 'undeliverable';
      lastError = 'no active case matches the target';
    } else if (retry) {
      status = attempts >= MAX_ATTEMPTS ? 'undeliverable' : 'pending';
      lastError = 'the target case kept changing while the message was applied';
    }
    await ctx.store.updateOutbox({ ...message, attempts, outcomes, status, ...(lastError ? { lastError } : {}) });
    (status === 'delivered' ? report.delivered : status === 'pending' ? report.retrying : report.undeliverable).push(message.id);
  }
  return report;
}
