/**
 * node-postgres adapter: a pool of connections to a real PostgreSQL server. `int8` columns (due times,
 * milliseconds since the epoch) are read as numbers; they stay far below 2^53.
 */
import pg from 'pg';
import { advisoryKey, type SqlClient, type SqlQueryable } from './sqlClient.js';

const INT8_OID = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface NodePostgresOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** Pool size (default 10). */
  max?: number;
  /** Gives up connecting after this long (default 5000 ms), so a request fails instead of hanging. */
  connectionTimeoutMillis?: number;
  /** Application name shown in `pg_stat_activity`. */
  applicationName?: string;
}

export function createNodePostgresClient(options: NodePostgresOptions): SqlClient & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    application_name: options.applicationName ?? 'nongan',
    types,
  });
  // An idle connection that the server closed (restart, failover) must not crash the process; the
  // pool drops it and the next query opens a new one.
  pool.on('error', () => {});

  const onConnection = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      // A connection that failed mid-transaction is destroyed rather than returned in an unknown state.
      client.release(broken && !('severity' in broken) ? broken : undefined);
    }
  };

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let listenReady: Promise<pg.Client> | null = null;
  let closed = false;

  /** One dedicated connection carries every LISTEN; it reconnects (and re-LISTENs) if the server drops it. */
  const listenConnection = (): Promise<pg.Client> => {
    if (listenReady) return listenReady;
    listenReady = (async () => {
      const client = new pg.Client({ connectionString: options.connectionString, application_name: `${options.applicationName ?? 'nongan'}-listen`, types });
      client.on('notification', (message) => {
        for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? '');
      });
      client.on('error', () => reconnect());
      client.on('end', () => reconnect());
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      listenClient = client;
      return client;
    })();
    listenReady.catch(() => reconnect());
    return listenReady;
  };
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  const reconnect = () => {
    listenClient = null;
    listenReady = null;
    if (closed || listeners.size === 0 || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      // Missed notifications are only wake-ups: every listener also polls, so nothing is lost.
      void listenConnection().then(
        () => {
          for (const set of listeners.values()) for (const listener of set) listener('');
        },
        () => {},
      );
    }, 500);
  };

  return {
    dialect: 'postgres',
    pool,
    query: async (text, params) => {
      const result = await pool.query(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    exec: async (script) => void (await pool.query(script)),
    transaction: (work) =>
      onConnection(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(queryable(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    withAdvisoryLock: (key, work) =>
      onConnection(async (client) => {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [advisoryKey(key)]);
        try {
          return await work(queryable(client));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryKey(key)]).catch(() => {});
        }
      }),
    listen: async (channel, onNotify) => {
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(onNotify);
      const client = await listenConnection();
      if (first && listenClient === client) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        set.delete(onNotify);
        if (set.size > 0) return;
        listeners.delete(channel);
        await listenClient?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      };
    },
    close: async () => {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listenClient;
      listenClient = null;
      await client?.end().catch(() => {});
      await pool.end();
    },
  };
}

function queryable(client: pg.PoolClient): SqlQueryable {
  return {
    query: async (text, params) => {
      const result = await client.query(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    // Without parameters node-postgres uses the simple protocol, which runs several statements.
    exec: async (script) => void (await client.query(script)),
  };
}

/** LISTEN takes an identifier, not a parameter: channel names are ours, and quoted anyway. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
