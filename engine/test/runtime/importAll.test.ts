/**
 * engine.importAll: a restore checks everything first (every hash chain against its case's head, and
 * that every row belongs to a case of the dump) and writes nothing when any check fails.
 */
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStore, type StoreDump, type Store } from '../../src/index.js';
import { createPgliteClient, createPostgresStore } from '../../src/stores/postgres/index.js';
import { actors, application, makeEngine, openReview } from '../fixtures/harness.js';

async function sourceDump(): Promise<StoreDump> {
  const { engine, store } = makeEngine();
  await openReview(engine, 'case-1');
  await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
  await openReview(engine, 'case-2', 'farm-2');
  return store.exportAll();
}

const targets: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => createMemoryStore()],
  ['PGlite', async () => createPostgresStore({ client: createPgliteClient(await PGlite.create()) })],
];

describe.each(targets)('engine.importAll on %s', (_name, makeStore) => {
  it('restores a genuine dump, after which every journal verifies', async () => {
    const { engine } = makeEngine({ store: await makeStore() });
    expect(await engine.importAll(await sourceDump())).toEqual({ instances: 2, journal: 3 });
    expect((await engine.verify('case-1')).ok).toBe(true);
    expect((await engine.get('case-1')).revision).toBe(2);
  });

  const tamperings: Array<[string, (dump: StoreDump) => void, RegExp]> = [
    ['an edited journal entry', (d) => void (d.journal.find((e) => e.instanceId === 'case-1' && e.seq === 2)!.actor.id = 'someone-else'), /altered/],
    ['a journal cut short (head still says 2)', (d) => void d.journal.splice(d.journal.findIndex((e) => e.instanceId === 'case-1' && e.seq === 2), 1), /missing/],
    ['an entry of a case that is not in the dump', (d) => void d.journal.push({ ...d.journal[0]!, instanceId: 'ghost', commandId: 'ghost-1' }), /not in the dump/],
    ['a deadline of a case that is not in the dump', (d) => void d.timers.push({ id: 't-ghost', instanceId: 'ghost', statePath: 'x', event: 'E', dueAt: 1, provisional: false }), /not in the dump/],
    ['a case twice', (d) => void d.instances.push({ ...d.instances[0]! }), /twice/],
  ];
  it.each(tamperings)('refuses %s and writes nothing', async (_what, tamper, reason) => {
    const store = await makeStore();
    const { engine } = makeEngine({ store });
    const dump = await sourceDump();
    tamper(dump);
    const error = await engine.importAll(dump).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect((error as { details: { problems: Array<{ message: string }> } }).details.problems.map((p) => p.message).join(' ')).toMatch(reason);
    expect(await store.exportAll()).toEqual({ instances: [], journal: [], timers: [], outbox: [] });
  });

  it('refuses a dump that is not one, with the missing lists named', async () => {
    const { engine } = makeEngine({ store: await makeStore() });
    const error = await engine.importAll({ instances: [] } as unknown as StoreDump).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-input' });
    const problems = (error as { details: { problems: Array<{ path: string; message: string }> } }).details.problems;
    expect(problems.map((p) => p.path)).toEqual(['/journal', '/timers', '/outbox']);
    expect(problems[0]!.message).toBe('must be a list');
  });

  it('refuses a dump whose records lack fields, naming each path, before looking at hashes', async () => {
    const { engine } = makeEngine({ store: await makeStore() });
    const dump = await sourceDump();
    delete (dump.instances[0] as Partial<(typeof dump.instances)[number]>).workflowId;
    const error = await engine.importAll(dump).catch((e: unknown) => e);
    expect((error as Error).message).toContain('/instances/0/workflowId missing or of the wrong type');
  });
});
