/**
 * Who used the CPU during a measurement: this bench process (the load generator), the server
 * processes and PostgreSQL (the postmaster and every backend it forked), read from /proc. On a
 * 2-core machine the load generator competes with what it measures, so the table's notes say how
 * much of the 200 % each part took. Linux only; elsewhere the meter reports nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux architecture in use). */
const TICKS = 100;

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14–17 of stat(5), 12–15 here.
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0; // the process ended
  }
}

function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The postmaster's pid, from the cluster's data folder. */
export function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

export interface CpuShares {
  /** Percent of one core, averaged over the window (200 = both cores of a 2-core machine). */
  bench: number;
  servers: number;
  postgres: number;
}

/**
 * Starts measuring; the returned function ends the window. PostgreSQL backends live as long as their
 * connection (the pools keep them open), so they are listed at both ends and their ticks compared.
 */
export function cpuMeter(serverPids: readonly number[], postmaster: number): () => CpuShares {
  if (process.platform !== 'linux') return () => ({ bench: NaN, servers: NaN, postgres: NaN });
  const pgPids = () => [postmaster, ...childrenOf(postmaster)];
  const startPg = new Map(pgPids().map((p) => [p, ticksOf(p)]));
  const startServers = serverPids.map(ticksOf);
  const startBench = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    let pg = 0;
    for (const pid of pgPids()) pg += ticksOf(pid) - (startPg.get(pid) ?? 0);
    const servers = serverPids.reduce((sum, pid, i) => sum + ticksOf(pid) - startServers[i]!, 0);
    const bench = process.cpuUsage(startBench);
    return {
      bench: ((bench.user + bench.system) / 1e6 / seconds) * 100,
      servers: (servers / TICKS / seconds) * 100,
      postgres: (pg / TICKS / seconds) * 100,
    };
  };
}
