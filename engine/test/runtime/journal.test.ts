/**
 * The hash-chained journal: tampering with a stored copy (export → edit the dump → import into a fresh
 * store → a new engine on it) is detected by `verify`, which names each problem by seq and kind.
 *
 * Note: stores return a journal in seq order (the memory store sorts on import, Dexie keys on
 * [instanceId+seq]), so moving entries around in a dump changes nothing; a "reordering" that reaches
 * storage must rewrite seq numbers, which shows up as edits and broken links. The `reordered` kind
 * itself only arises for an out-of-order list handed to `verifyJournal` directly.
 */
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, createEngine, createMemoryStore, verifyJournal, type JournalEntry, type StoreDump } from '../../src/index.js';
import { sealEntry } from '../../src/journal/journal.js';
import { actors, application, makeEngine, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

/** case-1 with five entries: 1 start, 2 SUBMIT, 3 APPROVE → review.final, 4 RETURN → returned, 5 SUBMIT → review.initial. */
async function fiveEntryCase() {
  const { engine, store } = makeEngine();
  await openReview(engine);
  await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
  await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision });
  await engine.send('case-1', { type: 'RETURN', data: { reason: '资料不全' } }, { actor: actors.district });
  await engine.send('case-1', { type: 'SUBMIT', data: { ...application, headCount: 400 } }, { actor: actors.farm });
  return { engine, store };
}

/** The dump's journal entry of case-1 with that seq (as stored). */
function entry(dump: StoreDump, seq: number): JournalEntry {
  const found = dump.journal.find((e) => e.instanceId === 'case-1' && e.seq === seq);
  if (!found) throw new Error(`no entry ${seq}`);
  return found;
}

/** Export, let `mutate` tamper with the dump, import into a fresh store and verify with a new engine. */
async function verifyTampered(mutate: (dump: StoreDump) => void | Promise<void>) {
  const { store } = await fiveEntryCase();
  const dump = await store.exportAll();
  await mutate(dump);
  const copy = createMemoryStore();
  await copy.importAll(dump);
  const engine = createEngine({ store: copy, workflows: [reviewWorkflow, warningWorkflow], validate: testValidator, messageDelivery: 'manual' });
  return engine.verify('case-1');
}

const kinds = (result: { problems: Array<{ seq: number; kind: string }> }) => result.problems.map((p) => [p.seq, p.kind]);

describe('journal verification', () => {
  it('accepts an untouched copy', async () => {
    expect(await verifyTampered(() => {})).toEqual({ ok: true, entries: 5, problems: [] });
  });

  it('detects an edited entry and names it', async () => {
    const result = await verifyTampered((dump) => {
      entry(dump, 2).event.data = { ...application, headCount: 3000 }; // inflate the head count after the fact
    });
    expect(result).toEqual({
      ok: false,
      entries: 5,
      problems: [{ seq: 2, kind: 'edited', message: 'entry 2 was altered after it was written', messageZh: '第 2 条记录在写入后被修改' }],
    });
    // Any field counts, not only data: who acted.
    const actor = await verifyTampered((dump) => {
      entry(dump, 4).actor = { id: 'someone-else', role: 'district' };
    });
    expect(kinds(actor)).toEqual([[4, 'edited']]);
  });

  it('detects an edit whose hash was recomputed, by the broken link to the next entry', async () => {
    const result = await verifyTampered(async (dump) => {
      const { hash: _old, ...rest } = entry(dump, 2);
      const forged = await sealEntry({ ...rest, event: { type: 'SUBMIT', data: { ...application, headCount: 3000 } } });
      dump.journal = dump.journal.map((e) => (e.seq === 2 ? forged : e));
    });
    // Entry 2 is self-consistent now, but entry 3 still carries the hash of the original entry 2.
    expect(kinds(result)).toEqual([[3, 'broken-link']]);
    expect(result.problems[0]?.messageZh).toBe('第 3 条记录与前一条记录不衔接');
  });

  it('detects a removed entry in the middle', async () => {
    const result = await verifyTampered((dump) => {
      dump.journal = dump.journal.filter((e) => e.seq !== 3);
    });
    // Entry 4 follows 2: seq 3 is missing and 4's prevHash (hash of 3) does not match entry 2.
    expect(result.entries).toBe(4);
    // Entry 4 also starts where entry 3 ended, not where entry 2 ended → discontinuous.
    expect(kinds(result)).toEqual([[3, 'missing'], [4, 'broken-link'], [4, 'discontinuous']]);
    expect(result.problems[0]).toMatchObject({ message: 'entry 3 is missing', messageZh: '第 3 条记录缺失' });
  });

  it('detects a removed last entry against the head kept on the case', async () => {
    const result = await verifyTampered((dump) => {
      dump.journal = dump.journal.filter((e) => e.seq !== 5);
    });
    // The case record still says the head is entry 5.
    expect(result).toMatchObject({ ok: false, entries: 4 });
    expect(kinds(result)).toEqual([[5, 'missing']]);
  });

  it('detects a reordered pair (entries 3 and 4 swapped by rewriting their seq numbers)', async () => {
    const result = await verifyTampered((dump) => {
      const third = entry(dump, 3);
      const fourth = entry(dump, 4);
      third.seq = 4;
      fourth.seq = 3;
    });
    // Stored order is now: 1, 2, old-4 (seq 3), old-3 (seq 4), 5.
    //  old-4 at seq 3: its seq changed → edited; its prevHash is hash(old 3), not hash(2) → broken link.
    //  old-3 at seq 4: edited; prevHash is hash(2), not hash(old 4) → broken link.
    //  5: prevHash is hash(old 4), but it now follows old 3 → broken link.
    // Each swapped step (and 5 after them) also starts in a state its predecessor did not end in.
    expect(kinds(result)).toEqual([
      [3, 'edited'],
      [3, 'broken-link'],
      [3, 'discontinuous'],
      [4, 'edited'],
      [4, 'broken-link'],
      [4, 'discontinuous'],
      [5, 'broken-link'],
      [5, 'discontinuous'],
    ]);
  });

  it('detects a broken link even when the entry was resealed', async () => {
    const result = await verifyTampered(async (dump) => {
      const { hash: _old, ...rest } = entry(dump, 4);
      const relinked = await sealEntry({ ...rest, prevHash: 'f'.repeat(64) });
      dump.journal = dump.journal.map((e) => (e.seq === 4 ? relinked : e));
    });
    // Entry 4 hashes correctly but points nowhere; entry 5 points at the original entry 4.
    expect(kinds(result)).toEqual([[4, 'broken-link'], [5, 'broken-link']]);
  });

  it('detects a resealed last entry by the head kept on the case', async () => {
    const result = await verifyTampered(async (dump) => {
      const { hash: _old, ...rest } = entry(dump, 5);
      const forged = await sealEntry({ ...rest, event: { type: 'SUBMIT', data: { ...application, headCount: 9000 } } });
      dump.journal = dump.journal.map((e) => (e.seq === 5 ? forged : e));
    });
    expect(result.problems).toEqual([
      {
        seq: 5,
        kind: 'head-mismatch',
        message: "the last entry does not match the case's recorded head (entry 5)",
        messageZh: '最后一条记录与案件记录的链头（第 5 条）不一致',
      },
    ]);
  });
});

describe('verifyJournal', () => {
  it('accepts a genuine chain and the empty chain', async () => {
    const { engine } = await fiveEntryCase();
    const journal = await engine.history('case-1');
    const head = (await engine.get('case-1')).journalHead;
    expect(head.seq).toBe(5);
    expect(await verifyJournal(journal, head)).toEqual({ ok: true, entries: 5, problems: [] });
    expect(journal[0]?.prevHash).toBe(GENESIS_HASH);
    expect(await verifyJournal([], { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, entries: 0, problems: [] });
    expect(kinds(await verifyJournal([], { seq: 2, hash: 'x' }))).toEqual([[1, 'missing'], [2, 'missing']]);
  });

  it('names entries handed over out of order as reordered', async () => {
    const { engine } = await fiveEntryCase();
    const [e1, e2, e3, e4, e5] = await engine.history('case-1');
    const result = await verifyJournal([e1!, e2!, e4!, e3!, e5!], (await engine.get('case-1')).journalHead);
    // 4 arrives where 3 was expected: 3 missing, 4 does not link to 2. Then 3 arrives after 4: reordered, and it
    // does not link to 4. Then 5 links to 4, but follows 3.
    expect(kinds(result)).toEqual([
      [3, 'missing'],
      [4, 'broken-link'],
      [4, 'discontinuous'],
      [3, 'reordered'],
      [3, 'broken-link'],
      [3, 'discontinuous'],
      [5, 'broken-link'],
      [5, 'discontinuous'],
    ]);
    expect(result.problems[3]).toMatchObject({ message: 'entry 3 appears after entry 4', messageZh: '第 3 条记录出现在第 4 条之后' });
  });

  it('reports a head that does not match the last entry', async () => {
    const { engine } = await fiveEntryCase();
    const journal = await engine.history('case-1');
    expect(kinds(await verifyJournal(journal, { seq: 5, hash: 'not-the-hash' }))).toEqual([[5, 'head-mismatch']]);
    expect(kinds(await verifyJournal(journal.slice(0, 4), { seq: 4, hash: journal[3]!.hash }))).toEqual([]);
  });
});
