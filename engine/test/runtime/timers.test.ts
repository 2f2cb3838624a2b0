/**
 * Durable deadlines of the sample review workflow (seed 002: 公示 5 working days → NOTICE_ENDS;
 * a returned application not resubmitted within 10 working days is deemed waived → WAIVE).
 *
 * Counting convention (engine/src/calendar/duration.ts, DOMAIN.md "Dates"): the start day is not
 * counted, weekends and statutory holidays are skipped, 调休 weekends count, and the deadline falls at
 * the END of the last day = 00:00 Asia/Shanghai of the next day. Every due time below is worked out
 * by hand from the 2026 State Council arrangement; time moves only through the manual clock.
 */
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine, createMemoryStore, defineWorkflow, type MachineEvent, type Scheduler, type Store } from '../../src/index.js';
import { createManualClock, type ManualClock } from '../../src/testing/index.js';
import { actors, application, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

/** Epoch ms of a wall-clock time in China (UTC+8, no DST). */
const CST = (local: string) => Date.parse(`${local}:00+08:00`);

/** Test-only workflow with a chained deadline: firing the first deadline enters a state with another one. */
const chainWorkflow = defineWorkflow({
  id: 'chain-test',
  version: 1,
  machine: setup({ types: { events: {} as MachineEvent } }).createMachine({
    id: 'chain',
    initial: 'waiting',
    states: { waiting: { on: { STEP1: 'second' } }, second: { on: { STEP2: 'closed' } }, closed: { type: 'final' } },
  }),
  start: { roles: ['producer'] },
  access: { subjectRoles: ['producer'] },
  events: { STEP1: { roles: ['system'] }, STEP2: { roles: ['system'] } },
  deadlines: { waiting: { after: { workingDays: 1 }, send: 'STEP1' }, second: { after: { workingDays: 2 }, send: 'STEP2' } },
});

type Engine = ReturnType<typeof createEngine>;

function makeTimerEngine(store: Store = createMemoryStore(), clock: ManualClock = createManualClock(CST('2026-01-05T09:00'))) {
  const engine = createEngine({ store, clock, workflows: [reviewWorkflow, warningWorkflow, chainWorkflow], validate: testValidator, messageDelivery: 'manual' });
  return { engine, store, clock };
}

/** start → SUBMIT → APPROVE (supervision) → APPROVE (district): the case enters `notice` at `at`, revision 4. */
async function toNotice(engine: Engine, clock: ManualClock, id: string, at: number) {
  clock.set(at);
  await openReview(engine, id);
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor: actors.farm });
  await engine.send(id, { type: 'APPROVE' }, { actor: actors.supervision });
  await engine.send(id, { type: 'APPROVE' }, { actor: actors.district });
}

/** start → SUBMIT → RETURN: the case enters `returned` at `at`, revision 3. */
async function toReturned(engine: Engine, clock: ManualClock, id: string, at: number) {
  clock.set(at);
  await openReview(engine, id);
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor: actors.farm });
  await engine.send(id, { type: 'RETURN', data: { reason: '资料不全' } }, { actor: actors.supervision });
}

describe('durable deadlines', () => {
  it('counts the 5-day public notice across the 2026 Spring Festival and fires exactly once at its due time', async () => {
    const { engine, store, clock } = makeTimerEngine();
    // Notice entered Wed 2026-02-11 10:00. Start day not counted. Working days: Thu 02-12 (1), Fri 02-13 (2),
    // Sat 02-14 (3, 调休 working Saturday), 02-15..02-23 holidays, Tue 02-24 (4), Wed 02-25 (5).
    // Last day 02-25 → due at its end = 2026-02-26 00:00 Asia/Shanghai.
    await toNotice(engine, clock, 'case-1', CST('2026-02-11T10:00'));
    const due = CST('2026-02-26T00:00');
    expect(await store.timersOf('case-1')).toEqual([
      { id: 'case-1:4:notice:0', instanceId: 'case-1', statePath: 'notice', event: 'NOTICE_ENDS', dueAt: due, provisional: false },
    ]);
    expect((await engine.get('case-1')).nextDueAt).toBe(due);

    clock.set(due - 1);
    expect(await engine.runDueTimers(due - 1)).toEqual({ fired: [], dropped: [] });
    expect((await engine.get('case-1')).stateKey).toBe('notice');

    clock.set(due);
    const report = await engine.runDueTimers(due);
    expect(report).toEqual({ fired: [{ timerId: 'case-1:4:notice:0', instanceId: 'case-1', event: 'NOTICE_ENDS', dueAt: due }], dropped: [] });
    expect(await engine.runDueTimers(due + 86_400_000)).toEqual({ fired: [], dropped: [] });

    const record = await engine.get('case-1');
    expect(record).toMatchObject({ state: 'qualified', revision: 5, nextDueAt: null });
    const journal = await engine.history('case-1');
    expect(journal.filter((e) => e.kind === 'timer')).toHaveLength(1);
    expect(journal.at(-1)).toMatchObject({
      seq: 5,
      kind: 'timer',
      at: due,
      actor: { id: 'system:deadline:notice', role: 'system' },
      event: { type: 'NOTICE_ENDS' },
      stateBefore: 'notice',
      stateAfter: 'qualified',
      commandId: 'timer:case-1:4:notice:0',
    });
    expect(await store.timersOf('case-1')).toEqual([]);
    expect((await engine.verify('case-1')).ok).toBe(true);
  });

  it('counts 调休 weekends (Sat 2026-02-14 and Sat 2026-02-28) as working days', async () => {
    const { engine, store, clock } = makeTimerEngine();
    expect([engine.calendar.isWorkingDay('2026-02-28'), engine.calendar.isWorkingDay('2026-03-01')]).toEqual([true, false]);
    // Notice entered Mon 2026-02-23 (last holiday day). Working days: Tue 02-24 (1) … Fri 02-27 (4), Sat 02-28 (5, 调休).
    // The period ends ON the adjusted Saturday → due 2026-03-01 00:00 (a plain weekend rule would give 03-03 00:00).
    await toNotice(engine, clock, 'case-n', CST('2026-02-23T10:00'));
    const noticeDue = CST('2026-03-01T00:00');
    expect((await store.timersOf('case-n'))[0]?.dueAt).toBe(noticeDue);

    // Returned Fri 2026-02-13. Working days: Sat 02-14 (1, 调休), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5),
    // Sat 02-28 (6, 调休), Mon 03-02 (7), 03-03 (8), 03-04 (9), 03-05 (10) → due 2026-03-06 00:00.
    // Without the two 调休 Saturdays the 10th day would be Mon 03-09.
    await toReturned(engine, clock, 'case-r', CST('2026-02-13T10:00'));
    const waiveDue = CST('2026-03-06T00:00');
    expect((await store.timersOf('case-r'))[0]).toMatchObject({ statePath: 'returned', event: 'WAIVE', dueAt: waiveDue, provisional: false });

    expect((await engine.runDueTimers(noticeDue - 1)).fired).toEqual([]);
    expect((await engine.runDueTimers(noticeDue)).fired.map((f) => f.instanceId)).toEqual(['case-n']);
    expect((await engine.runDueTimers(waiveDue - 1)).fired).toEqual([]);
    expect((await engine.runDueTimers(waiveDue)).fired.map((f) => f.instanceId)).toEqual(['case-r']);
    expect(await engine.get('case-r')).toMatchObject({ state: 'waived', status: 'done' });
  });

  it('catches up after downtime: a new engine fires every overdue timer once, in due order, chained deadlines included', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(CST('2026-02-26T10:00'));
    const { engine: a } = makeTimerEngine(store, clock);
    // Engine A enters the states, then "stops" (is discarded) without ever running timers.
    await toNotice(a, clock, 'n0', CST('2026-02-26T10:00')); // Fri 02-27, Sat 02-28 (调休), 03-02, 03-03, 03-04 → due 03-05 00:00
    clock.set(CST('2026-03-02T09:00'));
    await a.start('chain-test', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', instanceId: 'chain' }); // 1 wd: Tue 03-03 → due 03-04 00:00
    await toNotice(a, clock, 'n1', CST('2026-03-02T09:00')); // 03-03, 03-04, 03-05, 03-06, Mon 03-09 → due 03-10 00:00
    await toReturned(a, clock, 'r1', CST('2026-03-02T09:00')); // 03-03 … 03-06 (4), 03-09 … 03-13 (9), 03-16 (10) → due 03-17 00:00
    await toNotice(a, clock, 'n2', CST('2026-03-03T09:00')); // 03-04, 03-05, 03-06, 03-09, 03-10 → due 03-11 00:00

    // Months later a new engine opens the same store and runs timers once.
    clock.set(CST('2026-06-01T08:00'));
    const { engine: b } = makeTimerEngine(store, clock);
    const report = await b.runDueTimers();
    // The chain's second deadline did not exist when the run began: STEP1 fires with at = its due time
    // (03-04 00:00, which is China date 03-04, not counted), so STEP2 is 2 wd later: 03-05, 03-06 → due 03-07 00:00,
    // and it fires between n0 (03-05) and n1 (03-10) in the same run.
    expect(report.fired.map((f) => [f.instanceId, f.event, f.dueAt])).toEqual([
      ['chain', 'STEP1', CST('2026-03-04T00:00')],
      ['n0', 'NOTICE_ENDS', CST('2026-03-05T00:00')],
      ['chain', 'STEP2', CST('2026-03-07T00:00')],
      ['n1', 'NOTICE_ENDS', CST('2026-03-10T00:00')],
      ['n2', 'NOTICE_ENDS', CST('2026-03-11T00:00')],
      ['r1', 'WAIVE', CST('2026-03-17T00:00')],
    ]);
    expect(report.dropped).toEqual([]);
    expect(await b.runDueTimers()).toEqual({ fired: [], dropped: [] });
    expect(await store.nextDueAt()).toBeNull();

    const chain = await b.history('chain');
    expect(chain.map((e) => [e.kind, e.event.type, e.at, e.recordedAt])).toEqual([
      ['start', 'start', CST('2026-03-02T09:00'), CST('2026-03-02T09:00')],
      ['timer', 'STEP1', CST('2026-03-04T00:00'), CST('2026-06-01T08:00')],
      ['timer', 'STEP2', CST('2026-03-07T00:00'), CST('2026-06-01T08:00')],
    ]);
    expect(await b.get('chain')).toMatchObject({ state: 'closed', status: 'done' });
    for (const id of ['n0', 'n1', 'n2', 'r1']) {
      const timers = (await b.history(id)).filter((e) => e.kind === 'timer');
      expect(timers, id).toHaveLength(1);
      expect((await b.verify(id)).ok).toBe(true);
    }
    expect((await b.get('r1')).state).toBe('waived');
  });

  it('cancels a timer when its state is left before the due time', async () => {
    const { engine, store, clock } = makeTimerEngine();
    await toNotice(engine, clock, 'case-1', CST('2026-03-02T09:00')); // due 03-10 00:00 (see catch-up test)
    await toReturned(engine, clock, 'case-2', CST('2026-03-02T09:00')); // due 03-17 00:00
    clock.set(CST('2026-03-05T10:00'));
    await engine.send('case-1', { type: 'OBJECT', data: { reason: '有异议' } }, { actor: actors.district });
    await engine.send('case-2', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    expect(await store.timersOf('case-1')).toEqual([]);
    expect(await store.timersOf('case-2')).toEqual([]);
    expect((await engine.get('case-1')).nextDueAt).toBeNull();
    expect(await engine.runDueTimers(CST('2026-12-31T00:00'))).toEqual({ fired: [], dropped: [] });
    expect((await engine.get('case-1')).stateKey).toBe('review.final');
    expect((await engine.get('case-2')).stateKey).toBe('review.initial');

    // Re-entering notice on Thu 03-05 schedules a fresh period: 03-06, 03-09, 03-10, 03-11, 03-12 → due 03-13 00:00.
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.district });
    expect(await store.timersOf('case-1')).toMatchObject([{ id: 'case-1:6:notice:0', dueAt: CST('2026-03-13T00:00') }]);
    expect((await engine.runDueTimers(CST('2026-03-10T00:00'))).fired).toEqual([]); // the old due time is gone
    expect((await engine.runDueTimers(CST('2026-03-13T00:00'))).fired).toHaveLength(1);
  });

  it('applies a passed deadline before a late event, even when no scheduler ran at the due time', async () => {
    const { engine, clock } = makeTimerEngine();
    await toReturned(engine, clock, 'case-1', CST('2026-03-02T09:00')); // WAIVE due 03-17 00:00 (10 working days)
    await toNotice(engine, clock, 'case-2', CST('2026-03-02T09:00')); // NOTICE_ENDS due 03-10 00:00
    clock.set(CST('2026-03-20T10:00')); // nothing ran in between
    // seed 002 §三: an application not resubmitted in time is waived, so the late SUBMIT meets `waived`.
    await expect(engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm })).rejects.toMatchObject({
      code: 'not-allowed-in-state',
      details: { stateKey: 'waived' },
    });
    // An objection after the public notice ended meets a qualified case.
    await expect(engine.send('case-2', { type: 'OBJECT', data: { reason: '异议' } }, { actor: actors.district })).rejects.toMatchObject({
      code: 'not-allowed-in-state',
      details: { stateKey: 'qualified' },
    });
    const journal = await engine.history('case-1');
    expect(journal.at(-1)).toMatchObject({ kind: 'timer', event: { type: 'WAIVE' }, at: CST('2026-03-17T00:00') });
  });

  it('fires each timer exactly once when two engines on one store run timers concurrently', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(CST('2026-03-02T09:00'));
    const { engine: a } = makeTimerEngine(store, clock);
    const { engine: b } = makeTimerEngine(store, clock);
    await toNotice(a, clock, 'x1', CST('2026-03-02T09:00'));
    await toNotice(b, clock, 'x2', CST('2026-03-03T09:00'));
    await toReturned(a, clock, 'x3', CST('2026-03-02T09:00'));
    clock.set(CST('2026-04-01T00:00'));
    const [ra, rb] = await Promise.all([a.runDueTimers(), b.runDueTimers()]);
    // A timer the other engine fired first is replayed (same command id `timer:<id>`) rather than applied again;
    // either report may list it, so count effects in the journal, not in the reports.
    const ids = new Set([...ra.fired, ...rb.fired].map((f) => f.timerId));
    expect([...ids].sort()).toEqual(['x1:4:notice:0', 'x2:4:notice:0', 'x3:3:returned:0']);
    for (const id of ['x1', 'x2', 'x3']) {
      expect((await a.history(id)).filter((e) => e.kind === 'timer'), id).toHaveLength(1);
      expect((await a.verify(id)).ok).toBe(true);
    }
    expect(await store.nextDueAt()).toBeNull();
  });

  it('startScheduler fires overdue timers on start (catch-up)', async () => {
    const { engine: a, store, clock } = makeTimerEngine();
    await toNotice(a, clock, 'case-1', CST('2026-03-02T09:00')); // due 03-10 00:00
    clock.set(CST('2026-03-20T09:00'));
    const { engine: b } = makeTimerEngine(store, clock);
    const scheduler = b.startScheduler({ pollMs: 60_000 });
    await scheduler.idle();
    scheduler.stop();
    expect((await b.get('case-1')).state).toBe('qualified');
    expect((await b.history('case-1')).at(-1)).toMatchObject({ kind: 'timer', at: CST('2026-03-10T00:00') });
  });

  it('runs nothing after stop(), even when stop() lands while a run is finishing', async () => {
    const { engine: a, store, clock } = makeTimerEngine();
    await toNotice(a, clock, 'case-1', CST('2026-03-02T09:00')); // due 03-10 00:00, not yet due
    let scheduler: Scheduler | undefined;
    // The scheduler's last step of a run is `store.nextDueAt()`; the host stops it during that read,
    // and meanwhile the deadline passes.
    const stopping = new Proxy(store, {
      get(target, prop) {
        if (prop === 'nextDueAt') {
          return async () => {
            scheduler!.stop();
            clock.set(CST('2026-03-20T09:00'));
            return target.nextDueAt();
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { engine: b } = makeTimerEngine(stopping, clock);
    scheduler = b.startScheduler({ pollMs: 0 });
    await scheduler.idle();
    // Let any run the scheduler queued (setTimeout 0, queued before ours) start, then wait for it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await scheduler.idle();
    expect((await b.get('case-1')).stateKey).toBe('notice');
  });

  it('uses a calendar extension supplied at run time and flags deadlines counted across an uncovered year', async () => {
    const { engine, store, clock } = makeTimerEngine();
    expect(engine.calendar.isCovered(2027)).toBe(false);
    // Notice entered Wed 2026-12-30 with no 2027 arrangement: weekend rule in 2027. Working days:
    // Thu 12-31 (1), Fri 2027-01-01 (2: not known as a holiday), Mon 01-04 (3), Tue 01-05 (4), Wed 01-06 (5)
    // → due 2027-01-07 00:00, provisional.
    await toNotice(engine, clock, 'before', CST('2026-12-30T10:00'));
    const provisional = { statePath: 'notice', dueAt: CST('2027-01-07T00:00'), provisional: true };
    expect(await store.timersOf('before')).toMatchObject([provisional]);

    // Configuration staff load a (made-up) 2027 notice: 01-01..01-04 off, Sat 01-09 worked.
    engine.calendar.addYearArrangement({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: ['2027-01-09'], source: 'test' });
    expect(engine.calendar.isCovered(2027)).toBe(true);
    // Same entry time now: 12-31 (1), Tue 01-05 (2), 01-06 (3), 01-07 (4), Fri 01-08 (5) → due 2027-01-09 00:00, not provisional.
    await toNotice(engine, clock, 'after', CST('2026-12-30T10:00'));
    expect(await store.timersOf('after')).toMatchObject([{ dueAt: CST('2027-01-09T00:00'), provisional: false }]);
    // 10 working days from the same day: 12-31, 01-05 … 01-08 (5), Sat 01-09 (6, 调休), 01-11 … 01-14 (10) → 2027-01-15 00:00.
    await toReturned(engine, clock, 'returned', CST('2026-12-30T10:00'));
    expect(await store.timersOf('returned')).toMatchObject([{ dueAt: CST('2027-01-15T00:00'), provisional: false }]);
    // A timer already scheduled keeps its stored due time and flag: nothing recomputes it (see report).
    expect(await store.timersOf('before')).toMatchObject([provisional]);
  });
});
