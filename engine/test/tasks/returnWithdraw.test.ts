/** 退回 to an earlier step the case passed through, and 撤回 of one's own last step before the next person acts. */
import { describe, expect, it } from 'vitest';
import { application } from '../fixtures/harness.js';
import { opinion, people, submittedReview, taskEngine } from './taskFixture.js';

describe('returning a task to an earlier step', () => {
  it('the final review returns to the initial review (a state the case passed through), with its reason; history is kept', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 });
    expect(await engine.allowedOperations(id, people.district)).toMatchObject({ returnTargets: ['review.initial', 'draft'] });
    await expect(engine.operate(id, { op: 'return', to: 'notice', opinion: opinion('x') }, { actor: people.district })).rejects.toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'return-target' } });
    await expect(engine.operate(id, { op: 'return', to: 'review.initial', opinion: opinion('x') }, { actor: people.farm })).rejects.toMatchObject({ code: 'forbidden' });
    await engine.operate(id, { op: 'return', to: 'review.initial', opinion: opinion('存栏数量与防疫记录不符，请重新初审') }, { actor: people.district });

    const record = await engine.get(id);
    expect(record.stateKey).toBe('review.initial');
    const history = await engine.history(id);
    expect(history.map((e) => e.kind)).toEqual(['start', 'event', 'event', 'task']);
    expect(history.at(-1)).toMatchObject({ event: { type: 'task.return', data: { to: 'review.initial' } }, opinion: { text: '存栏数量与防疫记录不符，请重新初审', signer: '孙科长' }, stateBefore: { review: 'final' }, stateAfter: { review: 'initial' } });
    expect((await engine.verify(id)).ok).toBe(true);
    // The station reviews again.
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup2 });
    expect((await engine.get(id)).stateKey).toBe('review.final');
  });

  it('a state the case never passed through is not offered, and a return to the farm recomputes its deadline', async () => {
    const { engine, clock } = taskEngine();
    await engine.start('sample-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'c' });
    expect((await engine.allowedOperations('c', people.sup1)).returnTargets).toEqual([]);
    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    clock.advance(3 * 24 * 3600_000);
    await engine.operate('c', { op: 'return', to: 'draft', opinion: opinion('材料不全') }, { actor: people.sup1 });
    expect((await engine.get('c')).stateKey).toBe('draft');
    expect((await engine.verify('c')).ok).toBe(true);
  });
});

describe('withdrawing one\'s last step', () => {
  it('the station takes back its approval before the district acts: the case is back in the initial review, held by the station', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 });
    expect((await engine.allowedOperations(id, people.sup1)).operations).toContain('withdraw');
    await expect(engine.operate(id, { op: 'withdraw' }, { actor: people.sup2 })).rejects.toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'not-last-step' } });
    await engine.operate(id, { op: 'withdraw', opinion: opinion('误点通过') }, { actor: people.sup1 });
    const record = await engine.get(id);
    expect(record.stateKey).toBe('review.initial');
    expect(record.work?.holder).toMatchObject({ id: 'sup-1', how: 'withdrawn', role: 'supervision' });
    const history = await engine.history(id);
    expect(history.map((e) => e.event.type)).toEqual(['start', 'SUBMIT', 'APPROVE', 'task.withdraw']);
    expect(history.at(-1)!.task?.effects).toEqual({ withdrawnSeq: 3 });
    expect((await engine.verify(id)).ok).toBe(true);
    // Withdrawn once, there is nothing more of the station's to withdraw.
    await expect(engine.operate(id, { op: 'withdraw' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'not-allowed-in-state' });
  });

  it('a farm withdraws its submission (its context and deadlines as they were); once the station acted, it may not', async () => {
    const { engine, clock } = taskEngine();
    await engine.start('sample-review', { actor: people.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'c' });
    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    await engine.send('c', { type: 'RETURN', data: { reason: '缺少防疫记录' } }, { actor: people.sup1 });
    const returned = await engine.get('c');
    await engine.send('c', { type: 'SUBMIT', data: { farmName: '改名后', headCount: 400 } }, { actor: people.farm });
    clock.advance(24 * 3600_000);
    await engine.operate('c', { op: 'withdraw' }, { actor: people.farm });
    const back = await engine.get('c');
    expect(back.stateKey).toBe('returned');
    expect(back.context).toEqual(returned.context);
    // The waiver deadline of the returned state keeps the due time it had.
    expect(back.timers.map((t) => t.dueAt)).toEqual(returned.timers.map((t) => t.dueAt));
    expect(back.work).toBeUndefined();
    expect((await engine.verify('c')).ok).toBe(true);

    await engine.send('c', { type: 'SUBMIT', data: application }, { actor: people.farm });
    await engine.send('c', { type: 'APPROVE' }, { actor: people.sup1 });
    await expect(engine.operate('c', { op: 'withdraw' }, { actor: people.farm })).rejects.toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'not-last-step' } });
  });
});
