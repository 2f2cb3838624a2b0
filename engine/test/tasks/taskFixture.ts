/** An engine with the sample review and panel workflows, a people directory and named officials. */
import { createEngine, createMemoryStore, listDirectory, type Store } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { panelWorkflow, reviewWorkflow, samplePeople, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';
import { application, MONDAY } from '../fixtures/harness.js';

export const people = samplePeople;

export function taskEngine(options: { store?: Store } = {}) {
  const store = options.store ?? createMemoryStore();
  const clock = createManualClock(MONDAY);
  const engine = createEngine({
    store,
    clock,
    workflows: [reviewWorkflow, warningWorkflow, panelWorkflow],
    validate: testValidator,
    messageDelivery: 'manual',
    directory: listDirectory(Object.values(people)),
  });
  return { engine, store, clock };
}

/** A sample review submitted by the farm, waiting for the station's initial review. */
export async function submittedReview(engine: ReturnType<typeof taskEngine>['engine'], id = 'case-1') {
  await engine.start('sample-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: id });
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor: people.farm });
  return id;
}

/** A panel case whose rectification was reported: the evaluation awaits the experts. */
export async function evaluationCase(engine: ReturnType<typeof taskEngine>['engine'], id = 'panel-1') {
  await engine.start('sample-panel', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', instanceId: id });
  await engine.send(id, { type: 'REPORT' }, { actor: people.farm });
  return id;
}

export const opinion = (text: string) => ({ text });
