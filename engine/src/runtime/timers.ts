/**
 * Durable deadlines. Timers are rows with absolute due times, so they survive restarts: whatever fell
 * due while nothing ran fires on the next `runDueTimers`, earliest first, each exactly once (the
 * timer's id is the command id, so a second engine firing the same timer replays instead of repeating).
 * On a store shared by several processes the timers are claimed first, so each is worked on by one.
 */
import type { EngineError } from '../errors.js';
import type { WorkClaims } from '../store/store.js';
import type { TimerRecord } from '../types.js';
import type { EngineContext } from './context.js';
import { applySystemEvent, retriedOnce } from './systemEvents.js';
import { applyDeadlineAction } from './deadlineActions.js';
import { operationOfEventType } from '../tasks/operations.js';

export interface TimerRunReport {
  fired: Array<{ timerId: string; instanceId: string; event: string; dueAt: number }>;
  /** Timers whose event the case no longer accepted; they are removed. */
  dropped: Array<{ timerId: string; instanceId: string; reason: string }>;
}

/** How long a claimed timer stays with this engine before another may take it (a crashed worker). */
export const TIMER_LEASE_MS = 30_000;
const CLAIM_BATCH = 50;

export async function runDueTimers(ctx: EngineContext, now: number): Promise<TimerRunReport> {
  if (ctx.store.claims) return runClaimed(ctx, ctx.store.claims, now);
  const report = emptyReport();
  const skipped = new Set<string>();
  // One timer per query: a fired timer may schedule a new one that is due before the rest.
  for (;;) {
    const timer = (await ctx.store.dueTimers(now, skipped.size + 1)).find((t) => !skipped.has(t.id));
    if (!timer) return report;
    if ((await fire(ctx, timer, report)) === 'retry') skipped.add(timer.id);
  }
}

/**
 * Claims due timers in rounds; per round only each case's earliest timer fires and the rest go back,
 * so within a case deadlines keep their order (a fired one may cancel or precede the next) while
 * different cases proceed in one round. A timer that must wait (retryable) keeps its lease: it returns
 * after the lease, not in this run.
 */
async function runClaimed(ctx: EngineContext, claims: WorkClaims, now: number): Promise<TimerRunReport> {
  const report = emptyReport();
  for (;;) {
    const claimed = await claims.claimDueTimers(now, CLAIM_BATCH, TIMER_LEASE_MS);
    if (claimed.length === 0) return report;
    const firstOfCase = new Map<string, TimerRecord>();
    const later: TimerRecord[] = [];
    for (const timer of claimed) {
      if (firstOfCase.has(timer.instanceId)) later.push(timer);
      else firstOfCase.set(timer.instanceId, timer);
    }
    if (later.length > 0) await claims.releaseTimers(later);
    for (const timer of firstOfCase.values()) await fire(ctx, timer, report);
  }
}

/** Runs the due timers of one case before a caller's event is applied to it: once a deadline has
 * passed, its consequence comes first (a returned application not resubmitted in time is waived,
 * seed 002 §三), even if no scheduler ran at the due time. */
export async function runDueTimersOf(ctx: EngineContext, instanceId: string, now: number): Promise<TimerRunReport> {
  const report = emptyReport();
  const skipped = new Set<string>();
  for (;;) {
    const timer = (await ctx.store.timersOf(instanceId)).find((t) => t.dueAt <= now && !skipped.has(t.id));
    if (!timer) return report;
    if ((await fire(ctx, timer, report)) === 'retry') skipped.add(timer.id);
  }
}

function emptyReport(): TimerRunReport {
  return { fired: [], dropped: [] };
}

async function fire(ctx: EngineContext, timer: TimerRecord, report: TimerRunReport): Promise<'done' | 'retry'> {
  const outcome = operationOfEventType(timer.event) ? await retriedOnce(() => applyDeadlineAction(ctx, timer)) : await applySystemEvent(ctx, {
    instanceId: timer.instanceId,
    event: { type: timer.event },
    kind: 'timer',
    actorId: `system:deadline:${timer.statePath}`,
    commandId: `timer:${timer.id}`,
    at: timer.dueAt,
    consumedTimerIds: [timer.id],
  });
  const key = [{ id: timer.id, instanceId: timer.instanceId }];
  if (outcome.applied) {
    // A replayed command means another engine fired it (and reports it); its commit removed the row.
    if (outcome.result.replayed) await ctx.store.deleteTimers(key);
    else report.fired.push({ timerId: timer.id, instanceId: timer.instanceId, event: timer.event, dueAt: timer.dueAt });
    return 'done';
  }
  if (isRetryable(outcome.error)) {
    // Still contended after a retry, or this engine lacks the case's workflow version (an older
    // tab): leave the timer for the next run or for an engine that knows the version.
    return 'retry';
  }
  await ctx.store.deleteTimers(key);
  // A timer cancelled by a step another worker made in between is not a refusal worth reporting.
  if (outcome.error.details.reason !== 'timer-cancelled') {
    report.dropped.push({ timerId: timer.id, instanceId: timer.instanceId, reason: outcome.error.message });
  }
  return 'done';
}

/** Errors that say "not now / not here" rather than "never": the timer or message must be kept. */
export function isRetryable(error: EngineError): boolean {
  // `integrity`: the case's record does not match its journal; its deadlines wait for the repair.
  return error.code === 'conflict' || error.code === 'unknown-workflow' || error.code === 'integrity';
}

export interface Scheduler {
  stop(): void;
  /** Runs now instead of at the next due time or poll (another process scheduled or freed work). */
  wake(): void;
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
  let busy = false;
  let wokenWhileBusy = false;

  const schedule = (wait: number) => {
    if (handle !== undefined) clearTimeout(handle);
    handle = setTimeout(() => {
      handle = undefined;
      running = tick();
    }, wait);
  };
  const tick = async () => {
    busy = true;
    wokenWhileBusy = false;
    try {
      await runDueTimers(ctx, ctx.clock.now());
      await afterRun();
    } catch (error) {
      onError(error);
    }
    busy = false;
    if (stopped) return;
    if (wokenWhileBusy) return schedule(0);
    const next = await ctx.store.nextDueAt().catch(() => null);
    if (stopped || busy || handle !== undefined) return; // stop() or wake() may land while the read was pending
    const wait = next === null ? pollMs : Math.max(0, Math.min(pollMs, next - ctx.clock.now()));
    schedule(wait);
  };
  running = tick();
  return {
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimeout(handle);
    },
    wake() {
      if (stopped) return;
      if (busy) wokenWhileBusy = true;
      else schedule(0);
    },
    idle: () => running,
  };
}
