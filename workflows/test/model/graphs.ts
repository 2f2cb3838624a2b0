/** The state graph of each lifecycle machine (@xstate/graph v3), explored with the catalogue's events. */
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { MachineEvent } from '@nongan/engine';
import { BASE_FORMS, LIFECYCLES, PARAMS_PIN, REGION_IDS, parametersInForce, runsLifecycle, type LifecycleId, type QualificationContext, type RegionId, type StartInput } from '../../src/index.js';
import { catalogOf, graphEvent } from './catalog.js';

/** Where each lifecycle's cases start in the model-based tests (inside the seeds' periods). */
export const START_DATE: Record<LifecycleId, string> = {
  // seed 002 §二(三): the 2024 application window closes 2024-10-30; the samples use subsidy year 2024
  qualificationReview: '2024-10-15',
  certification: '2026-03-02',
  warningToExit: '2026-03-02',
  selfInspectToCertificate: '2026-03-02',
};

export const START_FORM: Record<LifecycleId, string> = {
  qualificationReview: 'qr-registration',
  certification: 'cert-application',
  warningToExit: 'warn-finding',
  selfInspectToCertificate: 'sic-batch',
};

export function regionsRunning(lifecycle: LifecycleId): RegionId[] {
  return REGION_IDS.filter((region) => runsLifecycle(region, lifecycle));
}

export function startInput(lifecycle: LifecycleId, region: RegionId, data: Record<string, unknown>, instanceId = 'case-1', subject = 'subject-1'): StartInput {
  return { data, region, subject, pins: { [PARAMS_PIN]: parametersInForce(region, START_DATE[lifecycle]).id }, instanceId };
}

/**
 * A vertex is the state value plus the context that guards read (QR: evaluation round, large farm,
 * immunisation recorded), so that one vertex never hides two different guard outcomes.
 */
function serializerOf(lifecycle: LifecycleId) {
  if (lifecycle !== 'qualificationReview') return (s: AnyMachineSnapshot) => JSON.stringify(s.value);
  return (s: AnyMachineSnapshot) => {
    const c = s.context as QualificationContext;
    return JSON.stringify([s.value, c.evaluationRound, c.largeFarm, c.immunisedHeads >= 800, c.application !== null]);
  };
}

export type LifecyclePath = StatePath<AnyMachineSnapshot, MachineEvent>;

export interface LifecycleGraph {
  lifecycle: LifecycleId;
  serialize: (s: AnyMachineSnapshot) => string;
  events: MachineEvent[];
  shortestPaths: LifecyclePath[];
  simplePaths: LifecyclePath[];
  edges: Array<{ source: string; from: AnyMachineSnapshot; event: MachineEvent; next: AnyMachineSnapshot }>;
  shortestTo: Map<string, LifecyclePath>;
}

export function graphOf(lifecycle: LifecycleId, withSimplePaths: boolean): LifecycleGraph {
  const region = regionsRunning(lifecycle)[0]!;
  const input = startInput(lifecycle, region, structuredClone(BASE_FORMS.get(START_FORM[lifecycle])!.sample));
  const events = catalogOf(lifecycle).map((entry) => graphEvent(lifecycle, entry));
  const serialize = serializerOf(lifecycle);
  // A finished case takes nothing (XState's pure transition would still take root-level events).
  const traversal = { input, events: (s: AnyMachineSnapshot) => (s.status === 'active' ? events : []), serializeState: serialize };
  const machine = LIFECYCLES[lifecycle].machine;
  const shortestPaths = getShortestPaths(machine, traversal as never) as unknown as LifecyclePath[];
  const simplePaths = withSimplePaths ? (getSimplePaths(machine, traversal as never) as unknown as LifecyclePath[]) : [];
  const adjacency = getAdjacencyMap(machine, traversal as never);
  const edges = adjacencyMapToArray(adjacency).map(({ state, event, nextState }) => ({
    source: serialize(state as AnyMachineSnapshot),
    from: state as AnyMachineSnapshot,
    event: event as MachineEvent,
    next: nextState as AnyMachineSnapshot,
  }));
  return { lifecycle, serialize, events, shortestPaths, simplePaths, edges, shortestTo: new Map(shortestPaths.map((p) => [serialize(p.state), p])) };
}

/** Events of a path without @xstate/graph's synthetic `xstate.init` step. */
export const eventsOf = (path: LifecyclePath): MachineEvent[] => path.steps.slice(1).map((step) => step.event);
