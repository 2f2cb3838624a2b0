/**
 * Shared vocabulary of the model tests: sample data per review event, the events the graph traversal
 * explores, actors that may send each event, and the pure-XState replay of a journal (the oracle the
 * engine's stored state is compared against).
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { SYSTEM_ROLE, type Actor, type InstanceRecord, type JournalEntry, type MachineEvent } from '../../src/index.js';
import { actors, application } from '../fixtures/harness.js';
import { reviewMachine, reviewWorkflow } from '../fixtures/sampleWorkflows.js';

const reason = { reason: '资料不全' };
/** Passes the application form but fails the `meetsScale` guard (seed 002: fewer than 300 head). */
export const smallFarm = { farmName: '小型养殖场', headCount: 120 };

const formData: Record<string, Record<string, unknown>> = { SUBMIT: application, RETURN: reason, OBJECT: reason, DISQUALIFY: reason };

/** Data that satisfies the event's form (and guard); undefined for events without data or unknown types. */
export function validData(type: string): Record<string, unknown> | undefined {
  return Object.hasOwn(formData, type) ? formData[type] : undefined; // `toString` is a type the fuzzer sends
}

/** Events fired only by deadlines: the model reaches them by moving the clock, never by `send`. */
export const timerEvents = new Set(['WAIVE', 'NOTICE_ENDS']);

/** Harness actors that may send each event on a jiyuan / farm-1 case, in preference order. */
const senders: Record<string, Actor[]> = {
  SUBMIT: [actors.farm],
  APPROVE: [actors.supervision, actors.district],
  RETURN: [actors.district, actors.supervision],
  OBJECT: [actors.district],
  SUSPEND: [actors.municipal],
  REINSTATE: [actors.district],
  REVOKE: [actors.municipal],
  DISQUALIFY: [actors.district],
};

/** A qualified sender for `type`; `turn` rotates among several so every permitted role is exercised. */
export function senderFor(type: string, turn = 0): Actor {
  const list = senders[type];
  if (!list?.length) throw new Error(`no caller may send ${type}`);
  return list[turn % list.length]!;
}

/** Machine event as the engine builds it (`machineEventOf`), so graph and engine see the same input. */
function machineEvent(type: string, data: Record<string, unknown> | undefined): MachineEvent {
  const sender = timerEvents.has(type) ? { id: 'system:deadline', roles: [SYSTEM_ROLE] } : senderFor(type);
  return { type, data: data ?? {}, actor: { id: sender.id, role: sender.roles[0]! } };
}

/** Every event the traversal may try, including a SUBMIT that fails the guard. */
export const graphEvents: MachineEvent[] = [
  ...reviewWorkflow.eventTypes.map((type) => machineEvent(type, validData(type))),
  machineEvent('SUBMIT', smallFarm),
];

/** Initial snapshot as `engine.start` builds it for a case. */
export function startSnapshot(record: Pick<InstanceRecord, 'id' | 'region' | 'subject' | 'pins'>, data: Record<string, unknown>): AnyMachineSnapshot {
  const input = { data, region: record.region, subject: record.subject, pins: record.pins, instanceId: record.id };
  return initialTransition(reviewMachine, input)[0];
}

/** Journal entries after the start applied to `snapshot` with the pure XState `transition`. */
export function replayEntries(snapshot: AnyMachineSnapshot, entries: readonly JournalEntry[]): AnyMachineSnapshot {
  return entries.reduce(
    (current, entry) => transition(reviewMachine, current, { type: entry.event.type, data: entry.event.data ?? {}, actor: entry.actor })[0],
    snapshot,
  );
}

/** Pure replay of a whole journal: what the stored state must be if the journal is complete. */
export function replayJournal(record: InstanceRecord, journal: readonly JournalEntry[]): AnyMachineSnapshot {
  const [first, ...rest] = journal;
  if (first?.kind !== 'start') throw new Error('journal does not begin with start');
  return replayEntries(startSnapshot(record, first.event.data ?? {}), rest);
}

/** Task keys derived from the rule text, independently of `taskKeysFor`. */
export function expectedTaskKeys(accepted: readonly string[], record: Pick<InstanceRecord, 'region' | 'subject'>): string[] {
  const keys = new Set<string>();
  for (const type of accepted) {
    for (const role of reviewWorkflow.events[type]!.roles) {
      if (role === SYSTEM_ROLE) continue;
      keys.add(reviewWorkflow.access.subjectRoles.includes(role) ? `${role}|s:${record.subject}` : `${role}|r:${record.region}`);
    }
  }
  return [...keys].sort();
}

/**
 * Event types the machine takes in `snapshot` with valid data (guards then pass), i.e. what the
 * engine must list as accepted; a finished case accepts nothing.
 */
export function expectedAcceptedEvents(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  return reviewWorkflow.eventTypes.filter((type) => snapshot.can(machineEvent(type, validData(type))));
}

/** States whose deadline is pending while the case sits in them. */
export const statesWithDeadline = new Set(['notice', 'returned']);
