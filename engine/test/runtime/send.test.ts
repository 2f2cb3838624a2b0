import { describe, expect, it } from 'vitest';
import { MAX_EVENT_DATA_BYTES, createEngine, createMemoryStore } from '../../src/index.js';
import { reviewWorkflow } from '../fixtures/sampleWorkflows.js';
import { actors, application, makeEngine, openReview } from '../fixtures/harness.js';

describe('engine.send', () => {
  it('moves a case through review and records every step in the journal', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const approved = await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision });
    expect(approved.state).toEqual({ review: 'final' });
    expect(approved.revision).toBe(3);
    const journal = await engine.history('case-1');
    expect(journal.map((e) => [e.seq, e.event.type, e.actor.role])).toEqual([
      [1, 'start', 'producer'],
      [2, 'SUBMIT', 'producer'],
      [3, 'APPROVE', 'supervision'],
    ]);
    expect(journal[1]).toMatchObject({ form: { id: 'application', version: '1' }, stateBefore: 'draft', stateAfter: { review: 'initial' } });
    expect((await engine.verify('case-1')).ok).toBe(true);
  });

  it('refuses a role that may not send the event, and writes nothing', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const before = await engine.history('case-1');
    const error = await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.farm }).catch((e) => e);
    expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'role', allowedRoles: ['supervision', 'district'] } });
    expect(error.messageZh).toContain('仅限');
    expect(await engine.history('case-1')).toEqual(before);
    expect((await engine.get('case-1')).revision).toBe(2);
  });

  it('refuses actors from another region and producers acting for another farm', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision });
    await expect(engine.send('case-1', { type: 'APPROVE' }, { actor: actors.beijingDistrict })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'region' } });
    const { engine: e2 } = makeEngine();
    await openReview(e2);
    await expect(e2.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.otherFarm })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'subject' } });
  });

  it('refuses the reserved system role from callers', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await expect(
      engine.send('case-1', { type: 'WAIVE' }, { actor: { id: 'x', roles: ['system'], region: 'jiyuan' } }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses an event the state does not accept, listing what it accepts', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    const error = await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision }).catch((e) => e);
    expect(error).toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'state', stateKey: 'draft' } });
    expect(error.details.allowed).toEqual(['SUBMIT', 'DISQUALIFY']);
  });

  it('refuses data that fails the form, with field paths, before touching the machine', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    const error = await engine.send('case-1', { type: 'SUBMIT', data: { farmName: '', headCount: '多' } }, { actor: actors.farm }).catch((e) => e);
    expect(error.code).toBe('invalid-data');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(['/farmName', '/headCount']);
    await expect(engine.send('case-1', { type: 'SUBMIT' }, { actor: actors.farm })).rejects.toMatchObject({ code: 'invalid-data' });
    expect((await engine.get('case-1')).revision).toBe(1);
  });

  it('refuses an event whose guard fails as not-allowed-in-state (guard)', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await expect(engine.send('case-1', { type: 'SUBMIT', data: { farmName: '小场', headCount: 20 } }, { actor: actors.farm })).rejects.toMatchObject({
      code: 'not-allowed-in-state',
      details: { reason: 'guard' },
    });
  });

  it('returns the first result for a repeated commandId and writes nothing more', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    const first = await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm, commandId: 'cmd-1' });
    const again = await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm, commandId: 'cmd-1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await engine.history('case-1')).toHaveLength(2);
    await expect(engine.send('case-2', { type: 'SUBMIT' }, { actor: actors.farm, commandId: 'cmd-1' })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'command-reused', differs: expect.arrayContaining(['case']) },
    });
  });

  it('refuses a commandId reused for another event or other data as a conflict, and writes nothing', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm, commandId: 'cmd-1' });
    const other = { ...application, [Object.keys(application)[0]!]: 'changed' };
    await expect(engine.send('case-1', { type: 'SUBMIT', data: other }, { actor: actors.farm, commandId: 'cmd-1' })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'command-reused', differs: ['data'] },
      messageZh: expect.stringContaining('新的操作须使用新的指令号'),
    });
    await expect(engine.send('case-1', { type: 'APPROVE' }, { actor: actors.farm, commandId: 'cmd-1' })).rejects.toMatchObject({ code: 'conflict', details: { differs: ['event'] } });
    expect(await engine.history('case-1')).toHaveLength(2);
  });

  it('refuses event data above the size limit with its numbers', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    const big = { ...application, note: 'x'.repeat(MAX_EVENT_DATA_BYTES) };
    await expect(engine.send('case-1', { type: 'SUBMIT', data: big }, { actor: actors.farm })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { path: 'event.data', limit: MAX_EVENT_DATA_BYTES },
      messageZh: expect.stringContaining('超过上限 256 KiB'),
    });
    expect(await engine.history('case-1')).toHaveLength(1);
  });

  it('turns a stale concurrent write into a conflict, never a lost update', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const results = await Promise.allSettled([
      engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision }),
      engine.send('case-1', { type: 'RETURN', data: { reason: '资料不全' } }, { actor: actors.supervision }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict' });
    expect(await engine.history('case-1')).toHaveLength(3);
    expect((await engine.verify('case-1')).ok).toBe(true);
  });

  it('validates its inputs with bilingual messages', async () => {
    const { engine } = makeEngine();
    await openReview(engine);
    const cases: unknown[][] = [
      ['case-1', null, { actor: actors.farm }],
      ['case-1', { type: '' }, { actor: actors.farm }],
      ['case-1', { type: 'SUBMIT', farmName: 'x' }, { actor: actors.farm }],
      ['case-1', { type: 'SUBMIT', data: { when: new Date() } }, { actor: actors.farm }],
      ['case-1', { type: 'SUBMIT', data: { n: Number.NaN } }, { actor: actors.farm }],
      ['case-1', { type: 'SUBMIT' }, { actor: { id: 'x' } }],
      ['case-1', { type: 'SUBMIT' }, undefined],
      ['case-1', { type: 'NO_SUCH_EVENT' }, { actor: actors.farm }],
    ];
    for (const args of cases) {
      const error = await (engine.send as (...a: unknown[]) => Promise<unknown>)(...args).catch((e) => e);
      expect(error, JSON.stringify(args[1])).toMatchObject({ code: 'invalid-input' });
      expect((error as { messageZh: string }).messageZh).toMatch(/[\u4e00-\u9fa5]/);
    }
    await expect(engine.send('nope', { type: 'SUBMIT' }, { actor: actors.farm })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists tasks by role and scope, and only events the actor may send', async () => {
    const { engine } = makeEngine();
    await openReview(engine, 'case-1', 'farm-1');
    await openReview(engine, 'case-2', 'farm-2');
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const farmTasks = await engine.tasks(actors.farm);
    expect(farmTasks.map((t) => t.instance.id)).toEqual([]);
    expect((await engine.tasks(actors.otherFarm)).map((t) => [t.instance.id, t.events])).toEqual([['case-2', ['SUBMIT']]]);
    expect((await engine.tasks(actors.supervision)).map((t) => [t.instance.id, t.events])).toEqual([['case-1', ['APPROVE', 'RETURN']]]);
    expect((await engine.tasks(actors.district)).map((t) => t.instance.id).sort()).toEqual(['case-1', 'case-2']);
    expect(await engine.tasks(actors.beijingDistrict)).toEqual([]);
    expect(await engine.tasks(actors.public)).toEqual([]);
    expect((await engine.query({ workflowId: 'sample-review', state: 'review' })).map((r) => r.id)).toEqual(['case-1']);
    expect(await engine.count({ workflowId: 'sample-review', state: 'review' })).toBe(1);
    expect(await engine.count({ region: 'jiyuan' })).toBe(2);
    await expect(engine.query({ workflow: 'x' } as never)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('a form the validator cannot use', () => {
  it('is the form definition\'s fault (invalid-definition with its issues), not the data\'s, and nothing is written', async () => {
    const store = createMemoryStore();
    const brokenForm = () => {
      throw Object.assign(new Error('表单定义 application@1 无效：规则循环依赖 / Invalid form definition application@1: dependency cycle: a → a'), {
        issues: [{ path: '/rules/a/compute', message: 'dependency cycle: a → a', messageZh: '规则循环依赖：a → a' }],
      });
    };
    const engine = createEngine({ store, workflows: [reviewWorkflow], validate: brokenForm, messageDelivery: 'manual' });
    await expect(engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application })).rejects.toMatchObject({
      name: 'EngineError',
      code: 'invalid-definition',
      details: { form: 'application', issues: [{ path: '/rules/a/compute' }] },
    });
    expect(await store.exportAll()).toMatchObject({ instances: [], journal: [] });
  });
});
