/**
 * Model-based conformance suite: ONE suite, looped over the five region profiles. For every
 * lifecycle a region runs (others are skipped by the profile's data), @xstate/graph enumerates the
 * machine's states and edges; each path is replayed through the real engine (memory store, manual
 * clock, the region's forms and roles), and the engine must agree with the machine:
 *  - every simple path (no state visited twice; loops are covered by the edges below),
 *  - every edge at the end of the shortest path to its source: taken transitions land where the model
 *    says; caller events the machine refuses are refused with `not-allowed-in-state` and write nothing.
 */
import { isEngineError, type MachineEvent } from '@nongan/engine';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, LIFECYCLE_IDS, REGION_IDS, runsLifecycle, type LifecycleId, type RegionId } from '../../src/index.js';
import { deliveryOf, labelOf } from './catalog.js';
import { CASE, apply, openCase, oracleOf, possibleIn, senderRole, type Driven } from './driver.js';
import { eventsOf, graphOf, type LifecycleGraph, type LifecyclePath } from './graphs.js';

const graphs = new Map<LifecycleId, LifecycleGraph>(LIFECYCLE_IDS.map((l) => [l, graphOf(l, true)]));

const describePath = (lifecycle: LifecycleId, events: readonly MachineEvent[]) => ['start', ...events.map((e) => labelOf(lifecycle, e))].join(' → ');

async function walk(lifecycle: LifecycleId, region: RegionId, events: readonly MachineEvent[]): Promise<Driven> {
  const driven = await openCase(lifecycle, region);
  for (const event of events) await apply(driven, event);
  return driven;
}

/** Stored case = model: state, context (journal replayed), status, accepted events, roles, hash chain. */
export async function expectAgrees(driven: Driven, expectedValue: unknown, events: readonly MachineEvent[]): Promise<void> {
  const record = await driven.engine.get(CASE);
  const journal = await driven.engine.history(CASE);
  const oracle = await oracleOf(driven, record);
  expect(record.state).toEqual(expectedValue);
  expect(record.context).toEqual(oracle.context);
  expect(record.status).toBe(oracle.status === 'done' ? 'done' : 'active');
  expect((await driven.engine.verify(CASE)).ok).toBe(true);
  // The path's events in order; anything else in the journal is a deadline that fell due on the way.
  const types = journal.slice(1).map((e) => e.event.type);
  const extra = [...types];
  for (const event of events) {
    const at = extra.indexOf(event.type);
    expect(at, `${event.type} journalled`).toBeGreaterThanOrEqual(0);
    extra.splice(0, at + 1);
  }
  const workflow = LIFECYCLES[driven.lifecycle];
  for (const entry of journal.slice(1)) expect(workflow.events[entry.event.type]!.roles).toContain(entry.actor.role);
  expect(record.pins.params).toMatch(new RegExp(`^${driven.region}@`));
  expect((record.context as { params?: { version: string } }).params?.version ?? record.pins.params).toBe(record.pins.params);
}

function pathCases(graph: LifecycleGraph, region: RegionId, paths: LifecyclePath[]) {
  return paths
    .filter((path) => eventsOf(path).every((e) => possibleIn(graph.lifecycle, region, e)))
    .map((path) => [describePath(graph.lifecycle, eventsOf(path)), path] as const);
}

describe.each(REGION_IDS)('region %s', (region) => {
  describe.each(LIFECYCLE_IDS.filter((l) => runsLifecycle(region, l)))('%s', (lifecycle) => {
    const graph = graphs.get(lifecycle)!;
    it.each(pathCases(graph, region, graph.simplePaths))('path %s', async (_, path) => {
      const events = eventsOf(path);
      await expectAgrees(await walk(lifecycle, region, events), path.state.value, events);
    });

    // Edges from states this region can reach (not only through messages it never sends).
    const reachable = (source: string) => eventsOf(graph.shortestTo.get(source)!).every((e) => possibleIn(lifecycle, region, e));
    const taken = graph.edges.filter((e) => e.from.can(e.event) && possibleIn(lifecycle, region, e.event) && reachable(e.source));
    it.each(taken.map((e) => [`${e.source} --${labelOf(lifecycle, e.event)}`, e] as const))('edge %s', async (_, edge) => {
      const events = [...eventsOf(graph.shortestTo.get(edge.source)!), edge.event];
      await expectAgrees(await walk(lifecycle, region, events), edge.next.value, events);
    });

    // Caller events a state does not take: refused, nothing written. One walk per source state.
    const sources = [...graph.shortestTo.entries()].filter(([, p]) => p.state.status === 'active' && eventsOf(p).every((e) => possibleIn(lifecycle, region, e)));
    it.each(sources.map(([source, path]) => [source, path] as const))('refusals in %s', async (source, path) => {
      const driven = await walk(lifecycle, region, eventsOf(path));
      const refused = graph.events.filter((e) => deliveryOf(lifecycle, e.type) === 'caller' && !graph.edges.some((x) => x.source === source && x.event === e && x.from.can(e)));
      for (const event of refused) {
        const before = await driven.engine.get(CASE);
        const error = await apply(driven, event).then(() => null, (e: unknown) => e);
        const what = `${labelOf(lifecycle, event)} in ${before.stateKey} as ${senderRole(lifecycle, event.type)}`;
        // A guard's refusal may say which rule failed (the lifecycle's refusal rule for that event, citing its seed).
        const code = isEngineError(error) ? error.code : null;
        if (code === 'rule-refused') {
          expect(LIFECYCLES[lifecycle].refusals[event.type], what).toBeTypeOf('function');
          expect(String((error as { details: { rule?: unknown } }).details.rule), what).toMatch(/^seed \d{3} §/);
        } else expect(code, what).toBe('not-allowed-in-state');
        expect(await driven.engine.get(CASE)).toEqual(before);
      }
    });
  });
});

describe('the model itself', () => {
  it('reaches every state of every machine, and has more simple paths than states to walk', () => {
    for (const [lifecycle, graph] of graphs) {
      const reached = new Set(graph.shortestPaths.map((p) => JSON.stringify(p.state.value)));
      const declared = [...LIFECYCLES[lifecycle].eventsByPath.keys()].filter((path) => !path.includes('.'));
      expect([...reached].map((v) => JSON.parse(v) as string).sort(), lifecycle).toEqual(declared.sort());
      expect(graph.simplePaths.length, lifecycle).toBeGreaterThan(graph.shortestPaths.length);
    }
    const counts = Object.fromEntries([...graphs].map(([l, g]) => [l, { states: g.shortestTo.size, simplePaths: g.simplePaths.length, edges: g.edges.length }]));
    console.info('[model]', JSON.stringify(counts));
  });
});
