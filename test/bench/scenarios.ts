/**
 * Benchmark scenarios, written once and run both in Node (memory store) and in Chromium (Dexie on
 * real IndexedDB). Each returns plain numbers; `run.ts` puts them in one table with the limits.
 */
import { createActor } from 'xstate';
import { createEngine, createMemoryStore, type InstanceRecord, type JournalEntry, type Store } from '@nongan/engine';
import { benchActors, certificationMachine, certificationWorkflow, REGIONS } from './benchWorkflow.js';
import { median, medianOf, ratePerSecond } from './stats.js';

export interface BenchConfig {
  steps: number;
  rounds: number;
  restoreCount: number;
  taskInstances: number;
}

export interface BenchResult {
  rawXStateStepsPerSec: number;
  rawPutPerSec: number | null;
  engineStepsPerSec: number;
  /** Median over rounds of (engine rate / limit rate) measured back to back. */
  engineToLimit: number | null;
  /** Raw writes of what one step must persist: the instance record and a journal entry, one transaction. */
  rawStepWritesPerSec: number | null;
  /** The same steps on the memory store in the same runtime: the engine's CPU cost without I/O. */
  engineMemoryStepsPerSec: number;
  restoreMs: number;
  tasksMs: number;
  taskHits: number;
  snapshotBytes: number;
}

const FIXED_START = Date.parse('2026-03-02T01:00:00Z');

/** The limit: restore a persisted snapshot, send one event, persist again — XState alone, no I/O. */
export async function rawXStateSteps(config: BenchConfig): Promise<number> {
  return medianOf(config.rounds, () => {
    let persisted = createActor(certificationMachine, { input: { subject: 'farm-0' } }).start().getPersistedSnapshot();
    return ratePerSecond(config.steps, (i) => {
      const actor = createActor(certificationMachine, { snapshot: persisted as never, input: { subject: 'farm-0' } }).start();
      actor.send({ type: i % 2 === 0 ? 'SUSPEND' : 'REINSTATE', data: {}, actor: { id: 'x', role: 'x' } });
      persisted = actor.getPersistedSnapshot();
      actor.stop();
    });
  });
}

function newEngine(store: Store) {
  let now = FIXED_START;
  return createEngine({ store, workflows: [certificationWorkflow], clock: { now: () => (now += 1000) }, messageDelivery: 'manual' });
}

/** One round of persisted engine steps on one case: suspend / reinstate alternately, each a full send. */
async function engineStepRound(makeStore: () => Promise<Store>, steps: number): Promise<{ rate: number; record: InstanceRecord }> {
  const store = await makeStore();
  const engine = newEngine(store);
  const region = 'beijing';
  const { instanceId } = await engine.start('bench-certification', { actor: benchActors.producer(region, 'farm-0'), region, subject: 'farm-0' });
  const expert = benchActors.expert(region);
  const district = benchActors.district(region);
  const rate = await ratePerSecond(steps, (i) =>
    i % 2 === 0 ? engine.send(instanceId, { type: 'SUSPEND' }, { actor: expert }) : engine.send(instanceId, { type: 'REINSTATE' }, { actor: district }),
  );
  const record = await engine.get(instanceId);
  await store.close();
  return { rate, record };
}

/**
 * Engine steps and their I/O limit measured in alternating rounds (limit, engine, limit, engine …), so
 * that drift in the browser's storage (compaction, caches) hits both alike; medians of each.
 */
export async function engineStepsAgainstLimit(
  makeStore: () => Promise<Store>,
  rawPut: ((record: InstanceRecord) => Promise<unknown>) | null,
  config: BenchConfig,
): Promise<{ engine: number; limit: number | null; ratio: number | null; record: InstanceRecord }> {
  const engineRates: number[] = [];
  const limitRates: number[] = [];
  const ratios: number[] = [];
  let record: InstanceRecord | undefined;
  for (let round = 0; round < config.rounds; round++) {
    const result = await engineStepRound(makeStore, config.steps);
    engineRates.push(result.rate);
    record = result.record;
    if (rawPut) {
      const limit = await ratePerSecond(config.steps, (i) => rawPut({ ...result.record, revision: i }));
      limitRates.push(limit);
      ratios.push(result.rate / limit);
    }
  }
  return { engine: median(engineRates), limit: rawPut ? median(limitRates) : null, ratio: rawPut ? median(ratios) : null, record: record! };
}

/** A real journal entry of a suspend step, as the engine writes it. */
async function engineJournalSample(): Promise<JournalEntry> {
  const engine = newEngine(createMemoryStore());
  const { instanceId } = await engine.start('bench-certification', { actor: benchActors.producer('beijing', 'farm-j'), region: 'beijing', subject: 'farm-j' });
  await engine.send(instanceId, { type: 'SUSPEND' }, { actor: benchActors.expert('beijing') });
  return (await engine.history(instanceId)).at(-1)!;
}

/** UTF-8 bytes of a stored instance record (snapshot, indexes and all). */
export function recordBytes(record: InstanceRecord): number {
  return new TextEncoder().encode(JSON.stringify(record)).length;
}

/**
 * `count` instances derived from real engine-made records (one per state), spread over regions and
 * subjects, with task keys rewritten for their subject: a realistic bulk load without `count` sends.
 */
export async function syntheticInstances(count: number): Promise<InstanceRecord[]> {
  const engine = newEngine(createMemoryStore());
  const templates: InstanceRecord[] = [];
  const { instanceId } = await engine.start('bench-certification', { actor: benchActors.producer('beijing', 'farm-t'), region: 'beijing', subject: 'farm-t' });
  templates.push(await engine.get(instanceId));
  await engine.send(instanceId, { type: 'SUSPEND' }, { actor: benchActors.expert('beijing') });
  templates.push(await engine.get(instanceId));
  const out: InstanceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const region = REGIONS[(i >> 1) % REGIONS.length]!;
    const subject = `farm-${i}`;
    const rewrite = (key: string) => key.replace(/\|s:.*$/, `|s:${subject}`).replace(/\|r:.*$/, `|r:${region}`);
    out.push({ ...template, id: `case-${String(i).padStart(6, '0')}`, region, subject, taskKeys: template.taskKeys.map(rewrite) });
  }
  return out;
}

async function load(store: Store, instances: InstanceRecord[]): Promise<void> {
  const chunk = 10_000;
  for (let i = 0; i < instances.length; i += chunk) {
    await store.importAll({ instances: instances.slice(i, i + chunk), journal: [], timers: [], outbox: [] });
  }
}

/** Restore: read `count` cases from the store and rebuild each one's XState snapshot. */
export async function restoreTime(makeStore: () => Promise<Store>, config: BenchConfig): Promise<number> {
  const store = await makeStore();
  await load(store, await syntheticInstances(config.restoreCount));
  const ms = await medianOf(config.rounds, async () => {
    const start = performance.now();
    const records = await store.findInstances({ workflowId: 'bench-certification', limit: config.restoreCount });
    let active = 0;
    for (const record of records) {
      const snapshot = certificationWorkflow.machine.resolveState({ value: record.state, context: record.context as never });
      if (snapshot.status === 'active') active++;
    }
    if (active !== config.restoreCount) throw new Error(`restored ${active} of ${config.restoreCount}`);
    return performance.now() - start;
  });
  await store.close();
  return ms;
}

/** `tasks()` for one district officer over `taskInstances` cases in five regions (first page of 50). */
export async function tasksTime(makeStore: () => Promise<Store>, config: BenchConfig): Promise<{ ms: number; hits: number }> {
  const store = await makeStore();
  await load(store, await syntheticInstances(config.taskInstances));
  const engine = newEngine(store);
  const district = benchActors.district('jiyuan');
  let hits = 0;
  await engine.tasks(district, { limit: 50 }); // warm-up: first query opens the database
  const ms = await medianOf(Math.max(config.rounds, 9), async () => {
    const start = performance.now();
    hits = (await engine.tasks(district, { limit: 50 })).length;
    return performance.now() - start;
  });
  await store.close();
  return { ms, hits };
}

export async function runAll(
  makeStore: () => Promise<Store>,
  rawPut: ((record: InstanceRecord) => Promise<unknown>) | null,
  config: BenchConfig,
  rawStepWrite: ((record: InstanceRecord, entry: JournalEntry) => Promise<unknown>) | null = null,
): Promise<BenchResult> {
  const rawXStateStepsPerSec = await rawXStateSteps(config);
  const steps = await engineStepsAgainstLimit(makeStore, rawPut, config);
  const memorySteps = await engineStepsAgainstLimit(async () => createMemoryStore(), null, config);
  const journal = await engineJournalSample();
  let seq = 0;
  const rawStepWritesPerSec = rawStepWrite
    ? await medianOf(config.rounds, () =>
        ratePerSecond(config.steps, () => {
          seq++;
          return rawStepWrite({ ...steps.record, revision: seq }, { ...journal, seq, revision: seq, commandId: `raw-${seq}` });
        }),
      )
    : null;
  const restoreMs = await restoreTime(makeStore, config);
  const tasks = await tasksTime(makeStore, config);
  return {
    rawXStateStepsPerSec,
    rawPutPerSec: steps.limit,
    engineStepsPerSec: steps.engine,
    engineToLimit: steps.ratio,
    rawStepWritesPerSec,
    engineMemoryStepsPerSec: memorySteps.engine,
    restoreMs,
    tasksMs: tasks.ms,
    taskHits: tasks.hits,
    snapshotBytes: recordBytes(steps.record),
  };
}
