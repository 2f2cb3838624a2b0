/** Deadlines that act on the task: an overdue review is reminded, then escalated to the district, and a late final review returns itself. */
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, defineWorkflow, listDirectory } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { reviewEvents, reviewMachine } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';
import { application, MONDAY } from '../fixtures/harness.js';
import { people } from './taskFixture.js';

// The station alone reviews here, so the district's inbox shows the escalation and nothing else of it.
const events = { ...reviewEvents, APPROVE: { roles: ['supervision'] }, RETURN: { roles: ['supervision'], form: 'reason' } };

const chasedReview = defineWorkflow({
  id: 'chased-review',
  version: 1,
  machine: reviewMachine,
  start: { roles: ['producer'], form: 'application' },
  events,
  access: { regionScoped: true, subjectRoles: ['producer'] },
  tasks: { supervisors: { supervision: ['district'] }, returns: { 'review.final': ['review.initial'] } },
  deadlines: {
    'review.initial': [
      { after: { workingDays: 3 }, action: { kind: 'remind' } },
      { after: { workingDays: 5 }, action: { kind: 'escalate' } },
    ],
    'review.final': { after: { workingDays: 10 }, action: { kind: 'return', to: 'review.initial' }, label: { zh: '终审超期，退回初审', en: 'Final review overdue: back to the initial review' } },
  },
});

function setup() {
  const clock = createManualClock(MONDAY);
  const engine = createEngine({ store: createMemoryStore(), clock, workflows: [chasedReview], validate: testValidator, messageDelivery: 'manual', directory: listDirectory(Object.values(people)) });
  return { engine, clock };
}

const DAY = 24 * 3600_000;

describe('deadlines that act on the task', () => {
  it('reminds the holder after 3 working days and escalates to the district after 5; the district then assigns it', async () => {
    const { engine, clock } = setup();
    await engine.start('chased-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'c' });
    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    await engine.operate('c', { op: 'claim' }, { actor: people.sup1 });
    // Monday + 3 working days: the end of Thursday.
    clock.advance(4 * DAY);
    expect((await engine.runDueTimers()).fired.map((f) => f.event)).toEqual(['task.chase']);
    expect((await engine.get('c')).work).toMatchObject({ holder: { id: 'sup-1' }, chases: { count: 1, lastBy: { name: '系统（期限届满）' } } });
    // Before the escalation the district sees the station's task as taken (it may still disqualify).
    expect(await engine.tasks(people.district)).toMatchObject([{ assignment: 'held', events: ['DISQUALIFY'] }]);

    clock.advance(4 * DAY);
    expect((await engine.runDueTimers()).fired.map((f) => f.event)).toEqual(['task.escalate']);
    const escalated = await engine.get('c');
    expect(escalated.work).toMatchObject({ escalation: { roles: ['district'] }, chases: { count: 2 } });
    expect(await engine.tasks(people.district)).toMatchObject([{ assignment: 'escalated', holder: { name: '李审核' } }]);
    await engine.operate('c', { op: 'assign', to: 'sup-2' }, { actor: people.district });
    await engine.send('c', { type: 'APPROVE' }, { actor: people.sup2 });
    expect((await engine.get('c')).work).toBeUndefined();
    const history = await engine.history('c');
    expect(history.filter((e) => e.kind === 'timer').map((e) => [e.event.type, e.task?.by])).toEqual([
      ['task.chase', '系统（期限届满）'],
      ['task.escalate', '系统（期限届满）'],
    ]);
    expect(await engine.verify('c')).toMatchObject({ ok: true, problems: [] });
  });

  it('returns a final review nobody took within 10 working days to the initial review, with its label as the reason', async () => {
    const { engine, clock } = setup();
    await engine.start('chased-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'c' });
    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    await engine.send('c', { type: 'APPROVE' }, { actor: people.sup1 });
    clock.advance(15 * DAY);
    const report = await engine.runDueTimers();
    expect(report.fired.map((f) => f.event)).toContain('task.return');
    const record = await engine.get('c');
    expect(record.stateKey).toBe('review.initial');
    const returned = (await engine.history('c')).find((e) => e.event.type === 'task.return')!;
    expect(returned).toMatchObject({ kind: 'timer', event: { data: { to: 'review.initial', opinion: { text: '终审超期，退回初审' } } } });
    expect(await engine.verify('c')).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a deadline action the workflow could not carry out, at definition', () => {
    expect(() => defineWorkflow({ ...chasedReviewConfig(), tasks: {}, deadlines: { 'review.initial': { after: { workingDays: 5 }, action: { kind: 'escalate' } } } })).toThrow(/supervisors/);
    expect(() => defineWorkflow({ ...chasedReviewConfig(), deadlines: { 'review.initial': { after: { workingDays: 5 }, action: { kind: 'return', to: 'notice' } } } })).toThrow(/tasks\.returns/);
  });

  it('a person cannot escalate; only a deadline does', async () => {
    const { engine } = setup();
    await engine.start('chased-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'c' });
    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    await expect(engine.operate('c', { op: 'escalate' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'system-only' } });
  });
});

function chasedReviewConfig() {
  return { id: 'x', version: 1, machine: reviewMachine, start: { roles: ['producer'] }, events, tasks: { supervisors: { supervision: ['district'] }, returns: { 'review.final': ['review.initial'] } } };
}
