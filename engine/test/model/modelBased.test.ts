/**
 * Model-based test: @xstate/graph enumerates every simple path of the sample review machine, and each
 * path is replayed through the real engine (memory store, manual clock). Then every edge of the
 * machine's graph (state × event, including a SUBMIT that fails the guard) is tried once at the end of
 * the shortest path to its source: edges the machine takes must be accepted, the others refused.
 */
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from '@xstate/graph';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { isEngineError, type MachineEvent } from '../../src/index.js';
import { application, makeEngine, openReview } from '../fixtures/harness.js';
import { reviewMachine, reviewWorkflow } from '../fixtures/sampleWorkflows.js';
import {
  expectedAcceptedEvents,
  expectedTaskKeys,
  graphEvents,
  senderFor,
  startSnapshot,
  statesWithDeadline,
  timerEvents,
} from './eventCatalog.js';

type ReviewSnapshot = ReturnType<typeof reviewMachine.transition>;
type ReviewPath = StatePath<ReviewSnapshot, MachineEvent>;

// The state value alone identifies a vertex: guards read only event data, so context (which counts
// returns and would make the graph infinite) never changes which transitions exist.
const serializeState = (snapshot: ReviewSnapshot) => JSON.stringify(snapshot.value);
// Every event in every active state, so the graph holds the full state × event matrix. A finished
// case gets none: XState's pure `transition` still takes root-level DISQUALIFY from a final state,
// which no running actor (and not the engine) would do.
const eventsIn = (snapshot: ReviewSnapshot) => (snapshot.status === 'active' ? graphEvents : []);
const traversal = { input: { data: application }, events: eventsIn, serializeState };

/** Whether the machine itself takes the event (guards included). */
const takes = (from: AnyMachineSnapshot, event: MachineEvent) => from.status === 'active' && from.can(event);

const simplePaths = getSimplePaths(reviewMachine, traversal);
const shortestPaths = getShortestPaths(reviewMachine, traversal);
const adjacency = getAdjacencyMap(reviewMachine, traversal);

/** Events of a path: @xstate/graph prefixes the steps with a synthetic `xstate.init` step. */
const eventsOf = (path: ReviewPath): MachineEvent[] => path.steps.slice(1).map((step) => step.event);
const describeEvents = (events: readonly MachineEvent[]) =>
  ['start', ...events.map((e) => (e.type === 'SUBMIT' && Number(e.data.headCount) < 300 ? 'SUBMIT(small)' : e.type))].join(' → ');

const CASE = 'case-1';
const caseScope = { id: CASE, region: 'jiyuan', subject: 'farm-1', pins: {} };

/** The machine run on its own from the engine's start snapshot: the oracle for context and status. */
function modelAfter(events: readonly MachineEvent[]): AnyMachineSnapshot {
  return events.reduce<AnyMachineSnapshot>((snapshot, event) => transition(reviewMachine, snapshot, event)[0], startSnapshot(caseScope, application));
}

type Harness = ReturnType<typeof makeEngine>;

/** Applies one graph event the way it happens in production: a caller's `send`, or a deadline firing. */
async function apply({ engine, clock }: Harness, event: MachineEvent, turn: number) {
  if (timerEvents.has(event.type)) {
    const { nextDueAt } = await engine.get(CASE);
    expect(nextDueAt, `${event.type} needs a pending deadline`).not.toBeNull();
    clock.set(nextDueAt!);
    const report = await engine.runDueTimers();
    expect(report.fired.map((f) => f.event)).toEqual([event.type]);
    expect(report.dropped).toEqual([]);
    return;
  }
  const data = Object.keys(event.data).length > 0 ? { data: event.data } : {};
  await engine.send(CASE, { type: event.type, ...data }, { actor: senderFor(event.type, turn) });
}

async function walk(events: readonly MachineEvent[]): Promise<Harness> {
  const harness = makeEngine();
  await openReview(harness.engine, CASE);
  // `turn` rotates the sender so both supervision and district approve and return somewhere.
  for (const [turn, event] of events.entries()) await apply(harness, event, turn);
  return harness;
}

/** Everything the engine stored must agree with the model after `events`. */
async function expectAgreesWithModel({ engine }: Harness, events: readonly MachineEvent[], expectedValue: unknown) {
  const model = modelAfter(events);
  const record = await engine.get(CASE);
  const journal = await engine.history(CASE);
  expect(record.state).toEqual(expectedValue);
  expect(record.state).toEqual(model.value);
  expect(record.context).toEqual(model.context);
  expect(record.status).toBe(model.status === 'done' ? 'done' : 'active');
  expect(journal).toHaveLength(events.length + 1);
  expect(record.revision).toBe(journal.length);
  expect(await engine.verify(CASE)).toMatchObject({ ok: true, entries: events.length + 1 });
  expect(journal.map((e) => e.event.type)).toEqual(['start', ...events.map((e) => e.type)]);
  for (const entry of journal.slice(1)) {
    expect(reviewWorkflow.events[entry.event.type]!.roles, `${entry.event.type} by ${entry.actor.role}`).toContain(entry.actor.role);
    expect(entry.kind).toBe(timerEvents.has(entry.event.type) ? 'timer' : 'event');
  }
  expect(record.acceptedEvents).toEqual(expectedAcceptedEvents(model));
  expect(record.taskKeys).toEqual(expectedTaskKeys(record.acceptedEvents, record));
  expect(record.nextDueAt !== null, `deadline pending in ${record.stateKey}`).toBe(statesWithDeadline.has(record.stateKey));
}

const edgeKey = (source: string, event: MachineEvent) => `${source} --${JSON.stringify(event)}`;
const edges = adjacencyMapToArray(adjacency).map(({ state, event, nextState }) => ({ source: serializeState(state), from: state, event, next: nextState }));
const shortestTo = new Map(shortestPaths.map((path) => [serializeState(path.state), path]));
const finishedPaths = shortestPaths.filter((path) => path.state.status === 'done');

/** What the engine must answer for an event the machine does not take, sent by a qualified caller. */
async function expectRefused(harness: Harness, from: AnyMachineSnapshot, event: MachineEvent, turn: number) {
  const before = await harness.engine.get(CASE);
  const error = await apply(harness, event, turn).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isEngineError(error) && error.code, `${event.type} in ${before.stateKey}`).toBe('not-allowed-in-state');
  // `guard` when the state handles the event and only the data fails its condition.
  const valid = graphEvents.find((e) => e.type === event.type)!;
  expect((error as { details: { reason: string } }).details.reason).toBe(takes(from, valid) ? 'guard' : 'state');
  expect(await harness.engine.get(CASE)).toEqual(before);
}

describe('review machine, model-based', () => {
  it('has a graph small enough to enumerate every simple path', () => {
    expect(Object.keys(adjacency)).toHaveLength(10); // every state of the machine, nested ones as leaves
    expect(shortestPaths).toHaveLength(10);
    expect(edges).toHaveLength(7 * graphEvents.length); // 7 active states × every event
    console.info(`[model] walking ${simplePaths.length} simple paths and ${edges.length} edges over ${shortestPaths.length} states`);
  });

  it('walks every transition the machine takes on some simple path, except edges that close a loop', () => {
    const walked = new Set(
      simplePaths.flatMap((path) => path.steps.slice(1).map((step, i) => edgeKey(serializeState(path.steps[i]!.state), step.event))),
    );
    const unwalked = edges.filter(({ source, from, event }) => takes(from, event) && !walked.has(edgeKey(source, event)));
    // A simple path never revisits a state, so loop-closing edges (back to review, review.final, qualified)
    // are left to the edge tests below, which replay them after the shortest path to their source.
    for (const { source, next } of unwalked) {
      const visited = shortestTo.get(source)!.steps.map((step) => serializeState(step.state));
      expect(visited, `${source} → ${serializeState(next)}`).toContain(serializeState(next));
    }
    expect(unwalked.map(({ source, event }) => `${source} ${event.type}`)).toEqual(['"returned" SUBMIT', '"notice" OBJECT', '"suspended" REINSTATE']);
  });

  it.each(simplePaths.map((path) => [describeEvents(eventsOf(path)), path] as const))('simple path %s', async (_, path) => {
    const events = eventsOf(path);
    const harness = await walk(events);
    await expectAgreesWithModel(harness, events, path.state.value);
  });

  it.each(edges.map((edge) => [`${edge.source} + ${describeEvents([edge.event]).slice('start → '.length)}`, edge] as const))(
    'edge %s',
    async (_, { source, from, event, next }) => {
      const prefix = eventsOf(shortestTo.get(source)!);
      const harness = await walk(prefix);
      if (takes(from, event)) {
        await apply(harness, event, prefix.length);
        await expectAgreesWithModel(harness, [...prefix, event], next.value);
      } else if (timerEvents.has(event.type)) {
        // Nobody may send a deadline event, and no deadline for it may be pending in this state.
        expect((await harness.store.timersOf(CASE)).map((t) => t.event)).not.toContain(event.type);
      } else {
        await expectRefused(harness, from, event, prefix.length);
        await expectAgreesWithModel(harness, prefix, from.value);
      }
    },
  );

  it.each(finishedPaths.map((path) => [describeEvents(eventsOf(path)), path] as const))(
    'finished case %s refuses every event',
    async (_, path) => {
      const prefix = eventsOf(path);
      const harness = await walk(prefix);
      for (const event of graphEvents.filter((e) => !timerEvents.has(e.type))) await expectRefused(harness, path.state, event, 0);
      expect(await harness.store.timersOf(CASE)).toEqual([]);
      await expectAgreesWithModel(harness, prefix, path.state.value);
    },
  );
});
