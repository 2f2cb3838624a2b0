/** Accounts and case data the multi-process tests share. */
import { sampleData } from '@nongan/workflows';
import pg from 'pg';
import { createServerRuntime } from '../../src/runtime.js';
import type { NewAccount } from '../../src/identity/accounts.js';
import type { Api } from './api.js';

export const PASSWORD = 'load test password';

/** Migrates a fresh database and creates accounts in it (the way an administrator would). */
export async function prepareDatabase(url: string, accounts: NewAccount[]): Promise<void> {
  const runtime = await createServerRuntime({ database: { kind: 'postgres', url, poolSize: 2 }, demo: false, secureCookies: false }, { workers: false, onError: () => {} });
  try {
    for (const account of accounts) await runtime.accounts.create({ password: PASSWORD, ...account });
  } finally {
    await runtime.close();
  }
}

export const jiyuanRegistration = (i: number) => ({ ...sampleData('jiyuan', 'qr-registration'), farmName: `负载测试养殖场${i}`, year: 2027 });
export const jiyuanApplication = () => sampleData('jiyuan', 'qr-application');

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
    }),
  );
  return results;
}

/** Sends until the server answers with something other than "unavailable" or a dropped connection, with the same command each time. */
export async function sendUntilAnswered(send: () => Promise<{ status: number; body: any }>, seen: { retried: number } = { retried: 0 }) {
  for (let attempt = 0; attempt < 400; attempt++) {
    let reply;
    try {
      reply = await send();
    } catch {
      reply = { status: 0, body: null }; // the server process is gone or the connection dropped
    }
    if (reply.status !== 503 && reply.status !== 0) return reply;
    seen.retried++;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no answer after 400 attempts');
}

/** Polls until `check` holds (background work finishing); fails with `what` if it never does. */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, attempts = 600): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !check(value); i++) {
    await new Promise((r) => setTimeout(r, attempts > 1000 ? 1 : 100));
    value = await read();
  }
  if (!check(value)) throw new Error(`${what} did not happen; last seen: ${JSON.stringify(value).slice(0, 500)}`);
  return value;
}

export async function sql<Row = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Each case's journal verifies, and its revision equals its number of entries (no lost or half step). */
export async function expectWhole(client: Api, ids: readonly string[]): Promise<void> {
  await inParallel(ids, 8, async (id) => {
    const [record, verify, journal] = await Promise.all([client.get(`/api/cases/${id}`), client.get(`/api/cases/${id}/verify`), client.get(`/api/cases/${id}/journal`)]);
    if (!verify.body.ok) throw new Error(`journal of ${id} does not verify: ${JSON.stringify(verify.body.problems)}`);
    if (record.body.revision !== journal.body.length) throw new Error(`case ${id} is at revision ${record.body.revision} with ${journal.body.length} journal entries`);
    const seqs = journal.body.map((e: { seq: number }) => e.seq);
    if (seqs.some((s: number, i: number) => s !== i + 1)) throw new Error(`case ${id} has journal seqs ${seqs.join(',')}`);
  });
}
