/**
 * Cross-case messages (seed 000 §预警): WARN on a sample-warning case emits SUSPEND to the same farm's
 * sample-review case(s). The message is an outbox row written in the WARN commit and delivered later,
 * at least once, applied at most once (command id `message:<outbox id>:<target>`).
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type OutboxMessage, type Store } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { MONDAY, actors, application, makeEngine, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

type Engine = ReturnType<typeof makeEngine>['engine'];

/** Notice entered Mon 2026-03-02 09:00 → 5 working days 03-03 … 03-09 → NOTICE_ENDS at 2026-03-10 00:00 China time. */
const NOTICE_DUE = Date.parse('2026-03-10T00:00:00+08:00');

async function toQualified(engine: Engine, id: string, subject = 'farm-1') {
  const farm = subject === 'farm-1' ? actors.farm : actors.otherFarm;
  await openReview(engine, id, subject);
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor: farm });
  await engine.send(id, { type: 'APPROVE' }, { actor: actors.supervision });
  await engine.send(id, { type: 'APPROVE' }, { actor: actors.district });
  await engine.runDueTimers(NOTICE_DUE);
  expect((await engine.get(id)).state).toBe('qualified');
}

async function warn(engine: Engine, id: string, subject = 'farm-1') {
  await engine.start('sample-warning', { actor: actors.expert, region: 'jiyuan', subject, instanceId: id });
  return engine.send(id, { type: 'WARN' }, { actor: actors.expert });
}

async function outboxRow(store: Store, id: string): Promise<OutboxMessage | undefined> {
  return (await store.exportAll()).outbox.find((m) => m.id === id);
}

describe('cross-case messages', () => {
  it('writes the outbox row in the same commit as WARN, and delivers it as a system SUSPEND', async () => {
    const { engine, store, clock } = makeEngine();
    await toQualified(engine, 'case-1');
    clock.set(NOTICE_DUE + 3_600_000);
    const warned = await warn(engine, 'warn-1');
    // WARN is entry 2 of warn-1; its first emitted message gets id `<source>#<seq>#<index>`.
    expect(warned).toMatchObject({ seq: 2, stateKey: 'warned' });
    expect(await store.pendingOutbox(10)).toEqual([
      {
        id: 'warn-1#2#0',
        sourceInstanceId: 'warn-1',
        sourceSeq: 2,
        to: { workflowId: 'sample-review', subject: 'farm-1' },
        event: { type: 'SUSPEND' },
        status: 'pending',
        createdAt: NOTICE_DUE + 3_600_000,
        attempts: 0,
        outcomes: [],
      },
    ]);
    // Manual delivery: nothing has happened to the target yet.
    expect((await engine.get('case-1')).state).toBe('qualified');

    const report = await engine.deliverMessages();
    expect(report).toEqual({ delivered: ['warn-1#2#0'], undeliverable: [], retrying: [] });
    expect((await engine.get('case-1')).state).toBe('suspended');
    expect((await engine.history('case-1')).at(-1)).toMatchObject({
      kind: 'message',
      actor: { id: 'system:message:warn-1', role: 'system' },
      event: { type: 'SUSPEND' },
      stateBefore: 'qualified',
      stateAfter: 'suspended',
      commandId: 'message:warn-1#2#0:case-1',
    });
    expect(await outboxRow(store, 'warn-1#2#0')).toMatchObject({ status: 'delivered', attempts: 1, outcomes: [{ instanceId: 'case-1', result: 'applied' }] });
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect((await engine.verify('case-1')).ok).toBe(true);
  });

  it('writes no outbox row for a WARN whose commit loses a race (row and transition are one commit)', async () => {
    const { engine, store } = makeEngine();
    await engine.start('sample-warning', { actor: actors.expert, region: 'jiyuan', subject: 'farm-1', instanceId: 'warn-1' });
    // Both sends read revision 1 before either commits; the second commit is refused as a conflict.
    const results = await Promise.allSettled([
      engine.send('warn-1', { type: 'WARN' }, { actor: actors.expert }),
      engine.send('warn-1', { type: 'WARN' }, { actor: actors.expert }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await store.pendingOutbox(10)).map((m) => m.id)).toEqual(['warn-1#2#0']);
  });

  it('applies a message delivered twice only once (idempotent by command id)', async () => {
    const { engine, store } = makeEngine();
    await toQualified(engine, 'case-1');
    await warn(engine, 'warn-1');
    await engine.deliverMessages();
    const journalAfterFirst = await engine.history('case-1');
    // A crash after applying but before marking the row delivered looks like this: the row is pending again.
    const row = (await outboxRow(store, 'warn-1#2#0'))!;
    await store.updateOutbox({ ...row, status: 'pending' });
    expect((await engine.deliverMessages()).delivered).toEqual(['warn-1#2#0']);
    expect(await engine.history('case-1')).toEqual(journalAfterFirst);
    expect((await engine.history('case-1')).filter((e) => e.kind === 'message')).toHaveLength(1);
    expect((await engine.get('case-1')).state).toBe('suspended');
    // The replay counts as applied (the first result stands); attempts count deliveries.
    expect(await outboxRow(store, 'warn-1#2#0')).toMatchObject({ status: 'delivered', attempts: 2, outcomes: [{ instanceId: 'case-1', result: 'applied' }] });
  });

  it('records a target whose state refuses the event as refused, per target', async () => {
    const { engine, store } = makeEngine();
    await toQualified(engine, 'case-a');
    await openReview(engine, 'case-b'); // same farm, still in draft: SUSPEND is not accepted there
    await warn(engine, 'warn-1');
    const report = await engine.deliverMessages();
    // Every target was answered, so the row is done ('delivered'), with one outcome per target.
    expect(report.delivered).toEqual(['warn-1#2#0']);
    expect(await outboxRow(store, 'warn-1#2#0')).toMatchObject({
      status: 'delivered',
      outcomes: [
        { instanceId: 'case-a', result: 'applied' },
        { instanceId: 'case-b', result: 'refused', code: 'not-allowed-in-state' },
      ],
    });
    expect((await engine.get('case-a')).state).toBe('suspended');
    expect(await engine.get('case-b')).toMatchObject({ state: 'draft', revision: 1 });
    expect(await engine.history('case-b')).toHaveLength(1);
  });

  it('marks a message with no matching active case undeliverable', async () => {
    const { engine, store } = makeEngine();
    // farm-2's only review case has finished (disqualified is final), so no active case matches.
    await openReview(engine, 'done-case', 'farm-2');
    await engine.send('done-case', { type: 'DISQUALIFY', data: { reason: '弄虚作假' } }, { actor: actors.district });
    expect((await engine.get('done-case')).status).toBe('done');
    await warn(engine, 'warn-2', 'farm-2');
    const report = await engine.deliverMessages();
    expect(report).toEqual({ delivered: [], undeliverable: ['warn-2#2#0'], retrying: [] });
    expect(await outboxRow(store, 'warn-2#2#0')).toMatchObject({
      status: 'undeliverable',
      attempts: 1,
      outcomes: [],
      lastError: 'no active case matches the target',
    });
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect(await engine.history('done-case')).toHaveLength(2);
  });

  it("delivers automatically after the commit with messageDelivery 'auto' (the default)", async () => {
    const store = createMemoryStore();
    const clock = createManualClock(MONDAY);
    const engine = createEngine({ store, clock, workflows: [reviewWorkflow, warningWorkflow], validate: testValidator });
    await toQualified(engine, 'case-1');
    await warn(engine, 'warn-1');
    await engine.idle();
    expect((await engine.get('case-1')).state).toBe('suspended');
    expect(await outboxRow(store, 'warn-1#2#0')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect((await engine.history('case-1')).filter((e) => e.kind === 'message')).toHaveLength(1);
  });
});
