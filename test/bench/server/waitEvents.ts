/**
 * What the database's sessions were waiting for during a measurement: pg_stat_activity sampled every
 * few milliseconds from a connection of its own, counting the wait events of the sessions that were
 * running a statement. "Lock: object" is a session queued for a lock on a database object (NOTIFY
 * serialises committing transactions that way, WAL flush included), "LWLock: WALWrite" a session
 * waiting for a WAL flush another session is doing for it too (group commit), "IO: WALSync" the flush
 * itself; "CPU" (no wait event) means running or waiting for a core.
 */
import pg from 'pg';

export interface WaitShare {
  event: string;
  /** Share of the samples of sessions running a statement. */
  share: number;
}

const SAMPLE = `
  SELECT coalesce(wait_event_type || ': ' || wait_event, 'CPU') AS event, count(*)::integer AS n FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND backend_type = 'client backend'
  GROUP BY 1`;

/** Wait-event counts summed over every stretch of work run through `during`. */
export class WaitTally {
  private readonly counts = new Map<string, number>();
  private samples = 0;

  constructor(
    private readonly url: string,
    private readonly everyMs = 5,
  ) {}

  /** Runs `work` while sampling on a connection of its own (opened before, closed after, both untimed by `work`). */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'nongan-bench-waits' });
    await client.connect();
    let stopped = false;
    const sampling = (async () => {
      while (!stopped) {
        for (const row of (await client.query<{ event: string; n: number }>(SAMPLE)).rows) {
          this.counts.set(row.event, (this.counts.get(row.event) ?? 0) + row.n);
          this.samples += row.n;
        }
        await new Promise((r) => setTimeout(r, this.everyMs));
      }
    })();
    try {
      return await work();
    } finally {
      stopped = true;
      await sampling.catch(() => {});
      await client.end();
    }
  }

  shares(): WaitShare[] {
    return [...this.counts].map(([event, n]) => ({ event, share: this.samples ? n / this.samples : 0 })).sort((a, b) => b.share - a.share);
  }
}

export const formatWaits = (waits: readonly WaitShare[], top = 3) =>
  waits.slice(0, top).map((w) => `${w.event} ${(w.share * 100).toFixed(0)} %`).join(', ') || 'none sampled';
