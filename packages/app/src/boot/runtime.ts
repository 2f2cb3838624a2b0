/**
 * The portal's runtime: one engine on the embedded Dexie store (IndexedDB) running the five regions'
 * lifecycles from @nongan/workflows, the persisted demo clock, the designer's store of published forms,
 * and the first-run seeding of demo data. Everything lives in this browser.
 */
import { createEngine, listDirectory, type Clock, type Engine, type Scheduler } from '@nongan/engine';
import { installationSigner, KEY_DB } from './installationKey.js';
import type { OfflineStore, RemoteEngine, ServerConnection } from '@nongan/client';
import { createDexieStore, type DexieStore } from '@nongan/engine/dexie';
import { demoPeople } from './demoPeople.js';
import { createDexieDesignerStore, type DesignerStore } from '@nongan/designer';
import { createRegionEngineOptions, FormCatalog, seedDesigns } from '@nongan/workflows';
import { CLOCK_KEY, createPersistedClock, type KeyValueStorage, type PersistedClock } from './demoClock.js';
import { FARMS_KEY } from '../shell/farms.js';
import { SESSION_KEY } from '../shell/session.js';
import { seedAllRegions, SEEDED_KEY } from './seed.js';

export const ENGINE_DB = 'nongan-portal';
export const DESIGNER_DB = 'nongan-portal-designer';
/** How often an open portal signs a checkpoint of the journal heads that moved. */
const CHECKPOINT_EVERY_MS = 5 * 60_000;

/** The server side of a portal that is the server's client (absent in the browser-only mode). */
export interface ServerParts {
  connection: ServerConnection;
  engine: RemoteEngine;
  /** What this device keeps for working offline (cleared at sign-out). */
  offline: OfflineStore;
  /** Demo accounts may be listed on the sign-in page. */
  demo: boolean;
}

export interface PortalRuntime {
  /** `local`: everything in this browser (IndexedDB); `server`: a client of the Nong'an server. */
  mode: 'local' | 'server';
  engine: Engine;
  /** The engine's own store, in the browser-only mode (backup, reset). */
  store: DexieStore | null;
  clock: Clock;
  /** The visitor-moved demo clock of the browser-only mode; the server keeps its own time. */
  demoClock: PersistedClock | null;
  server: ServerParts | null;
  designs: DesignerStore & { close(): void };
  forms: FormCatalog;
  storage: KeyValueStorage;
  /** Stops the scheduler and closes the databases (tests, reset). */
  close(): Promise<void>;
}

/** The browser-only portal: its own store and demo clock. */
export interface LocalPortalRuntime extends PortalRuntime {
  mode: 'local';
  store: DexieStore;
  demoClock: PersistedClock;
  server: null;
  /** The key id this installation signs its checkpoints with. */
  checkpointKeyId: string;
}

export interface RuntimeOptions {
  storage?: KeyValueStorage;
  /** Database name prefix (tests use their own). */
  dbPrefix?: string;
  /** Seed demo data on first run (default true). */
  seed?: boolean;
}

export async function createPortalRuntime(options: RuntimeOptions = {}): Promise<LocalPortalRuntime> {
  const storage = options.storage ?? globalThis.localStorage;
  const prefix = options.dbPrefix ?? '';
  const clock = createPersistedClock(storage);
  const store = createDexieStore({ name: `${prefix}${ENGINE_DB}` });
  const designs = createDexieDesignerStore({ name: `${prefix}${DESIGNER_DB}`, now: () => new Date(clock.now()) });
  const forms = new FormCatalog(designs, clock);
  // Idempotent: forms a newer @nongan/workflows adds reach the designer on the next start.
  if (options.seed ?? true) await seedDesigns(designs);
  await forms.reload();
  const regionOptions = createRegionEngineOptions({ store, clock });
  const checkpointSigner = await installationSigner(`${prefix}${KEY_DB}`);
  // The region validator, wrapped so designer-published forms pinned by a case are the ones checked.
  const engine = createEngine({ ...regionOptions, validate: forms.validator(regionOptions.validate!), checkpointSigner, directory: listDirectory(demoPeople()) });
  if ((options.seed ?? true) && storage.getItem(SEEDED_KEY) === null) {
    await seedAllRegions(engine, clock, storage);
  }
  // Deadlines that passed while the portal was closed fire now; later ones as the demo clock reaches them.
  await engine.runDueTimers();
  const scheduler: Scheduler = engine.startScheduler({ pollMs: 5_000 });
  // Signed checkpoints of the journal heads: now (the portal opens without waiting) and every few minutes.
  const checkpoints = engine.startCheckpoints({ everyMs: CHECKPOINT_EVERY_MS });
  return {
    mode: 'local',
    engine,
    store,
    clock,
    demoClock: clock,
    server: null,
    checkpointKeyId: checkpointSigner.keyId,
    designs,
    forms,
    storage,
    async close() {
      await checkpoints.stop();
      scheduler.stop();
      await engine.idle();
      await store.close();
      designs.close();
    },
  };
}

/** Deletes the portal's databases and keys (a fresh demo is seeded on the next load; the language choice stays). */
export async function deletePortalData(runtime: PortalRuntime): Promise<void> {
  await runtime.close();
  if (!runtime.store) return;
  const name = runtime.store.db.name;
  await Promise.all([deleteDatabase(name), deleteDatabase(name.replace(ENGINE_DB, DESIGNER_DB)), deleteDatabase(name.replace(ENGINE_DB, KEY_DB))]);
  for (const key of [CLOCK_KEY, SEEDED_KEY, FARMS_KEY, SESSION_KEY]) runtime.storage.removeItem?.(key);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
