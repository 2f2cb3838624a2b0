/** Browser side of the benchmark: Dexie on Chromium's real IndexedDB. `run.ts` calls `runBench`. */
import Dexie from 'dexie';
import type { InstanceRecord } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { runAll, type BenchConfig, type BenchResult } from '../scenarios.js';

let n = 0;
const uniqueName = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

async function runBench(config: BenchConfig): Promise<BenchResult> {
  const raw = new Dexie(uniqueName('bench-raw'));
  raw.version(1).stores({ records: 'id' });
  const records = raw.table<InstanceRecord, string>('records');
  // Same schema as the engine's store, written directly: the I/O floor of one persisted step.
  const stepFloor = createDexieStore({ name: uniqueName('bench-floor') });
  const { instances, journal } = stepFloor.db;
  const result = await runAll(
    async () => createDexieStore({ name: uniqueName('bench-engine') }),
    (record) => records.put(record),
    config,
    (record, entry) => stepFloor.db.transaction('rw', [instances, journal], () => Promise.all([instances.put(record), journal.add(entry)])),
  );
  raw.close();
  await stepFloor.close();
  return result;
}

Object.assign(window, { runBench });
document.getElementById('status')!.textContent = 'ready';
