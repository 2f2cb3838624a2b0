/**
 * Two tabs on one IndexedDB database, in Chromium: two DexieStore objects opened on the same (unique per test)
 * database name share real IndexedDB, as two tabs of one origin do. Same scenario as race.test.ts.
 */
import { describe, it } from 'vitest';
import type { Store } from '../../src/index.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { sendRace, staleTabSend, staleTabTimer, timerRace } from '../fixtures/raceScenario.js';

let n = 0;

async function withTwoTabs(run: (stores: [Store, Store]) => Promise<void>) {
  const name = `nongan-race-${Date.now()}-${n++}`;
  const stores: [Store, Store] = [createDexieStore({ name }), createDexieStore({ name })];
  try {
    await run(stores);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
}

describe('two tabs on one Dexie database (Chromium IndexedDB)', () => {
  it('APPROVE and RETURN at once: APPROVE commits, RETURN conflicts, then succeeds on retry', () => withTwoTabs((s) => sendRace(s, 'a')));
  it('APPROVE and RETURN at once: RETURN commits, APPROVE conflicts, then is not allowed in returned', () => withTwoTabs((s) => sendRace(s, 'b')));
  it('both tabs run the same overdue timer: it fires once', () => withTwoTabs((s) => timerRace(s, 'a')));
  it('both tabs run the same overdue timer, the other tab first: it fires once', () => withTwoTabs((s) => timerRace(s, 'b')));
  it('a tab that last saw the case earlier may act on it (conflict at worst, never a refusal from its old copy)', () => withTwoTabs(staleTabSend));
  it('a tab that last saw the case earlier fires its due timer instead of dropping it', () => withTwoTabs(staleTabTimer));
});
