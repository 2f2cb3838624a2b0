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
  const result = await runAll(
    async () => createDexieStore({ name: uniqueName('bench-engine') }),
    (record) => records.put(record),
    config,
  );
  raw.close();
  return result;
}

Object.assign(window, { runBench });
document.getElementById('status')!.textContent = 'ready';
