/** A real engine (memory store, manual clock) running every region, and the actors tests act as. */
import { createEngine, createManualClock, createMemoryStore, type Engine, type ManualClock } from '@nongan/engine';
import { REGION_IDS, createRegionEngineOptions, formIdsOf, regionProfile, sampleData } from '../src/index.js';

export { actorFor } from '../src/demo/actors.js';

/** Epoch ms of a China wall-clock time, e.g. `chinaTime('2024-10-15', '09:00')`. */
export function chinaTime(date: string, time = '09:00'): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

export interface Harness {
  engine: Engine;
  clock: ManualClock;
}

export function makeEngine(start: number | string = chinaTime('2026-03-02')): Harness {
  const clock = createManualClock(typeof start === 'string' ? chinaTime(start) : start);
  const engine = createEngine({ ...createRegionEngineOptions({ store: createMemoryStore(), clock }), messageDelivery: 'manual' });
  return { engine, clock };
}

/** Moves the clock to the next pending deadline of the case and fires it; returns the event fired. */
export async function fireNextDeadline({ engine, clock }: Harness, instanceId: string): Promise<string> {
  const { nextDueAt } = await engine.get(instanceId);
  if (nextDueAt === null) throw new Error(`${instanceId} has no pending deadline`);
  if (clock.now() < nextDueAt) clock.set(nextDueAt);
  const report = await engine.runDueTimers();
  const fired = report.fired.filter((f) => f.instanceId === instanceId);
  if (fired.length !== 1) throw new Error(`expected one deadline of ${instanceId} to fire, got ${JSON.stringify(report)}`);
  return fired[0]!.event;
}

/**
 * Compiles every region's form validators once (the engines share them), so that the first test to
 * touch a form does not pay for schema compilation inside its own time.
 */
export async function warmFormValidators(): Promise<void> {
  const validate = createRegionEngineOptions({ store: createMemoryStore() }).validate!;
  for (const region of REGION_IDS) {
    const pins = { params: regionProfile(region).parameters.at(-1)!.id };
    for (const lifecycle of regionProfile(region).lifecycles) {
      for (const formId of formIdsOf(lifecycle)) {
        const context = { workflowId: lifecycle, workflowVersion: 1, region, subject: 'warm-up', eventType: 'warm-up', pins, state: null, role: 'producer', earlier: async () => ({}) };
        await validate({ id: formId }, sampleData(region, formId), context);
      }
    }
  }
}
