/**
 * The region-routed store over memory shards: the store conformance suite (with and without leases on
 * the shards), then what routing itself must get right: where writes land, which shards a read asks,
 * merged order and paging across shards, import grouping and its checks, claims trimming and splitting.
 */
import { describe, expect, it, vi } from 'vitest';
import { EngineError, createMemoryStore, type ChangeSet, type OutboxMessage, type Store, type StoreDump, type TimerRecord, type WorkClaims } from '../../src/index.js';
import { createRegionRoutedStore, type RegionRoutedStore } from '../../src/stores/routed/index.js';
import { describeStoreConformance } from '../../src/testing/index.js';
import { changeSet, instanceRecord, journalEntry, outboxMessage, timerRecord } from '../../src/testing/storeRecords.js';
import { STORE_METHODS } from '../../src/stores/routed/shardRouting.js';

/** A memory store with leases, shaped like the PostgreSQL claims, so the routed claims run in Node without a server. */
function withLeases(store: Store): Store {
  const leases = new Map<string, number>();
  const held = (key: string) => (leases.get(key) ?? -Infinity) > Date.now();
  const timerKey = (t: { instanceId: string; id: string }) => `t\u0000${t.instanceId}\u0000${t.id}`;
  const messageKey = (m: OutboxMessage) => `m\u0000${m.sourceInstanceId}\u0000${m.id}`;
  const claims: WorkClaims = {
    async claimDueTimers(now, limit, leaseMs) {
      const free = (await store.dueTimers(now, Number.MAX_SAFE_INTEGER)).filter((t) => !held(timerKey(t))).slice(0, limit);
      for (const t of free) leases.set(timerKey(t), Date.now() + leaseMs);
      return free;
    },
    async releaseTimers(timers) {
      for (const t of timers) leases.delete(timerKey(t));
    },
    async claimPendingOutbox(limit, leaseMs) {
      const free = (await store.pendingOutbox(Number.MAX_SAFE_INTEGER)).filter((m) => !held(messageKey(m))).slice(0, limit);
      for (const m of free) leases.set(messageKey(m), Date.now() + leaseMs);
      return free;
    },
  };
  const wrapped = Object.fromEntries(STORE_METHODS.map((m) => [m, (store[m] as (...args: unknown[]) => unknown).bind(store)])) as unknown as Store;
  return {
    ...wrapped,
    claims,
    async updateOutbox(message) {
      await store.updateOutbox(message);
      leases.delete(messageKey(message));
    },
  };
}

/** Records which methods were called on a store. */
function counted(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

function routed(shards: { bj: Store; jy: Store }, extra: { defaultShard?: string; directorySize?: number } = {}): RegionRoutedStore {
  return createRegionRoutedStore({ shards, regions: { beijing: 'bj', jiyuan: 'jy' }, ...extra });
}

function memoryPair() {
  return { bj: createMemoryStore(), jy: createMemoryStore() };
}

const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);

/** A case of `region` created at revision 1. */
function caseIn(id: string, region: string, overrides: Partial<ChangeSet> = {}, instance: Record<string, unknown> = {}): ChangeSet {
  return changeSet(id, 1, overrides, { region, taskKeys: [`supervision|r:${region}`, 'producer|s:shared'], ...instance });
}

describeStoreConformance('region-routed over memory stores (beijing and jiyuan on different shards)', async () => routed(memoryPair()));

// The same suite with leases on both shards: the routed store then has claims, so the suite's claims test runs.
describeStoreConformance('region-routed over leased memory stores', async () => {
  const store = routed({ bj: withLeases(createMemoryStore()), jy: withLeases(createMemoryStore()) });
  expect(store.claims).toBeDefined();
  return store;
});

describe('region-routed store: options', () => {
  const refusal = (make: () => unknown) => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      const e = error as EngineError;
      expect(e.code).toBe('invalid-input');
      expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
      return e;
    }
    throw new Error('expected a refusal');
  };

  it('refuses no shards, a region on a missing shard, an unknown default, a shard that is not a store, the same store twice', () => {
    const one = createMemoryStore();
    expect(refusal(() => createRegionRoutedStore({ shards: {}, regions: {} })).message).toMatch(/at least one shard/);
    expect(refusal(() => createRegionRoutedStore(undefined as never)).details).toMatchObject({ path: 'options' });
    const missing = refusal(() => createRegionRoutedStore({ shards: { a: one }, regions: { jiyuan: 'a', beijing: 'b' } }));
    expect(missing.message).toContain('region beijing is mapped to shard b');
    expect(missing.messageZh).toContain('地区 beijing 映射到分片 b');
    expect(missing.details).toMatchObject({ region: 'beijing', shard: 'b', shards: ['a'] });
    expect(refusal(() => createRegionRoutedStore({ shards: { a: one }, regions: {}, defaultShard: 'z' })).message).toContain('defaultShard z');
    expect(refusal(() => createRegionRoutedStore({ shards: { a: {} as Store }, regions: {} })).message).toContain('shard a is not a Store');
    expect(refusal(() => createRegionRoutedStore({ shards: { a: one, b: one }, regions: {} })).message).toContain('shards a and b are the same store');
    expect(refusal(() => createRegionRoutedStore({ shards: { a: one }, regions: {}, directorySize: 0 })).details).toMatchObject({ path: 'directorySize' });
  });

  it('has claims only when every shard has them', () => {
    expect(routed(memoryPair()).claims).toBeUndefined();
    expect(routed({ bj: withLeases(createMemoryStore()), jy: createMemoryStore() }).claims).toBeUndefined();
    expect(routed({ bj: withLeases(createMemoryStore()), jy: withLeases(createMemoryStore()) }).claims).toBeDefined();
  });
});

describe('region-routed store: writes', () => {
  it('writes each case, its journal, timers and outbox to the shard of its region only', async () => {
    const shards = memoryPair();
    const store = routed(shards);
    await store.commit(caseIn('j1', 'jiyuan', { timersToAdd: [timerRecord('t1', 'j1', 10)], outboxToAdd: [outboxMessage('m1', 'j1')] }));
    await store.commit(caseIn('b1', 'beijing'));
    const [bj, jy] = [await shards.bj.exportAll(), await shards.jy.exportAll()];
    expect(ids(jy.instances)).toEqual(['j1']);
    expect(jy.journal.map((e) => e.instanceId)).toEqual(['j1']);
    expect(ids(jy.timers)).toEqual(['t1']);
    expect(ids(jy.outbox)).toEqual(['m1']);
    expect(ids(bj.instances)).toEqual(['b1']);
    expect([bj.timers, bj.outbox]).toEqual([[], []]);
    expect(store.shardOfRegion('jiyuan')).toBe('jy');
    expect(store.shardNames).toEqual(['bj', 'jy']);
  });

  it('refuses a case of a region without a shard, naming the region, and writes nothing; a default shard takes it', async () => {
    const shards = memoryPair();
    const store = routed(shards);
    const kaizhou = caseIn('k1', 'kaizhou');
    await expect(store.commit(kaizhou)).rejects.toMatchObject({ code: 'invalid-input', details: { region: 'kaizhou' }, message: expect.stringContaining('kaizhou') });
    expect((await shards.bj.exportAll()).journal).toEqual([]);
    expect((await shards.jy.exportAll()).journal).toEqual([]);
    const withDefault = routed(shards, { defaultShard: 'bj' });
    await withDefault.commit(kaizhou);
    expect(ids((await shards.bj.exportAll()).instances)).toEqual(['k1']);
    expect(ids(await withDefault.findInstances({ region: 'kaizhou' }))).toEqual(['k1']);
  });

  it('refuses a write routed to another shard than the one the case was found on (the region map changed)', async () => {
    const shards = memoryPair();
    await routed(shards).commit(caseIn('j1', 'jiyuan'));
    const remapped = createRegionRoutedStore({ shards, regions: { jiyuan: 'bj' } });
    expect((await remapped.getInstance('j1'))?.region).toBe('jiyuan');
    const next = changeSet('j1', 2, {}, { region: 'jiyuan' });
    await expect(remapped.commit(next)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'shard-mismatch', storedOn: 'jy', regionShard: 'bj' } });
    expect((await shards.bj.exportAll()).instances).toEqual([]);
  });
});

describe('region-routed store: reads by id', () => {
  it('asks every shard for an unknown id once, then only the shard that had it', async () => {
    const bj = counted(createMemoryStore());
    const jy = counted(createMemoryStore());
    await jy.store.commit(caseIn('j1', 'jiyuan', { timersToAdd: [timerRecord('t1', 'j1', 10)] }));
    const store = routed({ bj: bj.store, jy: jy.store });
    bj.calls.length = 0;
    jy.calls.length = 0;
    expect((await store.getInstance('j1'))?.id).toBe('j1');
    expect([bj.calls, jy.calls]).toEqual([['getInstance'], ['getInstance']]);
    expect((await store.getInstance('j1'))?.id).toBe('j1');
    expect(await store.getJournal('j1')).toHaveLength(1);
    expect(ids(await store.timersOf('j1'))).toEqual(['t1']);
    expect(bj.calls).toEqual(['getInstance']);
    expect(jy.calls).toEqual(['getInstance', 'getInstance', 'getJournal', 'timersOf']);
    // A missing id asks everyone and answers undefined / [].
    expect(await store.getInstance('nope')).toBeUndefined();
    expect(await store.getJournal('nope')).toEqual([]);
    expect(await store.timersOf('nope')).toEqual([]);
  });

  it('learns the shard of a case from its commit, and forgets the least recently used ids beyond directorySize', async () => {
    const bj = counted(createMemoryStore());
    const jy = counted(createMemoryStore());
    const store = routed({ bj: bj.store, jy: jy.store }, { directorySize: 1 });
    await store.commit(caseIn('j1', 'jiyuan'));
    jy.calls.length = 0;
    await store.getInstance('j1');
    expect(bj.calls).toEqual([]); // known from the commit
    await store.commit(caseIn('b1', 'beijing')); // pushes j1 out of a directory of one
    bj.calls.length = 0;
    await store.getInstance('j1');
    expect(bj.calls).toEqual(['getInstance']);
  });

  it('finds a command on whichever shard recorded it, and a point read still answers when a shard without the case fails', async () => {
    const shards = memoryPair();
    const store = routed(shards);
    await store.commit(caseIn('j1', 'jiyuan'));
    expect((await store.findByCommand('j1-c1'))?.instanceId).toBe('j1');
    expect(await store.findByCommand('nope')).toBeUndefined();

    const down = Object.assign(Object.create(shards.bj) as Store, { getInstance: async () => Promise.reject(new Error('cluster down')) });
    const fresh = routed({ bj: down, jy: shards.jy });
    expect((await fresh.getInstance('j1'))?.id).toBe('j1');
    await expect(fresh.getInstance('nope')).rejects.toThrow('cluster down'); // cannot say "missing" without that shard
  });
});

describe('region-routed store: queries across shards', () => {
  /** Ten cases with ids alternating between the regions, created in a shuffled order. */
  async function tenCases() {
    const shards = memoryPair();
    const store = routed(shards);
    for (const n of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5]) await store.commit(caseIn(`c${n}`, n % 2 === 0 ? 'beijing' : 'jiyuan'));
    return { store, shards };
  }
  const all = Array.from({ length: 10 }, (_, n) => `c${n}`);

  it('merges instance queries by id with correct limit and offset, and sums counts', async () => {
    const { store } = await tenCases();
    expect(ids(await store.findInstances({ workflowId: 'sample' }))).toEqual(all);
    const pages: string[][] = [];
    for (let offset = 0; offset < 12; offset += 3) pages.push(ids(await store.findInstances({ workflowId: 'sample', limit: 3, offset })));
    expect(pages).toEqual([['c0', 'c1', 'c2'], ['c3', 'c4', 'c5'], ['c6', 'c7', 'c8'], ['c9']]);
    expect(ids(await store.findInstances({ offset: 8 }))).toEqual(['c8', 'c9']);
    expect(await store.countInstances({})).toBe(10);
    expect(await store.countInstances({ workflowId: 'sample', status: 'active' })).toBe(10);
  });

  it('sends a query naming a region to that shard only', async () => {
    const bj = counted(createMemoryStore());
    const jy = counted(createMemoryStore());
    const store = routed({ bj: bj.store, jy: jy.store });
    await store.commit(caseIn('c1', 'jiyuan'));
    await store.commit(caseIn('c2', 'beijing'));
    bj.calls.length = 0;
    expect(ids(await store.findInstances({ region: 'jiyuan', limit: 5, offset: 0 }))).toEqual(['c1']);
    expect(await store.countInstances({ region: 'jiyuan' })).toBe(1);
    expect(await store.findInstances({ region: 'kaizhou' })).toEqual([]);
    expect(await store.countInstances({ region: 'kaizhou' })).toBe(0);
    expect(bj.calls).toEqual([]);
  });

  it('finds task-key matches on every shard, each once, whatever region a key names', async () => {
    const { store } = await tenCases();
    const keys = ['supervision|r:jiyuan', 'supervision|r:beijing', 'producer|s:shared'];
    const sorted = async (k: string[], limit = 20) => ids(await store.findByTaskKeys(k, limit)).sort();
    expect(await sorted(keys)).toEqual(all);
    expect(await sorted(['supervision|r:jiyuan'])).toEqual(['c1', 'c3', 'c5', 'c7', 'c9']);
    expect(await sorted(['supervision|r:beijing', 'producer|s:shared'], 3)).toHaveLength(3);
    expect(await store.findByTaskKeys([], 10)).toEqual([]);
    // By id across shards when the shards list by id (PostgreSQL; see routedPostgres.test.ts): here the
    // memory shards list in insertion order, and the merge keeps it stable (next test).
  });

  it('pages consistently even when a shard lists matches in its own (non-id) order', async () => {
    // The memory store lists task-key matches key by key in insertion order, not by id.
    const { store } = await tenCases();
    const keys = ['producer|s:shared', 'supervision|r:jiyuan'];
    const everything = ids(await store.findByTaskKeys(keys, 100));
    expect([...everything].sort()).toEqual(all);
    for (const limit of [1, 2, 3, 4]) {
      const paged: string[] = [];
      for (let offset = 0; offset < 10; offset += limit) paged.push(...ids(await store.findByTaskKeys(keys, limit, offset)));
      expect(paged).toEqual(everything);
    }
  });
});

describe('region-routed store: timers and outbox across shards', () => {
  async function timedPair() {
    const shards = memoryPair();
    const store = routed(shards);
    await store.commit(caseIn('j1', 'jiyuan', { timersToAdd: [timerRecord('tj20', 'j1', 20), timerRecord('tb10', 'j1', 10)], outboxToAdd: [outboxMessage('m2', 'j1', 5), outboxMessage('m9', 'j1', 1)] }));
    await store.commit(caseIn('b1', 'beijing', { timersToAdd: [timerRecord('ta10', 'b1', 10), timerRecord('tb30', 'b1', 30)], outboxToAdd: [outboxMessage('m1', 'b1', 5), outboxMessage('m3', 'b1', 3)] }));
    return { store, shards };
  }

  it('merges due timers earliest first, ties by id, within the limit; nextDueAt is the earliest of all shards', async () => {
    const { store } = await timedPair();
    expect(ids(await store.dueTimers(100, 10))).toEqual(['ta10', 'tb10', 'tj20', 'tb30']);
    expect(ids(await store.dueTimers(100, 2))).toEqual(['ta10', 'tb10']);
    expect(ids(await store.dueTimers(25, 10))).toEqual(['ta10', 'tb10', 'tj20']);
    expect(await store.nextDueAt()).toBe(10);
    await store.deleteTimers([{ instanceId: 'b1', id: 'ta10' }, { instanceId: 'j1', id: 'tb10' }]);
    expect(await store.nextDueAt()).toBe(20);
    expect(ids(await store.timersOf('b1'))).toEqual(['tb30']);
  });

  it('deletes timers of cases it has not seen on whichever shard holds them', async () => {
    const { shards } = await timedPair();
    const fresh = routed(shards);
    await fresh.deleteTimers([{ instanceId: 'b1', id: 'ta10' }, { instanceId: 'j1', id: 'tj20' }, { instanceId: 'b1', id: 'tj20' }]);
    expect(ids(await shards.bj.timersOf('b1'))).toEqual(['tb30']);
    expect(ids(await shards.jy.timersOf('j1'))).toEqual(['tb10']);
  });

  it('merges pending messages oldest first, ties by id, and updates a message on its source case shard', async () => {
    const { store, shards } = await timedPair();
    expect(ids(await store.pendingOutbox(10))).toEqual(['m9', 'm3', 'm1', 'm2']);
    expect(ids(await store.pendingOutbox(3))).toEqual(['m9', 'm3', 'm1']);
    const fresh = routed(shards); // nothing learnt yet: the source case is looked up
    await fresh.updateOutbox({ ...outboxMessage('m2', 'j1', 5), status: 'delivered', attempts: 1 });
    expect(ids(await store.pendingOutbox(10))).toEqual(['m9', 'm3', 'm1']);
    await expect(fresh.updateOutbox(outboxMessage('zz', 'j1'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(fresh.updateOutbox(outboxMessage('m1', 'ghost'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('region-routed store: claims', () => {
  async function leasedPair() {
    const shards = { bj: withLeases(createMemoryStore()), jy: withLeases(createMemoryStore()) };
    const store = routed(shards);
    await store.commit(caseIn('j1', 'jiyuan', { timersToAdd: [timerRecord('t1', 'j1', 10), timerRecord('t4', 'j1', 40)], outboxToAdd: [1, 2, 3, 4, 5].map((n) => outboxMessage(`mj${n}`, 'j1', n)) }));
    await store.commit(caseIn('b1', 'beijing', { timersToAdd: [timerRecord('t2', 'b1', 20), timerRecord('t3', 'b1', 30)] }));
    return { store, claims: store.claims!, shards };
  }

  it('claims the earliest due timers across shards and releases what it trimmed, so nothing stays held', async () => {
    const { claims, shards } = await leasedPair();
    const release = vi.spyOn(shards.bj.claims!, 'releaseTimers');
    expect(ids(await claims.claimDueTimers(100, 2, 60_000))).toEqual(['t1', 't2']);
    // The jiyuan shard claimed t1 and t4, the beijing shard t2 and t3: t3 and t4 went back at once.
    expect(release).toHaveBeenCalledWith([{ id: 't3', instanceId: 'b1' }]);
    expect(ids(await claims.claimDueTimers(100, 10, 60_000))).toEqual(['t3', 't4']);
    expect(await claims.claimDueTimers(100, 10, 60_000)).toEqual([]);
    await claims.releaseTimers([{ instanceId: 'j1', id: 't4' }, { instanceId: 'b1', id: 't2' }]);
    expect(ids(await claims.claimDueTimers(100, 10, 60_000))).toEqual(['t2', 't4']);
  });

  it('releases the timers it claimed when another shard fails the claim', async () => {
    const { store, shards } = await leasedPair();
    vi.spyOn(shards.bj.claims!, 'claimDueTimers').mockRejectedValueOnce(new Error('cluster down'));
    await expect(store.claims!.claimDueTimers(100, 10, 60_000)).rejects.toThrow('cluster down');
    expect(ids(await store.claims!.claimDueTimers(100, 10, 60_000))).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('never claims more messages than the limit, and reaches messages that sit on one shard even with a limit of 1', async () => {
    const { claims } = await leasedPair();
    // All five messages are on the jiyuan shard; whichever shard's turn it is, a claim of 1 gets one.
    expect(ids(await claims.claimPendingOutbox(1, 60_000))).toEqual(['mj1']);
    expect(ids(await claims.claimPendingOutbox(1, 60_000))).toEqual(['mj2']);
    // Split 2 + 1, the beijing shard drained, its share offered to the jiyuan shard in a second round.
    expect(ids(await claims.claimPendingOutbox(3, 60_000))).toEqual(['mj3', 'mj4', 'mj5']);
    expect(await claims.claimPendingOutbox(10, 60_000)).toEqual([]);
  });

  it('splits the outbox limit across shards that both have messages', async () => {
    const { store, claims } = await leasedPair();
    await store.commit(changeSet('b1', 2, { outboxToAdd: [1, 2, 3].map((n) => outboxMessage(`mb${n}`, 'b1', n)) }, { region: 'beijing' }));
    const first = ids(await claims.claimPendingOutbox(4, 60_000));
    expect(first).toHaveLength(4);
    expect(first.filter((id) => id.startsWith('mb'))).toHaveLength(2);
    const rest = ids(await claims.claimPendingOutbox(10, 60_000));
    expect([...first, ...rest].sort()).toEqual(['mb1', 'mb2', 'mb3', 'mj1', 'mj2', 'mj3', 'mj4', 'mj5']);
  });
});

describe('region-routed store: export and import', () => {
  function dumpOf(...parts: Array<Partial<StoreDump>>): StoreDump {
    return {
      instances: parts.flatMap((p) => p.instances ?? []),
      journal: parts.flatMap((p) => p.journal ?? []),
      timers: parts.flatMap((p) => p.timers ?? []),
      outbox: parts.flatMap((p) => p.outbox ?? []),
    };
  }
  const caseDump = (id: string, region: string, timers: TimerRecord[] = [], outbox: OutboxMessage[] = []) =>
    dumpOf({ instances: [instanceRecord(id, { region })], journal: [journalEntry(id, 1)], timers, outbox });

  it('exports the union of the shards and imports each record onto the shard of its case', async () => {
    const source = routed(memoryPair());
    await source.commit(caseIn('j1', 'jiyuan', { timersToAdd: [timerRecord('t1', 'j1', 10)], outboxToAdd: [outboxMessage('m1', 'j1')] }));
    await source.commit(caseIn('b1', 'beijing', { timersToAdd: [timerRecord('t2', 'b1', 5)] }));
    const dump = await source.exportAll();
    expect(ids(dump.instances)).toEqual(['b1', 'j1']);
    expect(ids(dump.timers)).toEqual(['t2', 't1']);
    const shards = memoryPair();
    const target = routed(shards);
    expect(Object.keys(target.splitDump(dump))).toEqual(['bj', 'jy']);
    await target.importAll(dump);
    const [bj, jy] = [await shards.bj.exportAll(), await shards.jy.exportAll()];
    expect([ids(bj.instances), bj.journal.map((e) => e.instanceId), ids(bj.timers), ids(bj.outbox)]).toEqual([['b1'], ['b1'], ['t2'], []]);
    expect([ids(jy.instances), jy.journal.map((e) => e.instanceId), ids(jy.timers), ids(jy.outbox)]).toEqual([['j1'], ['j1'], ['t1'], ['m1']]);
    expect(await target.exportAll()).toEqual(dump);
  });

  it('refuses, writing nothing, records of a case not in the dump and cases of a region without a shard', async () => {
    const shards = memoryPair();
    const target = routed(shards);
    const orphans: Array<[Partial<StoreDump>, string]> = [
      [{ journal: [journalEntry('ghost', 1)] }, 'journal'],
      [{ timers: [timerRecord('t9', 'ghost', 1)] }, 'timers'],
      [{ outbox: [outboxMessage('m9', 'ghost')] }, 'outbox'],
    ];
    for (const [orphan, table] of orphans) {
      await expect(target.importAll(dumpOf(caseDump('b1', 'beijing'), caseDump('j1', 'jiyuan'), orphan))).rejects.toMatchObject({
        code: 'invalid-input',
        details: { path: table, instanceId: 'ghost' },
      });
    }
    await expect(target.importAll(dumpOf(caseDump('j1', 'jiyuan'), caseDump('k1', 'kaizhou')))).rejects.toMatchObject({ code: 'invalid-input', details: { region: 'kaizhou' } });
    await expect(target.importAll({ instances: [] } as unknown as StoreDump)).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await shards.bj.exportAll()).instances).toEqual([]);
    expect((await shards.jy.exportAll()).instances).toEqual([]);
  });

  it('finds collisions on any shard before the first shard writes', async () => {
    const shards = memoryPair();
    const store = routed(shards);
    await store.commit(caseIn('j1', 'jiyuan'));
    const before = [await shards.bj.exportAll(), await shards.jy.exportAll()];
    // The beijing part (imported first) is clean; the jiyuan part reuses a recorded command id.
    const reused = dumpOf(caseDump('b2', 'beijing'), { instances: [instanceRecord('j2', { region: 'jiyuan' })], journal: [{ ...journalEntry('j2', 1), commandId: 'j1-c1' }] });
    await expect(store.importAll(reused)).rejects.toMatchObject({ code: 'conflict', details: { table: 'journal', key: 'j1-c1' } });
    // A case id that exists on another shard than the one its region maps to.
    await expect(store.importAll(dumpOf(caseDump('b2', 'beijing'), caseDump('j1', 'beijing')))).rejects.toMatchObject({ code: 'conflict', details: { table: 'instances', key: 'j1' } });
    // Keys repeated within one shard's part.
    await expect(store.importAll(dumpOf(caseDump('b2', 'beijing'), caseDump('j3', 'jiyuan', [timerRecord('t', 'j3', 1), timerRecord('t', 'j3', 2)])))).rejects.toMatchObject({ code: 'conflict', details: { table: 'timers' } });
    await expect(store.importAll(dumpOf(caseDump('b2', 'beijing'), caseDump('b2', 'beijing')))).rejects.toMatchObject({ code: 'conflict', details: { table: 'instances' } });
    expect([await shards.bj.exportAll(), await shards.jy.exportAll()]).toEqual(before);
  });

  it('names the shards already imported when a later shard fails its part', async () => {
    const shards = memoryPair();
    const failing = Object.assign(Object.create(shards.jy) as Store, { importAll: async () => Promise.reject(new EngineError('unavailable', { en: 'connection lost', zh: '连接中断' })) });
    const store = routed({ bj: shards.bj, jy: failing });
    const dump = dumpOf(caseDump('b1', 'beijing'), caseDump('j1', 'jiyuan'));
    const error = await store.importAll(dump).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', details: { importedShards: ['bj'], failedShard: 'jy', reason: 'partial-import' } });
    expect((error as EngineError).messageZh).toContain('已导入');
    expect(ids((await shards.bj.exportAll()).instances)).toEqual(['b1']);
    // The remaining part alone, straight into its shard.
    await shards.jy.importAll(store.splitDump(dump).jy!);
    expect(ids((await shards.jy.exportAll()).instances)).toEqual(['j1']);
  });

  it('closes every shard, even when one fails to close', async () => {
    const shards = memoryPair();
    const closeBj = vi.spyOn(shards.bj, 'close').mockRejectedValue(new Error('already gone'));
    const closeJy = vi.spyOn(shards.jy, 'close');
    await expect(routed(shards).close()).rejects.toThrow('already gone');
    expect(closeBj).toHaveBeenCalledOnce();
    expect(closeJy).toHaveBeenCalledOnce();
  });
});
