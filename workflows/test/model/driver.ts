/**
 * Drives a lifecycle case through the real engine the way production does: callers send events
 * (as the first role allowed to), deadlines fire when the clock reaches them, and certification
 * messages arrive from a real warningToExit case. The pure machine replaying the journal is the
 * oracle for the stored context.
 */
import { SYSTEM_ROLE, type InstanceRecord, type MachineEvent } from '@nongan/engine';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { LIFECYCLES, runsLifecycle, sampleData, startCase, type LifecycleId, type RegionId, type Role } from '../../src/index.js';
import { actorFor, chinaTime, makeEngine, type Harness } from '../harness.js';
import { stepActor } from '../../src/demo/actors.js';
import { deliveryOf, engineData } from './catalog.js';
import { START_DATE, START_FORM, startInput } from './graphs.js';

export const CASE = 'case-1';
export const SUBJECT = 'subject-1';

export interface Driven extends Harness {
  region: RegionId;
  lifecycle: LifecycleId;
  warnings: number;
}

export function senderRole(lifecycle: LifecycleId, type: string): Role {
  return LIFECYCLES[lifecycle].events[type]!.roles.find((r) => r !== SYSTEM_ROLE) as Role;
}

export async function openCase(lifecycle: LifecycleId, region: RegionId): Promise<Driven> {
  const harness = makeEngine(chinaTime(START_DATE[lifecycle]));
  const role = LIFECYCLES[lifecycle].start.roles[0] as Role;
  await startCase(harness.engine, lifecycle, { actor: actorFor(region, role, SUBJECT), region, subject: SUBJECT, data: sampleData(region, START_FORM[lifecycle]), instanceId: CASE });
  return { ...harness, region, lifecycle, warnings: 0 };
}

/** Whether `event` can happen at all in `region` (message events need the sending lifecycle). */
export function possibleIn(lifecycle: LifecycleId, region: RegionId, event: MachineEvent): boolean {
  return deliveryOf(lifecycle, event.type) !== 'message' || runsLifecycle(region, 'warningToExit');
}

/** Warning-case steps whose messages deliver each certification event (seed 000 §七). */
const WARNING_STEPS: Record<string, Array<{ type: string; role: Role; data?: Record<string, unknown> }>> = {
  WARNING_SUSPEND: [{ type: 'PROPOSE_DIRECT_EXIT', role: 'expert-office', data: { ground: 'banned-drugs', evidence: '饲料中检出原料药' } }],
  WARNING_REVOKE: [
    { type: 'PROPOSE_DIRECT_EXIT', role: 'expert-office', data: { ground: 'banned-drugs', evidence: '饲料中检出原料药' } },
    { type: 'DECIDE_EXIT', role: 'municipal', data: { announcement: '取消达标场资格', decidedOn: '2026-06-01' } },
  ],
  WARNING_REINSTATE: [
    { type: 'PROPOSE_DIRECT_EXIT', role: 'expert-office', data: { ground: 'banned-drugs', evidence: '饲料中检出原料药' } },
    { type: 'REJECT_EXIT', role: 'municipal', data: { reason: '证据不足，不予退出' } },
  ],
};

/** Applies one graph event; rejects with the engine's error when a caller's event is refused. */
export async function apply(driven: Driven, event: MachineEvent): Promise<void> {
  const { engine, clock, region, lifecycle } = driven;
  const delivery = deliveryOf(lifecycle, event.type);
  if (delivery === 'caller') {
    const data = engineData(lifecycle, region, event);
    const actor = stepActor(await engine.get(CASE), region, senderRole(lifecycle, event.type), SUBJECT);
    await engine.send(CASE, { type: event.type, ...(data ? { data } : {}) }, { actor });
    return;
  }
  if (delivery === 'timer') {
    const record = await engine.get(CASE);
    const timer = record.timers.find((t) => {
      const index = Number(t.id.split(':').at(-1));
      return LIFECYCLES[lifecycle].deadlines.get(t.statePath)?.[index]?.send === event.type;
    });
    if (!timer) throw new Error(`${event.type}: no pending deadline sends it in ${record.stateKey}`);
    if (clock.now() < timer.dueAt) clock.set(timer.dueAt);
    const report = await engine.runDueTimers();
    if (!report.fired.some((f) => f.instanceId === CASE && f.event === event.type)) throw new Error(`${event.type} did not fire: ${JSON.stringify(report)}`);
    return;
  }
  const warningId = `warning-${++driven.warnings}`;
  await startCase(engine, 'warningToExit', { actor: actorFor(region, 'expert-office'), region, subject: SUBJECT, data: sampleData(region, 'warn-finding'), instanceId: warningId });
  for (const step of WARNING_STEPS[event.type]!) {
    await engine.send(warningId, { type: step.type, ...(step.data ? { data: step.data } : {}) }, { actor: actorFor(region, step.role, SUBJECT) });
    await engine.deliverMessages();
  }
}

/** The pure machine replaying the stored journal from the case's start input: the oracle. */
export async function oracleOf(driven: Driven, record: InstanceRecord): Promise<AnyMachineSnapshot> {
  const journal = await driven.engine.history(CASE);
  const machine = LIFECYCLES[driven.lifecycle].machine;
  const input = { ...startInput(driven.lifecycle, driven.region, journal[0]!.event.data ?? {}, CASE, SUBJECT), pins: record.pins };
  let [snapshot] = initialTransition(machine, input);
  for (const entry of journal.slice(1)) {
    [snapshot] = transition(machine, snapshot, { type: entry.event.type, data: entry.event.data ?? {}, actor: entry.actor } as MachineEvent);
  }
  return snapshot;
}
