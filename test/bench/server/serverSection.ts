/**
 * `pnpm bench server`: the engine on real PostgreSQL, in this process ("direct") and behind HTTP in 1
 * and 2 production-bundle server processes, each rate next to the raw rate of writing the same rows
 * measured in the same run (rounds alternating, medians); send latency at 50 clients; tasks() over
 * 1,000,000 cases next to a plain indexed SELECT. One throwaway cluster with durability on (fsync,
 * synchronous_commit, full_page_writes), so every step pays a real WAL flush; a fresh database per
 * measurement. Never asserts on time: it prints what it measured.
 */
import { cpus } from 'node:os';
import { createTestDatabase, startPostgresCluster } from '@nongan/engine/testing/postgres';
import pg from 'pg';
import { markdownTable } from '../harness.js';
import { loadCases, tasksActor, timeTasks, type BulkLoad, type TasksTiming } from './bulkCases.js';
import { benchEngine } from './certifiedCases.js';
import { postmasterPid, type CpuShares } from './cpuMeter.js';
import type { LoadPlan, LoadResult } from './againstRaw.js';
import { directSteps } from './directLoad.js';
import { httpSteps } from './httpLoad.js';
import { formatWaits } from './waitEvents.js';

/** What the issue sets; the table prints each next to what was measured. */
const TARGET = { stepsPerSec: 1_000, shareOfRaw: 0.5, p99Ms: 50, tasksMs: 20 };
const CLIENTS = 50;
const DIRECT_LOOPS = 32;
/** A server process's default NONGAN_POOL_SIZE. */
const POOL = 10;
const ROUNDS = 3;
const ROUND_MS = 4_000;
const WARMUP_MS = 2_000;
const CASES = 1_000_000;
const TASK_SAMPLES = 20;

export interface ServerBenchResult {
  version: string;
  direct: LoadResult;
  http1: LoadResult;
  http2: LoadResult;
  load: BulkLoad;
  tasks: TasksTiming;
  totalMs: number;
}

/** Progress on stderr: the section runs for minutes, and the table goes to stdout alone. */
const progress = (message: string) => process.stderr.write(`[bench server] ${message}\n`);

export async function serverSection(): Promise<ServerBenchResult> {
  const t0 = performance.now();
  const cluster = await startPostgresCluster({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  try {
    const admin = cluster.url();
    const postmaster = postmasterPid(cluster.dataDir);
    const version = await serverVersion(admin);
    const plan = (loops: number): LoadPlan => ({ loops, poolSize: POOL, rounds: ROUNDS, roundMs: ROUND_MS, warmupMs: WARMUP_MS });
    progress(`PostgreSQL ${version} on port ${cluster.port}; direct engine, ${DIRECT_LOOPS} loops`);
    const direct = await directSteps(await createTestDatabase(admin, 'bench_direct'), plan(DIRECT_LOOPS), postmaster);
    progress(`1 server process over HTTP, ${CLIENTS} clients`);
    const http1 = await httpSteps(await createTestDatabase(admin, 'bench_http1'), 1, plan(CLIENTS), postmaster);
    progress(`2 server processes over HTTP, ${CLIENTS} clients`);
    const http2 = await httpSteps(await createTestDatabase(admin, 'bench_http2'), 2, plan(CLIENTS), postmaster);
    const casesUrl = await createTestDatabase(admin, 'bench_tasks');
    await (await benchEngine(casesUrl, 1)).close(); // opening the store migrates the database
    progress(`loading ${CASES.toLocaleString('en-US')} cases`);
    const load = await loadCases(casesUrl, CASES, Math.max(1, cpus().length));
    progress('timing tasks()');
    const tasks = await timeTasks(casesUrl, TASK_SAMPLES, CASES);
    return { version, direct, http1, http2, load, tasks, totalMs: performance.now() - t0 };
  } finally {
    await cluster.destroy();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query('SHOW server_version')).rows[0].server_version).split(' ')[0]!;
  } finally {
    await client.end();
  }
}

const n0 = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
const n1 = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n2 = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function stepsRow(label: string, r: LoadResult, loops: number): string[] {
  return [
    `${label}, persisted steps/s`,
    n0(r.subject.perSecond),
    `${n0(r.baseline.perSecond)} raw step tx/s (${loops} loops, ${r.connections} connections)`,
    pct(r.rateRatio),
    `≥ ${n0(TARGET.stepsPerSec)}/s; ≥ ${pct(TARGET.shareOfRaw)} of raw`,
    `${met(r.subject.perSecond >= TARGET.stepsPerSec)}; ${met(r.rateRatio >= TARGET.shareOfRaw)}`,
  ];
}

function latencyRow(label: string, r: LoadResult): string[] {
  return [
    `${label}: send latency p50 / p99 at ${CLIENTS} clients, ms`,
    `${n1(r.subject.p50)} / ${n1(r.subject.p99)}`,
    `${n1(r.baseline.p50)} / ${n1(r.baseline.p99)} raw step tx (same loops)`,
    `${(r.subject.p99 / r.baseline.p99).toFixed(1)}× (p99)`,
    `p99 ≤ ${TARGET.p99Ms} ms`,
    met(r.subject.p99 <= TARGET.p99Ms),
  ];
}

export function serverTable(result: ServerBenchResult): string {
  const { direct, http1, http2, tasks } = result;
  const rows: string[][] = [
    ['metric', 'measured', 'limit / baseline measured in the same run', 'ratio', 'target', 'met / missed'],
    stepsRow(`direct (engine in the bench process, ${DIRECT_LOOPS} loops)`, direct, DIRECT_LOOPS),
    [
      '  why steps send no NOTIFY (migration 0002): raw step tx + one pg_notify, /s',
      n0(direct.extra!.perSecond),
      `${n0(direct.baseline.perSecond)} raw step tx/s (same rounds)`,
      pct(direct.extra!.perSecond / direct.baseline.perSecond),
      '—',
      '—',
    ],
    stepsRow(`1 server process over HTTP (${CLIENTS} clients)`, http1, CLIENTS),
    stepsRow(`2 server processes over HTTP (${CLIENTS} clients)`, http2, CLIENTS),
    latencyRow('1 server process', http1),
    latencyRow('2 server processes', http2),
    [
      `tasks() over ${n0(result.load.count)} cases (page of 50), ms`,
      n2(tasks.engineMs),
      `${n2(tasks.plainMs)} plain SELECT … WHERE task_keys && $1 LIMIT 50`,
      `${(tasks.engineMs / tasks.plainMs).toFixed(1)}×`,
      `≤ ${TARGET.tasksMs} ms`,
      met(tasks.engineMs <= TARGET.tasksMs),
    ],
  ];
  return markdownTable(rows);
}

const cpu = (s: CpuShares) => `bench process ${n0(s.bench)} %, server processes ${n0(s.servers)} %, PostgreSQL ${n0(s.postgres)} %`;

export function serverHeader(result: ServerBenchResult): string {
  return (
    `Nong'an server benchmark — PostgreSQL ${result.version}, one throwaway cluster with fsync=on, synchronous_commit=on, ` +
    `full_page_writes=on (every commit waits for its WAL flush), a fresh database per measurement; ${cpus().length} cores. ` +
    `A step is a guidance visit on a certified Beijing case (one instance row + one journal row), one case per loop; ` +
    `rates: ${ROUNDS} rounds of ${ROUND_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up, engine and raw rounds alternating, ` +
    `medians (ratio = median of per-round ratios); HTTP counts 200 replies only; each server has NONGAN_POOL_SIZE=${POOL}.`
  );
}

export function serverNotes(result: ServerBenchResult): string {
  const { direct, http1, http2, load, tasks } = result;
  const failed = direct.subject.failed + http1.subject.failed + http2.subject.failed;
  return [
    `CPU during the measured rounds (100 % = one core): direct — ${cpu(direct.cpu)}; 1 server — ${cpu(http1.cpu)}; 2 servers — ${cpu(http2.cpu)}.`,
    `PostgreSQL sessions running a statement were waiting on (pg_stat_activity every 5 ms): ` +
      `direct engine — ${formatWaits(direct.waits.subject)}; raw — ${formatWaits(direct.waits.baseline)}; raw + pg_notify — ${formatWaits(direct.waits.extra ?? [])}; ` +
      `1 server — ${formatWaits(http1.waits.subject)}; 2 servers — ${formatWaits(http2.waits.subject)}.`,
    `Refused or failed steps in measured rounds: ${failed}.`,
    `tasks(): actor ${tasksActor.roles.join(',')} of ${tasksActor.region}; ${n0(tasks.matching)} of ${n0(load.count)} cases match its keys (${(tasks.share * 100).toFixed(1)} %), ` +
      `${tasks.hits} tasks on the page; medians of ${TASK_SAMPLES} alternating calls; plans: store query (ORDER BY id) ${tasks.plan}; plain query ${tasks.plainPlan}.`,
    `Bulk load: ${n0(load.count)} copies of ${load.templates} demo cases of the five regions in ${n1(load.loadMs / 1000)} s, indexes ${n1(load.indexMs / 1000)} s, ` +
      `VACUUM ANALYZE ${n1(load.vacuumMs / 1000)} s; table with indexes ${n0(load.tableMB)} MB. Whole section ${n0(result.totalMs / 1000)} s.`,
  ].join('\n');
}
