/**
 * First-run demo data: the workflows package's `seedDemo` fills each of the five regions with cases in
 * various states, on the demo clock. The farms it creates become sign-in choices (farm register).
 */
import type { Engine } from '@nongan/engine';
import { REGION_IDS, seedDemo } from '@nongan/workflows';
import type { KeyValueStorage, PersistedClock } from './demoClock.js';
import { farmsFromInstances } from '../shell/farms.js';
import { loadFarms, saveFarms } from '../shell/farms.js';

export const SEEDED_KEY = 'nongan-portal-seeded';

export async function seedAllRegions(engine: Engine, clock: PersistedClock, storage: KeyValueStorage): Promise<void> {
  for (const region of REGION_IDS) await seedDemo(engine, { region, clock });
  const registered = loadFarms(storage);
  const seeded = farmsFromInstances(await engine.query({ limit: 100_000 }), new Date(clock.now()).toISOString());
  saveFarms(storage, [...registered, ...seeded.filter((f) => !registered.some((r) => r.id === f.id))]);
  clock.save(clock.now());
  storage.setItem(SEEDED_KEY, new Date(clock.now()).toISOString());
}
