/** Accounts and case data the multi-process tests share. */
import { REGION_DIVISIONS, isRegionId, sampleData } from '@nongan/workflows';
import { demoUscc } from '../../src/demo/seedDemoAccounts.js';
import type { OrganisationStore } from '../../src/directory/organisations.js';
import type { SubjectRegistry } from '../../src/directory/subjects.js';
import pg from 'pg';
import { createServerRuntime } from '../../src/runtime.js';
import type { NewAccount } from '../../src/identity/accounts.js';
import type { Api } from './api.js';

export const PASSWORD = 'load test password';

/** Registers farms (each with a valid USCC) at a township of their region: the first, unless given. */
export async function registerFarms(registry: SubjectRegistry, region: string, ids: readonly string[], division?: string): Promise<void> {
  if (!isRegionId(region)) throw new Error(`unknown region ${region}`);
  const at = division ?? REGION_DIVISIONS[region].townships[0]!.code;
  for (const id of ids) if (!(await registry.get(id))) await registry.create({ id, uscc: demoUscc(at, id), name: `测试养殖场 ${id}`, region, division: at });
}

/** The region's bureau (created once) at the region's root division: officials placed in it see the whole region. */
export async function regionBureau(organisations: OrganisationStore, region: string): Promise<string> {
  if (!isRegionId(region)) throw new Error(`unknown region ${region}`);
  const id = `${region}-bureau`;
  if (!(await organisations.get(id))) {
    const root = REGION_DIVISIONS[region];
    await organisations.create({ id, name: { zh: `${root.name.zh}农业农村局`, en: `${root.name.en} bureau` }, kind: 'county-bureau', region, division: root.code });
  }
  return id;
}

/** Migrates a fresh database, registers the accounts' farms and creates the accounts (the way an administrator would). */
export async function prepareDatabase(url: string, accounts: NewAccount[]): Promise<void> {
  const runtime = await createServerRuntime({ database: { kind: 'postgres', url, poolSize: 2 }, demo: false, secureCookies: false }, { workers: false, onError: () => {} });
  try {
    for (const account of accounts) {
      if (account.subjects?.length) await registerFarms(runtime.subjects, account.region!, account.subjects);
      const official = account.roles.some((r) => r !== 'producer' && r !== 'third-party');
      const organisationId = account.organisationId ?? (official && account.region ? await regionBureau(runtime.organisations, account.region) : null);
      await runtime.accounts.create({ password: PASSWORD, ...account, organisationId });
    }
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
