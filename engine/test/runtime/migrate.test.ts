/**
 * Workflow versions side by side and authorised migration (DOMAIN.md: "an instance keeps the … version in
 * force when it started unless an authorised migration moves it"). reviewWorkflowV2 renames the public-notice
 * state `notice` → `publicNotice`; everything else is identical.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore } from '../../src/index.js';
import { createManualClock, type ManualClock } from '../../src/testing/index.js';
import { MONDAY, actors, application, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, reviewWorkflowV2, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

const CST = (local: string) => Date.parse(`${local}:00+08:00`);
type Engine = ReturnType<typeof createEngine>;

/**
 * Cases opened on Mon 2026-03-02 09:00 by an engine that knew only v1, then a new engine (v1 + v2) on the same store.
 *  - in-review:   start, SUBMIT → review.initial (revision 2), no timer
 *  - in-notice:   … APPROVE, APPROVE → notice (revision 4); timer 03-03 … 03-09 (5 wd) → due 2026-03-10 00:00
 *  - in-returned: start, SUBMIT, RETURN → returned (revision 3); timer 03-03 … 03-16 (10 wd) → due 2026-03-17 00:00
 */
async function scenario() {
  const store = createMemoryStore();
  const clock: ManualClock = createManualClock(MONDAY);
  const common = { store, clock, validate: testValidator, messageDelivery: 'manual' as const };
  const v1only = createEngine({ ...common, workflows: [reviewWorkflow, warningWorkflow] });
  for (const id of ['in-review', 'in-notice', 'in-returned']) {
    await openReview(v1only, id);
    await v1only.send(id, { type: 'SUBMIT', data: application }, { actor: actors.farm });
  }
  await v1only.send('in-notice', { type: 'APPROVE' }, { actor: actors.supervision });
  await v1only.send('in-notice', { type: 'APPROVE' }, { actor: actors.district });
  await v1only.send('in-returned', { type: 'RETURN', data: { reason: '资料不全' } }, { actor: actors.supervision });
  const engine = createEngine({ ...common, workflows: [reviewWorkflow, reviewWorkflowV2, warningWorkflow] });
  return { store, clock, engine };
}

async function toNotice(engine: Engine, id: string) {
  await engine.send(id, { type: 'APPROVE' }, { actor: actors.supervision });
  return engine.send(id, { type: 'APPROVE' }, { actor: actors.district });
}

describe('workflow versions and migration', () => {
  it('starts new cases on the latest version and keeps running cases on theirs', async () => {
    const { engine } = await scenario();
    expect(engine.workflow('sample-review').version).toBe(2);
    await openReview(engine, 'new-case');
    expect((await engine.get('new-case')).workflowVersion).toBe(2);
    await engine.send('new-case', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    expect((await toNotice(engine, 'new-case')).stateKey).toBe('publicNotice');

    // The v1 case goes on under v1 in the same engine, into the state v1 calls `notice`.
    expect((await toNotice(engine, 'in-review')).stateKey).toBe('notice');
    expect((await engine.get('in-review')).workflowVersion).toBe(1);
    expect((await engine.history('in-review')).every((e) => e.workflowVersion === 1)).toBe(true);
  });

  it('dry run reports what would move and what cannot, and writes nothing', async () => {
    const { engine, store } = await scenario();
    const before = await store.exportAll();
    const report = await engine.migrate(['in-review', 'in-notice'], 2, { actor: actors.config, dryRun: true });
    expect(report).toEqual({
      dryRun: true,
      toVersion: 2,
      moved: [{ instanceId: 'in-review', fromVersion: 1, from: 'review.initial', to: 'review.initial' }],
      cannot: [{ instanceId: 'in-notice', reason: expect.stringContaining('state notice does not exist in version 2'), reasonZh: expect.stringContaining('版本 2 中没有状态 notice') }],
    });
    const mapped = await engine.migrate(['in-review', 'in-notice'], 2, { actor: actors.config, dryRun: true, stateMap: { notice: 'publicNotice' } });
    expect(mapped.moved.map((m) => [m.instanceId, m.from, m.to])).toEqual([
      ['in-review', 'review.initial', 'review.initial'],
      ['in-notice', 'notice', 'publicNotice'],
    ]);
    expect(mapped.cannot).toEqual([]);
    expect(await store.exportAll()).toEqual(before);
  });

  it('moves cases with a stateMap, journals the migration and keeps the chain valid', async () => {
    const { engine, store, clock } = await scenario();
    const at = CST('2026-03-05T10:00'); // Thu, three working days into the notice period
    clock.set(at);
    const report = await engine.migrate(['in-review', 'in-notice', 'in-returned'], 2, { actor: actors.config, stateMap: { notice: 'publicNotice' } });
    expect(report.cannot).toEqual([]);
    expect(report.moved.map((m) => [m.instanceId, m.from, m.to])).toEqual([
      ['in-review', 'review.initial', 'review.initial'],
      ['in-notice', 'notice', 'publicNotice'],
      ['in-returned', 'returned', 'returned'],
    ]);
    expect(await engine.get('in-notice')).toMatchObject({ workflowVersion: 2, state: 'publicNotice', revision: 5, acceptedEvents: ['NOTICE_ENDS', 'OBJECT', 'DISQUALIFY'] });
    expect((await engine.history('in-notice')).at(-1)).toMatchObject({
      seq: 5,
      kind: 'migrate',
      at,
      actor: { id: 'config-1', role: 'config' },
      event: { type: 'migrate', data: { fromVersion: 1, toVersion: 2, from: 'notice', to: 'publicNotice' } },
      stateBefore: 'notice',
      stateAfter: 'publicNotice',
      workflowVersion: 2,
    });
    for (const id of ['in-review', 'in-notice', 'in-returned']) expect((await engine.verify(id)).ok, id).toBe(true);

    // `returned` exists under the same path in v2: its timer is kept as it was (id and due time).
    expect(await store.timersOf('in-returned')).toEqual([
      { id: 'in-returned:3:returned:0', instanceId: 'in-returned', statePath: 'returned', event: 'WAIVE', dueAt: CST('2026-03-17T00:00'), provisional: false },
    ]);
    // `notice` → `publicNotice` is mapped by stateMap, so it is the same state under a new name: the 公示
    // period started on entering `notice` keeps its id and due time (2026-03-10 00:00); only the row's
    // state path is rewritten. A rename must not restart (and so lengthen) a legal period.
    expect(await store.timersOf('in-notice')).toEqual([
      { id: 'in-notice:4:notice:0', instanceId: 'in-notice', statePath: 'publicNotice', event: 'NOTICE_ENDS', dueAt: CST('2026-03-10T00:00'), provisional: false },
    ]);
    expect((await engine.get('in-notice')).timers).toEqual([{ id: 'in-notice:4:notice:0', statePath: 'publicNotice', dueAt: CST('2026-03-10T00:00') }]);
    expect((await engine.runDueTimers(CST('2026-03-10T00:00') - 1)).fired).toEqual([]);
    const fired = await engine.runDueTimers(CST('2026-03-10T00:00'));
    expect(fired.fired.map((f) => f.instanceId)).toEqual(['in-notice']);
    expect(await engine.get('in-notice')).toMatchObject({ workflowVersion: 2, state: 'qualified' });
    expect((await engine.history('in-notice')).at(-1)).toMatchObject({ kind: 'timer', workflowVersion: 2, actor: { id: 'system:deadline:publicNotice' } });
    expect((await engine.verify('in-notice')).ok).toBe(true);

    // Migrating again is refused per case: it already runs version 2.
    const again = await engine.migrate(['in-review'], 2, { actor: actors.config });
    expect(again.cannot).toEqual([{ instanceId: 'in-review', reason: 'the case already runs version 2', reasonZh: '案件已在版本 2' }]);
  });

  it('is forbidden to anyone without a migrate role, and writes nothing', async () => {
    const { engine, store } = await scenario();
    const before = await store.exportAll();
    for (const actor of [actors.district, actors.municipal, actors.farm]) {
      const error = await engine.migrate(['in-review'], 2, { actor }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'role', allowedRoles: ['config'] } });
      expect((error as { messageZh: string }).messageZh).toContain('迁移需要以下角色之一');
    }
    await expect(engine.migrate(['in-review'], 2, { actor: { id: 'x', roles: ['system'] } })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.exportAll()).toEqual(before);
  });

  it('reports an unknown version, an unknown case, a finished case and a bad stateMap target as cannot', async () => {
    const { engine, store } = await scenario();
    await engine.send('in-review', { type: 'DISQUALIFY', data: { reason: '弄虚作假' } }, { actor: actors.district });
    const before = await store.exportAll();
    const unknown = await engine.migrate(['in-notice'], 3, { actor: actors.config });
    expect(unknown.moved).toEqual([]);
    expect(unknown.cannot).toEqual([{ instanceId: 'in-notice', reason: expect.stringContaining('sample-review@3 is not registered'), reasonZh: expect.stringContaining('流程 sample-review@3 未注册') }]);
    const report = await engine.migrate(['nope', 'in-review', 'in-notice'], 2, { actor: actors.config, stateMap: { notice: 'noSuchState' } });
    expect(report.moved).toEqual([]);
    expect(report.cannot.map((c) => [c.instanceId, c.reason])).toEqual([
      ['nope', expect.stringContaining('case nope does not exist')],
      ['in-review', 'the case has finished'],
      ['in-notice', expect.stringContaining('state noSuchState does not exist in version 2')],
    ]);
    expect(await store.exportAll()).toEqual(before);
  });
});

describe('an engine that does not know a case\'s version (an old tab still open after an upgrade)', () => {
  /** A v2 case in publicNotice (entered Mon 03-02 09:00, due 2026-03-10 00:00), and an old engine that knows only v1. */
  async function oldAndNew() {
    const store = createMemoryStore();
    const clock = createManualClock(MONDAY);
    const common = { store, clock, validate: testValidator, messageDelivery: 'manual' as const };
    const engine = createEngine({ ...common, workflows: [reviewWorkflow, reviewWorkflowV2, warningWorkflow] });
    const old = createEngine({ ...common, workflows: [reviewWorkflow, warningWorkflow] });
    await openReview(engine, 'v2-case');
    await engine.send('v2-case', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await toNotice(engine, 'v2-case');
    clock.set(CST('2026-03-10T01:00'));
    return { store, engine, old };
  }

  it('leaves the case\'s due timer for an engine that knows the version, instead of dropping it', async () => {
    const { store, engine, old } = await oldAndNew();
    await old.runDueTimers();
    // The deadline is a fact of the case, not of the engine that happens to look at it first.
    expect(await store.timersOf('v2-case')).toHaveLength(1);
    expect((await engine.runDueTimers()).fired.map((f) => f.instanceId)).toEqual(['v2-case']);
    expect((await engine.get('v2-case')).state).toBe('qualified');
  });

  it('leaves a message to the case pending for an engine that knows the version, instead of refusing it', async () => {
    const { store, engine, old } = await oldAndNew();
    await engine.runDueTimers();
    await old.start('sample-warning', { actor: actors.expert, region: 'jiyuan', subject: 'farm-1', instanceId: 'warn-1' });
    await old.send('warn-1', { type: 'WARN' }, { actor: actors.expert });
    await old.deliverMessages();
    await engine.deliverMessages();
    expect((await store.exportAll()).outbox[0]?.outcomes).toEqual([{ instanceId: 'v2-case', result: 'applied' }]);
    expect((await engine.get('v2-case')).state).toBe('suspended');
  });
});
