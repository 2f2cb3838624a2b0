/**
 * One suite for every Store adapter (memory, Dexie on fake-indexeddb, Dexie in real Chromium, later
 * PostgreSQL): the contract the engine relies on, above all that a commit is all-or-nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { changeSet, instanceRecord, journalEntry, outboxMessage, timerRecord } from './storeRecords.js';
import type { JournalEntry } from '../types.js';

async function snapshotOf(store: Store) {
  const dump = await store.exportAll();
  const byId = <T>(list: T[], key: (t: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    instances: byId(dump.instances, (i) => i.id),
    journal: byId(dump.journal, (j) => `${j.instanceId}#${j.seq}`),
    timers: byId(dump.timers, (t) => t.id),
    outbox: byId(dump.outbox, (m) => m.id),
  };
}

export function describeStoreConformance(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store conformance: ${name}`, () => {
    it('commits a new instance with its journal entry, command, timers and outbox', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t1', 'a', 50)], outboxToAdd: [outboxMessage('m1', 'a')] }));
      expect((await store.getInstance('a'))?.revision).toBe(1);
      expect(await store.getJournal('a')).toHaveLength(1);
      expect((await store.findByCommand('a-c1'))?.revision).toBe(1);
      expect(await store.findByCommand('nope')).toBeUndefined();
      expect((await store.timersOf('a')).map((t) => t.id)).toEqual(['t1']);
      expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['m1']);
      expect(await store.getInstance('missing')).toBeUndefined();
      await store.close();
    });

    it('advances revisions and keeps the journal in seq order', async () => {
      const store = await makeStore();
      for (let revision = 1; revision <= 4; revision++) await store.commit(changeSet('a', revision));
      expect((await store.getJournal('a')).map((j) => j.seq)).toEqual([1, 2, 3, 4]);
      expect((await store.getInstance('a'))?.revision).toBe(4);
      await store.close();
    });

    it('refuses a stale revision as a conflict and writes nothing', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1));
      await store.commit(changeSet('a', 2));
      const before = await snapshotOf(store);
      const stale = changeSet('a', 3, { expectedRevision: 1, timersToAdd: [timerRecord('t9', 'a', 5)] });
      await expect(store.commit(stale)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'stale-revision' } });
      expect(await snapshotOf(store)).toEqual(before);
      await store.close();
    });

    it('refuses to create an instance that exists', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1));
      const again = changeSet('a', 1, { journal: { ...changeSet('a', 1).journal, commandId: 'other' } });
      await expect(store.commit(again)).rejects.toMatchObject({ code: 'conflict' });
      await store.close();
    });

    it('refuses a repeated command id and writes nothing', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1));
      const before = await snapshotOf(store);
      const repeat = changeSet('a', 2, { journal: { ...changeSet('a', 2).journal, commandId: 'a-c1' } });
      await expect(store.commit(repeat)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'duplicate-command' } });
      expect(await snapshotOf(store)).toEqual(before);
      await store.close();
    });

    it('is atomic: a failure late in the transaction leaves every table as it was', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t1', 'a', 10)], outboxToAdd: [outboxMessage('m1', 'a')] }));
      const before = await snapshotOf(store);
      // The outbox id collides with an existing row: the instance update, journal append, command,
      // timer removal and timer insert that precede it in the same commit must all roll back.
      const failing = changeSet('a', 2, {
        timerIdsToRemove: ['t1'],
        timersToAdd: [timerRecord('t2', 'a', 20)],
        outboxToAdd: [outboxMessage('m1', 'a')],
      });
      await expect(store.commit(failing)).rejects.toMatchObject({ code: 'conflict' });
      expect(await snapshotOf(store)).toEqual(before);
      // …and the same commit without the collision then succeeds.
      await store.commit({ ...failing, outboxToAdd: [outboxMessage('m2', 'a')] });
      expect((await store.getInstance('a'))?.revision).toBe(2);
      expect((await store.timersOf('a')).map((t) => t.id)).toEqual(['t2']);
      await store.close();
    });

    it('finds instances by workflow, region, subject, state (with sub-states) and status', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, {}, { region: 'beijing', state: { review: 'initial' }, stateKey: 'review.initial' }));
      await store.commit(changeSet('b', 1, {}, { region: 'jiyuan', state: { review: 'final' }, stateKey: 'review.final' }));
      await store.commit(changeSet('c', 1, {}, { region: 'jiyuan', workflowId: 'other', state: 'reviewed', stateKey: 'reviewed', status: 'done' }));
      const ids = async (q: Parameters<Store['findInstances']>[0]) => (await store.findInstances(q)).map((r) => r.id).sort();
      expect(await ids({ workflowId: 'sample' })).toEqual(['a', 'b']);
      expect(await ids({ region: 'jiyuan' })).toEqual(['b', 'c']);
      expect(await ids({ workflowId: 'sample', region: 'jiyuan' })).toEqual(['b']);
      expect(await ids({ subject: 'farm-a' })).toEqual(['a']);
      expect(await ids({ workflowId: 'sample', state: 'review' })).toEqual(['a', 'b']);
      expect(await ids({ workflowId: 'sample', state: 'review.final' })).toEqual(['b']);
      expect(await ids({ workflowId: 'other', state: 'review' })).toEqual([]);
      expect(await ids({ state: 'review' })).toEqual(['a', 'b']);
      expect(await ids({ status: 'done' })).toEqual(['c']);
      expect(await store.countInstances({ region: 'jiyuan' })).toBe(2);
      expect(await store.findInstances({ workflowId: 'sample', limit: 1 })).toHaveLength(1);
      expect(await store.findInstances({ workflowId: 'sample', limit: 5, offset: 1 })).toHaveLength(1);
      await store.close();
    });

    it('finds instances by division-code prefix (data scope), at every level, and only there', async () => {
      const store = await makeStore();
      // 承留镇 and 梨林镇 of Jiyuan (419001), a village of 承留镇, a Beijing town, and a case with no division.
      await store.commit(changeSet('a', 1, {}, { region: 'jiyuan', division: '419001103' }));
      await store.commit(changeSet('b', 1, {}, { region: 'jiyuan', division: '419001106' }));
      await store.commit(changeSet('c', 1, {}, { region: 'jiyuan', division: '419001103201' }));
      await store.commit(changeSet('d', 1, {}, { region: 'beijing', division: '110112106' }));
      await store.commit(changeSet('e', 1, {}, { region: 'jiyuan' }));
      const ids = async (q: Parameters<Store['findInstances']>[0]) => (await store.findInstances(q)).map((r) => r.id).sort();
      expect(await ids({ division: '41' })).toEqual(['a', 'b', 'c']);
      expect(await ids({ division: '419001' })).toEqual(['a', 'b', 'c']);
      expect(await ids({ division: '419001103' })).toEqual(['a', 'c']);
      expect(await ids({ division: '419001103201' })).toEqual(['c']);
      expect(await ids({ division: '4190011032' })).toEqual(['c']);
      expect(await ids({ region: 'jiyuan', division: '419001106' })).toEqual(['b']);
      expect(await ids({ region: 'beijing', division: '419001' })).toEqual([]);
      expect(await ids({ division: '11' })).toEqual(['d']);
      expect(await store.countInstances({ division: '419001' })).toBe(3);
      expect((await store.getInstance('a'))?.division).toBe('419001103');
      await store.close();
    });

    it('finds instances by task keys, each once, and forgets keys an instance no longer has', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, {}, { taskKeys: ['producer|s:farm-a', 'supervision|r:jiyuan'] }));
      await store.commit(changeSet('b', 1, {}, { taskKeys: ['supervision|r:jiyuan'] }));
      const ids = async (keys: string[], limit = 10) => (await store.findByTaskKeys(keys, limit)).map((r) => r.id).sort();
      expect(await ids(['supervision|r:jiyuan', 'producer|s:farm-a'])).toEqual(['a', 'b']);
      expect(await ids(['supervision|r:jiyuan'], 1)).toHaveLength(1);
      expect(await ids([])).toEqual([]);
      await store.commit(changeSet('a', 2, {}, { taskKeys: ['district|r:jiyuan'] }));
      expect(await ids(['supervision|r:jiyuan'])).toEqual(['b']);
      expect(await ids(['district|r:jiyuan'])).toEqual(['a']);
      await store.close();
    });

    it('finds the cases a person opened or acted on, most recently updated first, each once, paged', async () => {
      const store = await makeStore();
      const step = (id: string, revision: number, actor: string, kind: JournalEntry['kind'], updatedAt: number) =>
        store.commit(changeSet(id, revision, { journal: { ...journalEntry(id, revision), kind, actor: { id: actor, role: 'supervision' } } }, { updatedAt }));
      await step('a', 1, 'farmer', 'start', 10);
      await step('a', 2, 'officer', 'event', 50);
      await step('a', 3, 'officer', 'task', 60);
      await step('b', 1, 'farmer', 'start', 20);
      await step('c', 1, 'officer', 'start', 30);
      await step('c', 2, 'officer', 'timer', 70);
      await step('d', 1, 'farmer', 'start', 40);
      await step('d', 2, 'officer', 'event', 40);
      const ids = async (actor: string, part: 'opened' | 'acted', limit = 10, offset = 0) => (await store.findByActor(actor, part, limit, offset)).map((r) => r.id);
      // Ordered by the case's last update (a: 60, d: 40, b: 20), not by when the farmer opened it.
      expect(await ids('farmer', 'opened')).toEqual(['a', 'd', 'b']);
      // A case the officer stepped in twice is listed once; the engine's own timer steps are not theirs; opening is not acting.
      expect(await ids('officer', 'acted')).toEqual(['a', 'd']);
      expect(await ids('officer', 'opened')).toEqual(['c']);
      expect(await ids('nobody', 'acted')).toEqual([]);
      expect([...(await ids('farmer', 'opened', 2, 0)), ...(await ids('farmer', 'opened', 2, 2))]).toEqual(['a', 'd', 'b']);
      expect((await store.findByActor('officer', 'acted', 1))[0]).toMatchObject({ id: 'a', revision: 3 });
      await store.close();
    });

    it('hands out each case number of a series once, from 1, under concurrent starts, and per series', async () => {
      const store = await makeStore();
      // Fresh series names: a shared database keeps its series from earlier tests.
      const series = `jiyuan-${crypto.randomUUID().slice(0, 8)}`;
      const other = `beijing-${crypto.randomUUID().slice(0, 8)}`;
      expect(await store.nextCaseSequence('jiyuan', series)).toBe(1);
      const concurrent = await Promise.all(Array.from({ length: 20 }, () => store.nextCaseSequence('jiyuan', series)));
      expect([...concurrent].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      expect(await store.nextCaseSequence('beijing', other)).toBe(1);
      expect(await store.nextCaseSequence('jiyuan', series)).toBe(22);
      await store.close();
    });

    it('starts a series above the case numbers an import loads', async () => {
      const store = await makeStore();
      const series = `jiyuan-${crypto.randomUUID().slice(0, 8)}`;
      const numbered = (id: string, n: number) => instanceRecord(id, { region: 'jiyuan', caseNumber: `${series}-${String(n).padStart(6, '0')}` });
      await store.importAll({ instances: [numbered('n1', 7), numbered('n2', 41)], journal: [journalEntry('n1', 1), journalEntry('n2', 1)], timers: [], outbox: [] });
      expect(await store.nextCaseSequence('jiyuan', series)).toBe(42);
      expect((await store.getInstance('n2'))?.caseNumber).toBe(`${series}-000041`);
      await store.close();
    });

    it('pages task-key matches in a stable order without overlap or gaps', async () => {
      const store = await makeStore();
      for (const id of ['e', 'b', 'd', 'a', 'c', 'f', 'g']) {
        await store.commit(changeSet(id, 1, {}, { taskKeys: id < 'd' ? ['supervision|r:jiyuan', 'producer|s:x'] : ['producer|s:x'] }));
      }
      const keys = ['supervision|r:jiyuan', 'producer|s:x'];
      const pages: string[][] = [];
      for (let offset = 0; offset < 9; offset += 3) pages.push((await store.findByTaskKeys(keys, 3, offset)).map((r) => r.id));
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      const again = (await store.findByTaskKeys(keys, 3, 3)).map((r) => r.id);
      expect(again).toEqual(pages[1]);
      await store.close();
    });

    it('keeps any JSON a record carries exactly: NUL characters, __proto__ keys, deep nesting, large numbers', async () => {
      const store = await makeStore();
      const context = JSON.parse('{"__proto__": {"polluted": true}, "note": "a\\u0000b", "n": 1234567890123, "f": 0.1, "deep": [[[{"x": "农安"}]]]}');
      await store.commit(changeSet('a', 1, {}, { context }));
      const stored = (await store.getInstance('a'))!;
      expect(JSON.stringify(stored.context)).toBe(JSON.stringify(context));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await store.close();
    });

    it('returns due timers earliest first, ties by id, and removes them', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t3', 'a', 30), timerRecord('t1', 'a', 10), timerRecord('t2b', 'a', 20), timerRecord('t2a', 'a', 20)] }));
      expect(await store.nextDueAt()).toBe(10);
      expect((await store.dueTimers(20, 10)).map((t) => t.id)).toEqual(['t1', 't2a', 't2b']);
      expect((await store.dueTimers(100, 2)).map((t) => t.id)).toEqual(['t1', 't2a']);
      expect(await store.dueTimers(5, 10)).toEqual([]);
      await store.deleteTimers([{ instanceId: 'a', id: 't1' }, { instanceId: 'a', id: 'nope' }, { instanceId: 'other', id: 't2a' }]);
      expect(await store.nextDueAt()).toBe(20);
      expect((await store.timersOf('a')).map((t) => t.id).sort()).toEqual(['t2a', 't2b', 't3']);
      await store.commit(changeSet('a', 2, { timerIdsToRemove: ['t2a', 't2b', 't3'] }));
      expect(await store.nextDueAt()).toBeNull();
      await store.close();
    });

    it('rewrites a timer removed and re-added under the same id in one commit', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t1', 'a', 10, 'notice')] }));
      await store.commit(changeSet('a', 2, { timerIdsToRemove: ['t1'], timersToAdd: [timerRecord('t1', 'a', 10, 'publicNotice')] }));
      expect(await store.timersOf('a')).toEqual([timerRecord('t1', 'a', 10, 'publicNotice')]);
      await store.close();
    });

    it('keeps outbox messages pending until updated', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1, { outboxToAdd: [outboxMessage('m2', 'a', 2), outboxMessage('m1', 'a', 1)] }));
      expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['m1', 'm2']);
      const [first] = await store.pendingOutbox(1);
      await store.updateOutbox({ ...first!, status: 'delivered', attempts: 1, outcomes: [{ instanceId: 'x', result: 'applied' }] });
      expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['m2']);
      await expect(store.updateOutbox(outboxMessage('zz', 'a'))).rejects.toMatchObject({ code: 'not-found' });
      await store.close();
    });

    it('exports and imports everything, and an import that collides writes nothing', async () => {
      const source = await makeStore();
      await source.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t1', 'a', 10)], outboxToAdd: [outboxMessage('m1', 'a')] }));
      await source.commit(changeSet('a', 2));
      const dump = await source.exportAll();
      const target = await makeStore();
      await target.importAll(dump);
      expect(await snapshotOf(target)).toEqual(await snapshotOf(source));
      const before = await snapshotOf(target);
      // A new instance whose first journal entry reuses a recorded command id.
      const colliding = { instances: [instanceRecord('new')], journal: [{ ...journalEntry('new', 1), commandId: dump.journal[0]!.commandId }], timers: [], outbox: [] };
      await expect(target.importAll(colliding)).rejects.toMatchObject({ code: 'conflict' });
      expect(await snapshotOf(target)).toEqual(before);
      await source.close();
      await target.close();
    });

    it('hands claimed timers and messages to one claimer at a time, until released or the lease ends', async () => {
      const store = await makeStore();
      if (!store.claims) return void (await store.close()); // single-process stores (memory, IndexedDB) have no claims
      const claims = store.claims;
      await store.commit(changeSet('a', 1, { timersToAdd: [timerRecord('t1', 'a', 10), timerRecord('t2', 'a', 20), timerRecord('t9', 'a', 900)], outboxToAdd: [outboxMessage('m1', 'a', 1), outboxMessage('m2', 'a', 2)] }));
      await store.commit(changeSet('b', 1, { timersToAdd: [timerRecord('t3', 'b', 15)] }));
      const [first, second] = await Promise.all([claims.claimDueTimers(100, 2, 60_000), claims.claimDueTimers(100, 2, 60_000)]);
      const ids = [...first!, ...second!].map((t) => t.id).sort();
      expect(ids).toEqual(['t1', 't2', 't3']); // each due timer to exactly one claimer; t9 is not due
      expect(await claims.claimDueTimers(100, 10, 60_000)).toEqual([]);
      await claims.releaseTimers([{ instanceId: 'a', id: 't2' }]);
      expect((await claims.claimDueTimers(100, 10, 60_000)).map((t) => t.id)).toEqual(['t2']);
      // A zero lease ends at once: what a worker that died leaves behind is claimable again.
      await claims.releaseTimers([{ instanceId: 'a', id: 't2' }]);
      expect((await claims.claimDueTimers(100, 10, 0)).map((t) => t.id)).toEqual(['t2']);
      expect((await claims.claimDueTimers(100, 10, 0)).map((t) => t.id)).toEqual(['t2']);

      const messages = await claims.claimPendingOutbox(1, 60_000);
      expect(messages.map((m) => m.id)).toEqual(['m1']);
      expect((await claims.claimPendingOutbox(10, 60_000)).map((m) => m.id)).toEqual(['m2']);
      expect(await claims.claimPendingOutbox(10, 60_000)).toEqual([]);
      await store.updateOutbox({ ...messages[0]!, attempts: 1, lastError: 'retry later' });
      expect((await claims.claimPendingOutbox(10, 60_000)).map((m) => m.id)).toEqual(['m1']); // updating ends the claim
      await store.close();
    });

    it('hands out copies: mutating a returned record does not change the store', async () => {
      const store = await makeStore();
      await store.commit(changeSet('a', 1));
      const record = (await store.getInstance('a'))!;
      record.revision = 99;
      (record.context as { note: string }).note = 'changed';
      const again = (await store.getInstance('a'))!;
      expect(again.revision).toBe(1);
      expect(again.context).toEqual({ note: '草稿' });
      await store.close();
    });
  });
}
