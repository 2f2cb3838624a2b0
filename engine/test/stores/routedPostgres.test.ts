/**
 * The region-routed store over two real PostgreSQL clusters on two ports of this machine (jiyuan on
 * cluster A, beijing on cluster B): the store conformance suite (claims included), then a real engine
 * on it, checking where rows physically land by querying each cluster's tables directly.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Store } from '../../src/index.js';
import { createNodePostgresClient, createPostgresStore } from '../../src/stores/postgres/index.js';
import { createRegionRoutedStore, type RegionRoutedStore } from '../../src/stores/routed/index.js';
import { describeStoreConformance } from '../../src/testing/index.js';
import { createTestDatabase, startPostgresCluster, type PostgresCluster } from '../../src/testing/postgres/index.js';
import { MONDAY, actors, application, makeEngine } from '../fixtures/harness.js';

let clusterA: PostgresCluster | undefined;
let clusterB: PostgresCluster | undefined;

beforeAll(async () => {
  [clusterA, clusterB] = await Promise.all([startPostgresCluster(), startPostgresCluster()]);
});

afterAll(async () => {
  await Promise.all([clusterA?.destroy(), clusterB?.destroy()]);
});

interface Pair {
  store: RegionRoutedStore;
  /** Connection strings of the two shards' databases: A holds jiyuan, B holds beijing. */
  urls: { a: string; b: string };
}

function openShard(url: string) {
  return createPostgresStore({ client: createNodePostgresClient({ connectionString: url, max: 4 }) });
}

async function routedOn(urls: Pair['urls']): Promise<RegionRoutedStore> {
  const [a, b] = await Promise.all([openShard(urls.a), openShard(urls.b)]);
  return createRegionRoutedStore({ shards: { a, b }, regions: { jiyuan: 'a', beijing: 'b' } });
}

/** A fresh database on each cluster and a routed store over them. */
async function openPair(): Promise<Pair> {
  const [a, b] = await Promise.all([createTestDatabase(clusterA!.url(), 'routed_a'), createTestDatabase(clusterB!.url(), 'routed_b')]);
  return { store: await routedOn({ a, b }), urls: { a, b } };
}

/** Runs one statement on a database directly, past every store. */
async function sql<Row>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Row[];
  } finally {
    await client.end();
  }
}

const idsOn = async (url: string, table: 'nongan_instances' | 'nongan_journal' | 'nongan_timers' | 'nongan_outbox') => {
  const column = table === 'nongan_instances' ? 'id' : table === 'nongan_outbox' ? 'source_instance_id' : 'instance_id';
  return (await sql<{ id: string }>(url, `SELECT DISTINCT ${column} AS id FROM ${table} ORDER BY 1`)).map((r) => r.id);
};

describeStoreConformance('region-routed over two PostgreSQL clusters', async () => {
  const { store } = await openPair();
  expect(store.claims).toBeDefined(); // so the suite's claims test runs here
  return store;
});

const bj = {
  farm: { id: 'farm-user-bj', roles: ['producer'], region: 'beijing', subjects: ['bj-farm-1'] },
  supervision: { id: 'sup-bj', roles: ['supervision'], region: 'beijing' },
  district: actors.beijingDistrict,
  expert: { id: 'expert-bj', roles: ['expert-office'], region: 'beijing' },
} satisfies Record<string, Actor>;

const byRegion = {
  jiyuan: { farm: actors.farm, subject: 'farm-1', supervision: actors.supervision, district: actors.district },
  beijing: { farm: bj.farm, subject: 'bj-farm-1', supervision: bj.supervision, district: bj.district },
};

type Engine = ReturnType<typeof makeEngine>['engine'];

async function open(engine: Engine, id: string, region: 'jiyuan' | 'beijing') {
  const who = byRegion[region];
  return engine.start('sample-review', { actor: who.farm, region, subject: who.subject, data: application, instanceId: id });
}

/** start → SUBMIT → APPROVE → APPROVE: the case enters the 5-working-day public notice. */
async function toNotice(engine: Engine, id: string, region: 'jiyuan' | 'beijing') {
  const who = byRegion[region];
  await open(engine, id, region);
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor: who.farm });
  await engine.send(id, { type: 'APPROVE' }, { actor: who.supervision });
  await engine.send(id, { type: 'APPROVE' }, { actor: who.district });
}

/** Notice entered Mon 2026-03-02 09:00 → working days 03-03 … 03-09 → NOTICE_ENDS at 2026-03-10 00:00 China time. */
const NOTICE_DUE = Date.parse('2026-03-10T00:00:00+08:00');

describe('engine on a region-routed store over two PostgreSQL clusters', () => {
  it('keeps each case, its journal and its timers on its own region\'s cluster only', async () => {
    const { store, urls } = await openPair();
    const { engine } = makeEngine({ store, start: MONDAY });
    await toNotice(engine, 'jy-1', 'jiyuan');
    await open(engine, 'jy-2', 'jiyuan');
    await toNotice(engine, 'bj-1', 'beijing');

    expect(await idsOn(urls.a, 'nongan_instances')).toEqual(['jy-1', 'jy-2']);
    expect(await idsOn(urls.a, 'nongan_journal')).toEqual(['jy-1', 'jy-2']);
    expect(await idsOn(urls.a, 'nongan_timers')).toEqual(['jy-1']);
    expect(await idsOn(urls.b, 'nongan_instances')).toEqual(['bj-1']);
    expect(await idsOn(urls.b, 'nongan_journal')).toEqual(['bj-1']);
    expect(await idsOn(urls.b, 'nongan_timers')).toEqual(['bj-1']);
    expect(await sql(urls.a, "SELECT 1 FROM nongan_instances WHERE region <> 'jiyuan'")).toEqual([]);

    // A store that has seen nothing yet (another process) finds each case on its cluster.
    const other = await routedOn(urls);
    expect((await other.getInstance('bj-1'))?.region).toBe('beijing');
    expect((await other.getJournal('jy-1')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    await other.close();

    // A region with no shard is refused before anything is written anywhere.
    const kaizhouFarm = { id: 'farm-kz', roles: ['producer'], region: 'kaizhou', subjects: ['kz-farm-1'] };
    const kaizhou = engine.start('sample-review', { actor: kaizhouFarm, region: 'kaizhou', subject: 'kz-farm-1', data: application, instanceId: 'kz-1' });
    await expect(kaizhou).rejects.toMatchObject({ code: 'invalid-input', details: { region: 'kaizhou' } });
    expect([...(await idsOn(urls.a, 'nongan_journal')), ...(await idsOn(urls.b, 'nongan_journal'))]).not.toContain('kz-1');
    await store.close();
  });

  it('merges cross-region queries, counts and task-key pages by id across the clusters', async () => {
    const { store } = await openPair();
    const { engine } = makeEngine({ store, start: MONDAY });
    const all = Array.from({ length: 10 }, (_, n) => `c${n}`);
    for (const n of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5]) await open(engine, `c${n}`, n % 2 === 0 ? 'beijing' : 'jiyuan');
    await engine.send('c3', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('c4', { type: 'SUBMIT', data: application }, { actor: bj.farm });

    const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);
    expect(ids(await engine.query({ workflowId: 'sample-review' }))).toEqual(all);
    const pages: string[][] = [];
    for (let offset = 0; offset < 10; offset += 3) pages.push(ids(await engine.query({ workflowId: 'sample-review', limit: 3, offset })));
    expect(pages).toEqual([['c0', 'c1', 'c2'], ['c3', 'c4', 'c5'], ['c6', 'c7', 'c8'], ['c9']]);
    expect(ids(await engine.query({ region: 'beijing', limit: 2, offset: 1 }))).toEqual(['c2', 'c4']);
    expect(ids(await engine.query({ state: 'review' }))).toEqual(['c3', 'c4']);
    expect(await engine.count({ workflowId: 'sample-review' })).toBe(10);
    expect(await engine.count({ state: 'draft' })).toBe(8);
    expect(await engine.count({ region: 'jiyuan', state: 'draft' })).toBe(4);

    // Task keys of both regions in one lookup: by id across the clusters, paged without overlap or gaps.
    const keys = ['producer|s:farm-1', 'producer|s:bj-farm-1', 'supervision|r:jiyuan', 'supervision|r:beijing'];
    expect(ids(await store.findByTaskKeys(keys, 50))).toEqual(all);
    const taskPages: string[][] = [];
    for (let offset = 0; offset < 10; offset += 4) taskPages.push(ids(await store.findByTaskKeys(keys, 4, offset)));
    expect(taskPages).toEqual([['c0', 'c1', 'c2', 'c3'], ['c4', 'c5', 'c6', 'c7'], ['c8', 'c9']]);

    // Inboxes: each region's reviewer sees the submitted case of its own region only.
    expect((await engine.tasks(actors.supervision)).map((t) => t.instance.id)).toEqual(['c3']);
    expect((await engine.tasks(bj.supervision)).map((t) => t.instance.id)).toEqual(['c4']);
    expect((await engine.tasks(bj.farm, { limit: 2, offset: 1 })).map((t) => t.instance.id).sort()).toEqual(['c2', 'c6']);
    await store.close();
  });

  it('fires a due timer in each region exactly once with two engines running timers at the same time', async () => {
    const { store, urls } = await openPair();
    const { engine } = makeEngine({ store, start: MONDAY });
    await toNotice(engine, 'jy-1', 'jiyuan');
    await toNotice(engine, 'bj-1', 'beijing');
    const second = makeEngine({ store: await routedOn(urls), start: NOTICE_DUE });

    expect(await engine.runDueTimers(NOTICE_DUE - 1)).toEqual({ fired: [], dropped: [] });
    const reports = await Promise.all([engine.runDueTimers(NOTICE_DUE), second.engine.runDueTimers(NOTICE_DUE)]);
    const fired = reports.flatMap((r) => r.fired).map((f) => `${f.instanceId}:${f.event}`).sort();
    expect(fired).toEqual(['bj-1:NOTICE_ENDS', 'jy-1:NOTICE_ENDS']);
    expect(reports.flatMap((r) => r.dropped)).toEqual([]);
    expect(await Promise.all([engine.runDueTimers(NOTICE_DUE + 86_400_000), second.engine.runDueTimers(NOTICE_DUE + 86_400_000)])).toEqual([
      { fired: [], dropped: [] },
      { fired: [], dropped: [] },
    ]);

    for (const id of ['jy-1', 'bj-1']) {
      expect((await engine.get(id)).state).toBe('qualified');
      const timerSteps = (await engine.history(id)).filter((e) => e.kind === 'timer');
      expect(timerSteps.map((e) => e.event.type)).toEqual(['NOTICE_ENDS']);
      expect(await engine.verify(id)).toMatchObject({ ok: true });
    }
    // Each timer step was written on its own cluster, and no timer row is left (or left claimed) anywhere.
    const timerSteps = "SELECT instance_id AS id FROM nongan_journal WHERE entry->>'kind' = 'timer' ORDER BY 1";
    expect(await sql(urls.a, timerSteps)).toEqual([{ id: 'jy-1' }]);
    expect(await sql(urls.b, timerSteps)).toEqual([{ id: 'bj-1' }]);
    expect([await idsOn(urls.a, 'nongan_timers'), await idsOn(urls.b, 'nongan_timers')]).toEqual([[], []]);
    expect(await store.nextDueAt()).toBeNull();
    await Promise.all([store.close(), second.store.close()]);
  });

  it('delivers a message from a case on one cluster to a case on the other', async () => {
    const { store, urls } = await openPair();
    const { engine, clock } = makeEngine({ store, start: MONDAY });
    await toNotice(engine, 'jy-1', 'jiyuan');
    await engine.runDueTimers(NOTICE_DUE);
    clock.set(NOTICE_DUE + 3_600_000);
    // A Beijing warning about the Jiyuan farm: the outbox row is on cluster B, its target on cluster A.
    await engine.start('sample-warning', { actor: bj.expert, region: 'beijing', subject: 'farm-1', instanceId: 'warn-bj' });
    await engine.send('warn-bj', { type: 'WARN' }, { actor: bj.expert });
    expect(await idsOn(urls.b, 'nongan_outbox')).toEqual(['warn-bj']);
    expect(await idsOn(urls.a, 'nongan_outbox')).toEqual([]);

    expect(await engine.deliverMessages()).toEqual({ delivered: ['warn-bj#2#0'], undeliverable: [], retrying: [] });
    expect((await engine.get('jy-1')).state).toBe('suspended');
    expect(await sql(urls.b, 'SELECT status, claimed_until FROM nongan_outbox')).toEqual([{ status: 'delivered', claimed_until: null }]);
    expect(await sql(urls.a, "SELECT instance_id AS id FROM nongan_journal WHERE entry->>'kind' = 'message'")).toEqual([{ id: 'jy-1' }]);
    expect(await engine.deliverMessages()).toEqual({ delivered: [], undeliverable: [], retrying: [] });
    for (const id of ['jy-1', 'warn-bj']) expect(await engine.verify(id)).toMatchObject({ ok: true });
    await store.close();
  });

  it('exports both clusters and imports each case back onto its region\'s cluster', async () => {
    const source = await openPair();
    const { engine } = makeEngine({ store: source.store, start: MONDAY });
    await toNotice(engine, 'jy-1', 'jiyuan');
    await toNotice(engine, 'bj-1', 'beijing');
    await open(engine, 'bj-2', 'beijing');
    const dump = await source.store.exportAll();
    expect(dump.instances.map((i) => i.id)).toEqual(['bj-1', 'bj-2', 'jy-1']);

    const target = await openPair();
    await target.store.importAll(dump);
    expect(await idsOn(target.urls.a, 'nongan_instances')).toEqual(['jy-1']);
    expect(await idsOn(target.urls.a, 'nongan_timers')).toEqual(['jy-1']);
    expect(await idsOn(target.urls.b, 'nongan_instances')).toEqual(['bj-1', 'bj-2']);
    expect(await idsOn(target.urls.b, 'nongan_journal')).toEqual(['bj-1', 'bj-2']);
    expect(await target.store.exportAll()).toEqual(dump);
    // Importing the same dump again collides on both clusters and writes nothing.
    await expect(target.store.importAll(dump)).rejects.toMatchObject({ code: 'conflict' });
    expect(await sql(target.urls.b, 'SELECT count(*)::int AS n FROM nongan_journal')).toEqual([{ n: 5 }]);

    const restored = makeEngine({ store: target.store as Store, start: NOTICE_DUE });
    expect((await restored.engine.runDueTimers(NOTICE_DUE)).fired.map((f) => f.instanceId).sort()).toEqual(['bj-1', 'jy-1']);
    for (const id of ['jy-1', 'bj-1', 'bj-2']) expect(await restored.engine.verify(id)).toMatchObject({ ok: true });
    await Promise.all([source.store.close(), target.store.close()]);
  });
});
