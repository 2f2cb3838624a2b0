/** An engine with the sample review and panel workflows, a people directory and named officials. */
import { createEngine, createMemoryStore, listDirectory, type Actor, type Store } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { panelWorkflow, reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';
import { application, MONDAY } from '../fixtures/harness.js';

export const people = {
  farm: { id: 'farm-user-1', name: '王场长', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] },
  sup1: { id: 'sup-1', name: '李审核', roles: ['supervision'], region: 'jiyuan' },
  sup2: { id: 'sup-2', name: '赵审核', roles: ['supervision'], region: 'jiyuan' },
  supElsewhere: { id: 'sup-bj', name: '钱审核', roles: ['supervision'], region: 'beijing' },
  district: { id: 'dist-1', name: '孙科长', roles: ['district'], region: 'jiyuan' },
  municipal: { id: 'muni-1', name: '周处长', roles: ['municipal'], region: 'jiyuan' },
  expert1: { id: 'exp-1', name: '吴专家', roles: ['expert-office'], region: 'jiyuan' },
  expert2: { id: 'exp-2', name: '郑专家', roles: ['expert-office'], region: 'jiyuan' },
  expert3: { id: 'exp-3', name: '冯专家', roles: ['expert-office'], region: 'jiyuan' },
  expert4: { id: 'exp-4', name: '陈专家', roles: ['expert-office'], region: 'jiyuan' },
} satisfies Record<string, Actor>;

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
