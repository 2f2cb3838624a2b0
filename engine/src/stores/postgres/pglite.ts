/**
 * PGlite adapter: PostgreSQL compiled to WebAssembly, in this process, on a data folder (or in
 * memory). One connection: PGlite runs one statement at a time and its `transaction` holds the
 * connection, so the store's transactions serialise here just as row locks serialise them on a server.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { advisoryKey, type SqlClient, type SqlQueryable } from './sqlClient.js';

type PGliteLike = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'listen' | 'close'>;

export function createPgliteClient(db: PGliteLike): SqlClient {
  const run = async <Row>(target: Pick<Transaction, 'query'>, text: string, params?: readonly unknown[]) => {
    const result = await target.query<Row>(text, params as unknown[]);
    return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
  };
  const asQueryable = (target: Pick<Transaction, 'query' | 'exec'>): SqlQueryable => ({
    query: (text, params) => run(target, text, params),
    exec: async (script) => void (await target.exec(script)),
  });
  return {
    dialect: 'pglite',
    query: (text, params) => run(db, text, params),
    exec: async (script) => void (await db.exec(script)),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    // One connection: the lock is still taken, so the same code path runs on both drivers.
    withAdvisoryLock: async (key, work) => {
      await db.query('SELECT pg_advisory_lock($1::bigint)', [advisoryKey(key)]);
      try {
        return await work(asQueryable(db));
      } finally {
        await db.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryKey(key)]);
      }
    },
    listen: async (channel, onNotify) => {
      const stop = await db.listen(channel, onNotify);
      return async () => stop();
    },
    close: () => db.close(),
  };
}
