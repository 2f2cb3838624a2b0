/**
 * Two tabs on one IndexedDB database, in Node: one fake-indexeddb factory shared by two Dexie stores with
 * the same database name (as two tabs of one origin share one database). The scenario lives in
 * ../fixtures/raceScenario.ts and runs unchanged against real IndexedDB in race.browser.test.ts.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, it } from 'vitest';
import type { Store } from '../../src/index.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { sendRace, staleTabSend, staleTabTimer, timerRace } from '../fixtures/raceScenario.js';

async function withTwoTabs(run: (stores: [Store, Store]) => Promise<void>) {
  const factory = new IDBFactory();
  const stores: [Store, Store] = [
    createDexieStore({ name: 'nongan-race', indexedDB: factory, IDBKeyRange }),
    createDexieStore({ name: 'nongan-race', indexedDB: factory, IDBKeyRange }),
  ];
  try {
    await run(stores);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

describe('two tabs on one Dexie database (fake-indexeddb)', () => {
  it('APPROVE and RETURN at once: APPROVE commits, RETURN conflicts, then succeeds on retry', () => withTwoTabs((s) => sendRace(s, 'a')));
  it('APPROVE and RETURN at once: RETURN commits, APPROVE conflicts, then is not allowed in returned', () => withTwoTabs((s) => sendRace(s, 'b')));
  it('both tabs run the same overdue timer: it fires once', () => withTwoTabs((s) => timerRace(s, 'a')));
  it('both tabs run the same overdue timer, the other tab first: it fires once', () => withTwoTabs((s) => timerRace(s, 'b')));
  it('a tab that last saw the case earlier may act on it (conflict at worst, never a refusal from its old copy)', () => withTwoTabs(staleTabSend));
  it('a tab that last saw the case earlier fires its due timer instead of dropping it', () => withTwoTabs(staleTabTimer));
});
