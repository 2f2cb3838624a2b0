/**
 * Durable deadlines. Timers are rows with absolute due times, so they survive restarts: whatever fell
 * due while nothing ran fires on the next `runDueTimers`, earliest first, each exactly once (the
 * timer's id is the command id, so a second engine firing the same timer replays instead of repeating).
 */
import type { EngineError } from '../errors.js';
import type { TimerRecord } from '../types.js';
import type { EngineContext } from './context.js';
import { applySystemEvent } from './systemEvents.js';

export interface TimerRunReport {
  fired: Array<{ timerId: string; instanceId: string; event: string; dueAt: number }>;
  /** Timers whose event the case no longer accepted; they are removed. */
  dropped: Array<{ timerId: string; instanceId: string; reason: string }>;
}

export async function runDueTimers(ctx: EngineContext, now: number): Promise<TimerRunReport> {
  return fireDue(ctx, async (skipped) => (await ctx.store.dueTimers(now, skipped.size + 1)).find((t) => !skipped.has(t.id)));
}

/**
 * Fires the due timers of one case before a caller's event is applied to it: once a deadline has
 * passed, its consequence comes first (a returned application not resubmitted in time is waived,
 * seed 002 §三), even if no scheduler ran at the due time.
 */
export async function runDueTimersOf(ctx: EngineContext, instanceId: string, now: number): Promise<TimerRunReport> {
  return fireDue(ctx, async (skipped) => (await ctx.store.timersOf(instanceId)).find((t) => t.dueAt <= now && !skipped.has(t.id)));
}

async function fireDue(ctx: EngineContext, nextDue: (skipped: ReadonlySet<string>) => Promise<TimerRecord | undefined>): Promise<TimerRunReport> {
  const report: TimerRunReport = { fired: [], dropped: [] };
  const skipped = new Set<string>();
  // One timer per query: a fired timer may schedule a new one that is due before the rest.
  for (;;) {
    const timer = await nextDue(skipped);
    if (!timer) return report;
    const outcome = await applySystemEvent(ctx, {
      instanceId: timer.instanceId,
      event: { type: timer.event },
      kind: 'timer',
      actorId: `system:deadline:${timer.statePath}`,
      commandId: `timer:${timer.id}`,
      at: timer.dueAt,
      consumedTimerIds: [timer.id],
    });
    if (outcome.applied) {
      // A replayed command means another engine fired it (and reports it); its commit removed the row.
      if (outcome.result.replayed) await ctx.store.deleteTimers([timer.id]);
      else report.fired.push({ timerId: timer.id, instanceId: timer.instanceId, event: timer.event, dueAt: timer.dueAt });
    } else if (isRetryable(outcome.error)) {
      // Still contended after a retry, or this engine lacks the case's workflow version (an older
      // tab): leave the timer for the next run or for an engine that knows the version.
      skipped.add(timer.id);
    } else {
      await ctx.store.deleteTimers([timer.id]);
      report.dropped.push({ timerId: timer.id, instanceId: timer.instanceId, reason: outcome.error.message });
    }
  }
}

/** Errors that say "not now / not here" rather than "never": the timer or message must be kept. */
export function isRetryable(error: EngineError): boolean {
  return error.code === 'conflict' || error.code === 'unknown-workflow';
}

export interface Scheduler {
  stop(): void;
  /** Resolves when the current run (if any) has finished. */
  idle(): Promise<void>;
}

/**
 * Fires due timers now (catch-up after downtime) and then whenever the next one falls due, polling at
 * most every `pollMs` so a clock that jumps (a demo clock, a sleeping laptop) is noticed.
 */
export function startScheduler(
  ctx: EngineContext,
  afterRun: () => Promise<void>,
  onError: (error: unknown) => void,
  pollMs = 30_000,
): Scheduler {
  let stopped = false;
  let handle: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await runDueTimers(ctx, ctx.clock.now());
      await afterRun();
    } catch (error) {
      onError(error);
    }
    if (stopped) return;
    const next = await ctx.store.nextDueAt().catch(() => null);
    if (stopped) return; // stop() may land while the read was pending
    const wait = next === null ? pollMs : Math.max(0, Math.min(pollMs, next - ctx.clock.now()));
    handle = setTimeout(() => {
      running = tick();
    }, wait);
  };
  running = tick();
  return {
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimeout(handle);
    },
    idle: () => running,
  };
}
