/**
 * One tamper-evidence suite for every store (memory, Dexie, PGlite, PostgreSQL): a case is built by
 * the engine, its stored rows are edited as someone with database access would (export, edit, load
 * into a fresh store beneath the engine's checks), and a new engine over the edited store must name
 * the edit in `verify`, refuse to act on the case, and refuse the edited dump on import.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manualClock.js';
import { createEngine, type Engine } from '../runtime/createEngine.js';
import { sealEntry } from '../journal/journal.js';
import { reviewWorkflow, sampleValidator, warningWorkflow } from '../samples/index.js';
import type { Store, StoreDump } from '../store/store.js';
import type { Actor, InstanceRecord, JournalEntry } from '../types.js';
import { createEd25519Signer, type CheckpointSigner } from '../journal/checkpoint.js';
import { createMemoryStore } from '../store/memoryStore.js';

const farm: Actor = { id: 'farm-user-1', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] };
const supervision: Actor = { id: 'sup-1', roles: ['supervision'], region: 'jiyuan' };
const municipal: Actor = { id: 'muni-1', roles: ['municipal'], region: 'jiyuan' };
const application = { farmName: '济源示范养殖场', headCount: 350 };
/** Monday 2026-03-02 09:00 in China. */
const MONDAY = Date.parse('2026-03-02T01:00:00Z');

function engineOn(store: Store, checkpointSigner?: CheckpointSigner): Engine {
  return createEngine({ store, clock: createManualClock(MONDAY), workflows: [reviewWorkflow, warningWorkflow], validate: sampleValidator, messageDelivery: 'manual', ...(checkpointSigner ? { checkpointSigner } : {}) });
}

/**
 * case-1: 1 start, 2 SUBMIT, 3 APPROVE, 4 RETURN → returned, with its 10-working-day WAIVE deadline
 * pending; `afterThree` sees the case as it was after entry 3.
 */
async function returnedCase(engine: Engine, headCount = application.headCount, afterThree?: () => Promise<void>): Promise<void> {
  const data = { ...application, headCount };
  await engine.start('sample-review', { actor: farm, region: 'jiyuan', subject: 'farm-1', division: '419001', data, instanceId: 'case-1' });
  await engine.send('case-1', { type: 'SUBMIT', data }, { actor: farm });
  await engine.send('case-1', { type: 'APPROVE' }, { actor: supervision });
  await afterThree?.();
  await engine.send('case-1', { type: 'RETURN', data: { reason: '资料不全' } }, { actor: supervision });
}

/** The case's rows in `dump` replaced by `from`'s (another history of case-1). */
function replaceCase(dump: StoreDump, from: StoreDump): void {
  dump.instances = [...dump.instances.filter((i) => i.id !== 'case-1'), caseOf(from)];
  dump.journal = [...dump.journal.filter((e) => e.instanceId !== 'case-1'), ...entriesOf(from)];
  dump.timers = [...dump.timers.filter((t) => t.instanceId !== 'case-1'), ...from.timers.filter((t) => t.instanceId === 'case-1')];
}

/** The case as it was after entry 3, captured while it was built; the checkpoint came after entry 4. */
let afterThree: InstanceRecord;

const caseOf = (dump: StoreDump): InstanceRecord => dump.instances.find((i) => i.id === 'case-1')!;
const entriesOf = (dump: StoreDump): JournalEntry[] => dump.journal.filter((e) => e.instanceId === 'case-1').sort((a, b) => a.seq - b.seq);

/** Reseals every entry from `from` on and points the case at the new head, as an editor who knows the hash would. */
async function resealFrom(dump: StoreDump, from: number): Promise<void> {
  const entries = entriesOf(dump);
  for (const entry of entries) {
    if (entry.seq < from) continue;
    const before = entries.find((e) => e.seq === entry.seq - 1);
    const { hash: _old, ...rest } = entry;
    const resealed = await sealEntry({ ...rest, prevHash: before ? before.hash : rest.prevHash });
    Object.assign(entry, resealed);
  }
  const last = entries[entries.length - 1]!;
  caseOf(dump).journalHead = { seq: last.seq, hash: last.hash };
}

interface Tampering {
  name: string;
  edit: (dump: StoreDump) => void | Promise<void>;
  /** Only a signed checkpoint can tell: the chain, the replay and the record all hold. */
  anchored?: true;
  /** The problem `verify` must report: its kind and, where it names one, the field. */
  expect: { kind: string; field?: string };
}

const TAMPERINGS: Tampering[] = [
  {
    name: 'the state set to qualified',
    edit: (d) => Object.assign(caseOf(d), { state: 'qualified', stateKey: 'qualified', acceptedEvents: ['SUSPEND', 'REVOKE'] }),
    expect: { kind: 'record-differs', field: 'state' },
  },
  { name: 'the case data edited', edit: (d) => void ((caseOf(d).context as { headCount: number }).headCount = 5000), expect: { kind: 'record-differs', field: 'context' } },
  { name: 'the status set to done', edit: (d) => void (caseOf(d).status = 'done'), expect: { kind: 'record-differs', field: 'status' } },
  { name: 'the open actions widened', edit: (d) => void caseOf(d).acceptedEvents.push('APPROVE'), expect: { kind: 'record-differs', field: 'acceptedEvents' } },
  { name: 'the task holders cleared', edit: (d) => void (caseOf(d).taskKeys = []), expect: { kind: 'record-differs', field: 'taskKeys' } },
  { name: 'the case moved to another region', edit: (d) => void (caseOf(d).region = 'beijing'), expect: { kind: 'record-differs', field: 'region' } },
  { name: 'the case number changed', edit: (d) => void (caseOf(d).caseNumber = 'jiyuan-2026-000999'), expect: { kind: 'record-differs', field: 'caseNumber' } },
  { name: 'the division changed', edit: (d) => void (caseOf(d).division = '110101'), expect: { kind: 'record-differs', field: 'division' } },
  {
    name: "the case's deadline moved a month later",
    edit: (d) => {
      const c = caseOf(d);
      c.timers = c.timers.map((t) => ({ ...t, dueAt: t.dueAt + 30 * 86_400_000 }));
      c.nextDueAt = c.timers[0]!.dueAt;
    },
    expect: { kind: 'record-differs', field: 'timers' },
  },
  { name: 'the timer rows deleted', edit: (d) => void (d.timers = d.timers.filter((t) => t.instanceId !== 'case-1')), expect: { kind: 'timer-missing' } },
  { name: 'a timer row moved later', edit: (d) => void (d.timers[0]!.dueAt += 86_400_000), expect: { kind: 'timer-differs' } },
  { name: 'a timer row added', edit: (d) => void d.timers.push({ ...d.timers[0]!, id: 'case-1:9:forged:0', event: 'WAIVE' }), expect: { kind: 'timer-extra' } },
  { name: 'an entry edited', edit: (d) => void (entriesOf(d)[1]!.event.data = { ...application, headCount: 3000 }), expect: { kind: 'edited' } },
  {
    name: 'an entry edited and the chain re-hashed after it',
    edit: async (d) => {
      entriesOf(d)[1]!.event.data = { ...application, headCount: 3000 };
      await resealFrom(d, 2);
    },
    expect: { kind: 'replay-differs' },
  },
  {
    name: 'an event inserted that the case did not accept, the chain re-hashed',
    edit: async (d) => {
      const entry = entriesOf(d)[2]!;
      entry.event = { type: 'REVOKE' };
      entry.actor = { id: 'muni-1', role: 'municipal' };
      await resealFrom(d, 3);
    },
    expect: { kind: 'not-accepted' },
  },
  { name: 'an entry in the middle deleted', edit: (d) => void (d.journal = d.journal.filter((e) => !(e.instanceId === 'case-1' && e.seq === 2))), expect: { kind: 'missing' } },
  {
    name: 'two entries swapped by their numbers',
    edit: (d) => {
      const [, , third, fourth] = entriesOf(d);
      [third!.seq, fourth!.seq] = [fourth!.seq, third!.seq];
    },
    expect: { kind: 'edited' },
  },
  {
    name: 'the journal cut after entry 3 and the case rolled back to it',
    anchored: true,
    edit: (d) => {
      d.journal = d.journal.filter((e) => !(e.instanceId === 'case-1' && e.seq === 4));
      d.instances = [...d.instances.filter((i) => i.id !== 'case-1'), structuredClone(afterThree)];
      d.timers = d.timers.filter((t) => t.instanceId !== 'case-1');
    },
    expect: { kind: 'checkpoint' },
  },
  {
    name: 'the whole history forged and re-hashed consistently (the engine re-run with another head count)',
    anchored: true,
    edit: async (d) => {
      const forger = createMemoryStore();
      await returnedCase(engineOn(forger), 5000);
      replaceCase(d, await forger.exportAll());
    },
    expect: { kind: 'checkpoint' },
  },
  {
    name: 'the journal cut and the checkpoint edited to anchor the cut head',
    anchored: true,
    edit: (d) => {
      const third = entriesOf(d)[2]!;
      d.journal = d.journal.filter((e) => !(e.instanceId === 'case-1' && e.seq === 4));
      d.instances = [...d.instances.filter((i) => i.id !== 'case-1'), structuredClone(afterThree)];
      d.timers = d.timers.filter((t) => t.instanceId !== 'case-1');
      d.checkpoints![0]!.heads = d.checkpoints![0]!.heads.map((h) => (h.instanceId === 'case-1' ? { instanceId: 'case-1', seq: 3, hash: third.hash } : h));
    },
    expect: { kind: 'checkpoint' },
  },
];

export function describeTamperEvidence(name: string, makeStore: () => Promise<Store>): void {
  describe(`Tamper evidence: ${name}`, () => {
    let built: StoreDump;
    let signer: CheckpointSigner;
    beforeAll(async () => {
      // The installation's key, outside the store: whoever edits the store cannot sign.
      const pair = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
      signer = createEd25519Signer({ keyId: 'test-installation', privateKey: pair.privateKey, publicKeys: { 'test-installation': pair.publicKey } });
      const source = await makeStore();
      const engine = engineOn(source, signer);
      await returnedCase(engine, undefined, async () => void (afterThree = (await source.getInstance('case-1'))!));
      if (source.checkpoints) expect((await engine.checkpoint()).made).toEqual([{ seq: 1, at: MONDAY, heads: 1 }]);
      built = await source.exportAll();
      await source.close();
    });

    async function tampered(edit: Tampering['edit']) {
      const dump = structuredClone(built);
      await edit(dump);
      const target = await makeStore();
      await target.importAll(dump); // beneath the engine: what an editor of the database can do
      return { engine: engineOn(target, signer), store: target, dump };
    }

    it('finds nothing wrong with a case the engine built, and its dump imports', async () => {
      const { engine, store, dump } = await tampered(() => {});
      const anchored = store.checkpoints ? { checkpoint: { seq: 1, at: MONDAY } } : {};
      expect(await engine.verify('case-1')).toEqual({ ok: true, entries: 4, problems: [], ...anchored });
      expect(await engine.checkDump(dump)).toEqual([]);
      await store.close();
    });

    it('checkpoints only the heads that moved, and names the last good checkpoint', async () => {
      const { engine, store } = await tampered(() => {});
      if (!store.checkpoints) return void (await store.close());
      expect(await engine.checkpoint()).toEqual({ made: [], refused: [] });
      await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: farm });
      expect((await engine.checkpoint()).made).toEqual([{ seq: 2, at: MONDAY, heads: 1 }]);
      expect(await engine.verifyCheckpoints()).toEqual({ ok: true, checkpoints: 2, lastGood: { seq: 2, at: MONDAY }, problems: [] });
      expect((await engine.verify('case-1')).checkpoint).toEqual({ seq: 2, at: MONDAY });
      await store.close();
    });

    it('walks the checkpoints of a cut journal and names the case and the last good checkpoint', async () => {
      const { engine, store } = await tampered(TAMPERINGS.find((t) => t.anchored)!.edit);
      if (!store.checkpoints) return void (await store.close());
      const walked = await engine.verifyCheckpoints();
      expect(walked).toMatchObject({ ok: false, checkpoints: 1, lastGood: null, problems: [{ checkpoint: 1, instanceId: 'case-1' }] });
      expect(walked.problems[0]!.messageZh).toContain('流水被截断');
      await store.close();
    });

    for (const tampering of TAMPERINGS) {
      const forgedRecord = tampering.expect.kind === 'record-differs';
      it(`names ${tampering.name} and refuses the dump${forgedRecord ? ', and will not act on the case' : ''}`, async () => {
        if (tampering.anchored && !built.checkpoints) return; // a store without checkpoints cannot tell
        const { engine, store, dump } = await tampered(tampering.edit);
        const result = await engine.verify('case-1');
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(expect.objectContaining({ kind: tampering.expect.kind, ...(tampering.expect.field ? { field: tampering.expect.field } : {}) }));
        for (const problem of result.problems) {
          expect(problem.message).not.toBe('');
          expect(problem.messageZh).toMatch(/[\u4e00-\u9fff]/);
        }
        expect((await engine.checkDump(dump)).length).toBeGreaterThan(0);
        // Refused by its checks before the store is asked (this store holds the case already).
        await expect(engine.importAll(dump)).rejects.toMatchObject({ code: 'invalid-input' });
        if (forgedRecord) {
          await expect(engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: farm })).rejects.toMatchObject({ code: 'integrity' });
          expect(await store.getJournal('case-1')).toHaveLength(4);
        }
        await store.close();
      });
    }

    it('refuses to act on a case whose record was set to qualified, and writes nothing', async () => {
      const { engine, store } = await tampered(TAMPERINGS[0]!.edit);
      const before = await store.getJournal('case-1');
      await expect(engine.send('case-1', { type: 'SUSPEND' }, { actor: municipal })).rejects.toMatchObject({ code: 'integrity', details: { instanceId: 'case-1', seq: 4 } });
      await expect(engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: farm })).rejects.toMatchObject({ code: 'integrity' });
      expect(await store.getJournal('case-1')).toEqual(before);
      await store.close();
    });

    it('keeps the deadline of a forged case instead of firing or dropping it', async () => {
      const { engine, store } = await tampered(TAMPERINGS[1]!.edit);
      const report = await engine.runDueTimers(MONDAY + 60 * 86_400_000);
      expect(report).toEqual({ fired: [], dropped: [] });
      expect(await store.timersOf('case-1')).toHaveLength(1);
      expect(await store.getJournal('case-1')).toHaveLength(4);
      await store.close();
    });
  });
}
