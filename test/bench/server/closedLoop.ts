/**
 * Closed-loop load: `loops` concurrent async loops, each issuing its next operation as soon as the
 * previous one answered (like that many clients clicking as fast as replies come back), for a fixed
 * time. Used for the engine, the HTTP servers and the raw SQL baseline alike, so every rate in the
 * server table is counted the same way.
 */
import { median, percentile } from '../stats.js';

export interface LoopRound {
  /** Operations that succeeded and finished inside the window. */
  ok: number;
  /** Operations that failed (thrown or answered with a refusal) inside the window. */
  failed: number;
  /** First failure, for the message when a round is mostly failures. */
  firstError: string | null;
  /** Successful operations per second over the window. */
  perSecond: number;
  /** Latency of each successful operation, ms. */
  p50: number;
  p99: number;
}

/**
 * Runs `op(loop, i)` from `loops` loops for `durationMs`; `op` resolves true for a success (e.g. a 200
 * reply), false or a throw for a failure. Only operations that finish before the deadline count; the
 * ones in flight at the deadline are awaited (so they cannot spill into the next round) but not counted.
 */
export async function closedLoop(loops: number, durationMs: number, op: (loop: number, i: number) => Promise<boolean>): Promise<LoopRound> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await op(loop, i);
        } catch (error) {
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        const t1 = performance.now();
        if (t1 > deadline) break;
        if (ok) latencies.push(t1 - t0);
        else failed++;
      }
    }),
  );
  if (latencies.length === 0) throw new Error(`no operation succeeded in ${durationMs} ms (${failed} failed; first: ${firstError ?? 'refused'})`);
  return {
    ok: latencies.length,
    failed,
    firstError,
    perSecond: (latencies.length * 1000) / durationMs,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export interface SeriesMedians {
  perSecond: number;
  p50: number;
  p99: number;
  /** Failures summed over the rounds. */
  failed: number;
}

export interface PairedRounds {
  /** Medians over the rounds. */
  subject: SeriesMedians;
  baseline: SeriesMedians;
  /** A diagnostic series run in the same alternation, if one was given. */
  extra: SeriesMedians | null;
  /** Median of the per-round ratios subject / baseline (steps/s). */
  rateRatio: number;
  rounds: number;
}

function medians(rs: readonly LoopRound[]): SeriesMedians {
  return {
    perSecond: median(rs.map((r) => r.perSecond)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    failed: rs.reduce((n, r) => n + r.failed, 0),
  };
}

/**
 * `rounds` rounds of the subject and of its baseline (and of `extra`), alternating (subject, baseline,
 * extra, subject, …), so drift on the machine — table and index growth, checkpoints, the disk's
 * flush time, other processes — hits all alike.
 */
export async function pairedRounds(
  rounds: number,
  subject: () => Promise<LoopRound>,
  baseline: () => Promise<LoopRound>,
  extra?: () => Promise<LoopRound>,
): Promise<PairedRounds> {
  const a: LoopRound[] = [];
  const b: LoopRound[] = [];
  const c: LoopRound[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await subject());
    b.push(await baseline());
    if (extra) c.push(await extra());
  }
  return {
    subject: medians(a),
    baseline: medians(b),
    extra: extra ? medians(c) : null,
    rateRatio: median(a.map((r, i) => r.perSecond / b[i]!.perSecond)),
    rounds,
  };
}
