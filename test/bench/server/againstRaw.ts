/**
 * One measurement of the server table: a step function (the engine direct, or HTTP requests) warmed
 * up, then measured in rounds alternating with the raw baseline of its own rows — sampled from the
 * case it just wrote — from the same loops with as many connections, on the same database. CPU and
 * the database's wait events are recorded per series, so the notes can say what limited each.
 */
import pg from 'pg';
import { closedLoop, pairedRounds, type LoopRound, type PairedRounds } from './closedLoop.js';
import { cpuMeter, type CpuShares } from './cpuMeter.js';
import { rawWriter, sampleStep } from './rawInsert.js';
import { WaitTally, type WaitShare } from './waitEvents.js';
import { median } from '../stats.js';

export interface LoadPlan {
  /** Concurrent loops (clients). */
  loops: number;
  /** node-postgres connections per engine (a server's NONGAN_POOL_SIZE). */
  poolSize: number;
  rounds: number;
  roundMs: number;
  warmupMs: number;
}

export interface LoadResult extends PairedRounds {
  /** CPU use during the subject's rounds (medians over rounds). */
  cpu: CpuShares;
  /** Connections of the baseline: as many as the subject's pools hold together. */
  connections: number;
  waits: { subject: WaitShare[]; baseline: WaitShare[]; extra: WaitShare[] | null };
}

export interface Subject {
  url: string;
  /** One step of loop `loop` (its own case); true when it was persisted. */
  step(loop: number): Promise<boolean>;
  /** A case the subject wrote, whose rows the baseline copies. */
  sampleCase: string;
  connections: number;
  /** Processes besides this one whose CPU use counts as the subject's (server processes). */
  serverPids: readonly number[];
  postmaster: number;
  /** Label for the baseline's row ids. */
  label: string;
  /** Also run the baseline with the per-step NOTIFY of nongan_commit, as a third series. */
  notifySeries?: boolean;
}

function medianShares(shares: readonly CpuShares[]): CpuShares {
  return { bench: median(shares.map((s) => s.bench)), servers: median(shares.map((s) => s.servers)), postgres: median(shares.map((s) => s.postgres)) };
}

export async function measureAgainstRaw(subject: Subject, plan: LoadPlan): Promise<LoadResult> {
  // Warm-up: connections opened, JIT of every process involved, the database's caches.
  await closedLoop(plan.loops, plan.warmupMs, subject.step);
  const pool = new pg.Pool({ connectionString: subject.url, max: 1 });
  const sample = await sampleStep(pool, subject.sampleCase).finally(() => pool.end());
  const raw = await rawWriter(subject.url, subject.connections, plan.loops, sample, subject.label);
  const notify = subject.notifySeries ? await rawWriter(subject.url, subject.connections, plan.loops, sample, `${subject.label}-notify`, true) : null;
  try {
    await closedLoop(plan.loops, Math.min(plan.warmupMs, 1000), raw.step);
    if (notify) await closedLoop(plan.loops, Math.min(plan.warmupMs, 1000), notify.step);
    const waits = { subject: new WaitTally(subject.url), baseline: new WaitTally(subject.url), extra: new WaitTally(subject.url) };
    const shares: CpuShares[] = [];
    const subjectRound = () =>
      waits.subject.during(async (): Promise<LoopRound> => {
        const stop = cpuMeter(subject.serverPids, subject.postmaster);
        const round = await closedLoop(plan.loops, plan.roundMs, subject.step);
        shares.push(stop());
        return round;
      });
    const paired = await pairedRounds(
      plan.rounds,
      subjectRound,
      () => waits.baseline.during(() => closedLoop(plan.loops, plan.roundMs, raw.step)),
      notify ? () => waits.extra.during(() => closedLoop(plan.loops, plan.roundMs, notify.step)) : undefined,
    );
    return {
      ...paired,
      cpu: medianShares(shares),
      connections: subject.connections,
      waits: { subject: waits.subject.shares(), baseline: waits.baseline.shares(), extra: notify ? waits.extra.shares() : null },
    };
  } finally {
    await raw.close();
    await notify?.close();
  }
}
