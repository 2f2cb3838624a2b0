/** Claim, release, assign, transfer and delegate: who holds a task, and who may act on it then. */
import { describe, expect, it } from 'vitest';
import { opinion, people, submittedReview, taskEngine } from './taskFixture.js';

describe('claiming a task', () => {
  it('a claim makes the task the claimer\'s: colleagues see it held and may not decide it; the next state frees it', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    expect((await engine.tasks(people.sup1)).map((t) => t.assignment)).toEqual(['unclaimed']);
    await engine.operate(id, { op: 'claim' }, { actor: people.sup1 });

    expect(await engine.tasks(people.sup1)).toMatchObject([{ assignment: 'mine', holder: { id: 'sup-1', name: '李审核' } }]);
    expect(await engine.tasks(people.sup2)).toMatchObject([{ assignment: 'held', holder: { name: '李审核' }, events: [] }]);
    await expect(engine.send(id, { type: 'APPROVE' }, { actor: people.sup2 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'held' }, messageZh: expect.stringContaining('李审核') });
    await expect(engine.operate(id, { op: 'claim' }, { actor: people.sup2 })).rejects.toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'held' } });
    // The farm's own events are not the station's to hold.
    expect(await engine.allowedEvents(id, people.sup2)).toEqual([]);

    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1, opinion: opinion('材料齐全，同意') });
    const record = await engine.get(id);
    expect(record.stateKey).toBe('review.final');
    expect(record.work).toBeUndefined();
    const last = (await engine.history(id)).at(-1)!;
    expect(last.opinion).toEqual({ text: '材料齐全，同意', signer: '李审核' });
    expect((await engine.verify(id)).ok).toBe(true);
  });

  it('only the holder releases, and a released task is the role\'s again', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'claim' }, { actor: people.sup1 });
    await expect(engine.operate(id, { op: 'release' }, { actor: people.sup2 })).rejects.toMatchObject({ code: 'forbidden' });
    await engine.operate(id, { op: 'release' }, { actor: people.sup1 });
    expect((await engine.get(id)).work).toBeUndefined();
    expect((await engine.tasks(people.sup2)).map((t) => t.assignment)).toEqual(['unclaimed']);
  });

  it('nobody claims what their role may not act on, nor outside their region; the farm does not claim', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await expect(engine.operate(id, { op: 'claim' }, { actor: people.supElsewhere })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(engine.operate(id, { op: 'claim' }, { actor: people.farm })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(engine.operate(id, { op: 'claim' }, { actor: people.municipal })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await engine.history(id)).length).toBe(2);
  });
});

describe('assigning, transferring and delegating', () => {
  it('the district (the station\'s supervisor) assigns the review to a named officer; a colleague may not', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await expect(engine.operate(id, { op: 'assign', to: 'sup-2' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not-supervisor' } });
    await expect(engine.operate(id, { op: 'assign', to: 'sup-bj' }, { actor: people.district })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'target-scope' } });
    await expect(engine.operate(id, { op: 'assign', to: 'nobody' }, { actor: people.district })).rejects.toMatchObject({ code: 'not-found' });
    await engine.operate(id, { op: 'assign', to: 'sup-2' }, { actor: people.district });
    expect((await engine.get(id)).work?.holder).toMatchObject({ id: 'sup-2', name: '赵审核', role: 'supervision', how: 'assigned' });
    expect((await engine.tasks(people.sup2))[0]!.assignment).toBe('mine');
    const entry = (await engine.history(id)).at(-1)!;
    expect(entry).toMatchObject({ kind: 'task', event: { type: 'task.assign', data: { to: 'sup-2' } }, actor: { id: 'dist-1', role: 'district' }, task: { by: '孙科长', people: [{ id: 'sup-2', name: '赵审核', role: 'supervision' }] } });
  });

  it('转办 moves the task for good: the new holder decides, the old one no longer may', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'claim' }, { actor: people.sup1 });
    await expect(engine.operate(id, { op: 'transfer', to: 'dist-1' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'target-scope' } });
    await engine.operate(id, { op: 'transfer', to: 'sup-2', opinion: opinion('本人出差，转赵审核办理') }, { actor: people.sup1 });
    await expect(engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'held' } });
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup2 });
    expect((await engine.get(id)).stateKey).toBe('review.final');
    expect((await engine.verify(id)).ok).toBe(true);
  });

  it('委派 hands the task to a colleague, who hands it back; until then nobody decides; then the delegator does', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'delegate', to: 'sup-2', opinion: opinion('请核实存栏') }, { actor: people.sup1 });
    expect((await engine.get(id)).work).toMatchObject({ holder: { id: 'sup-1', how: 'claimed' }, delegate: { id: 'sup-2' } });
    expect((await engine.tasks(people.sup2))[0]!.assignment).toBe('mine');
    for (const actor of [people.sup1, people.sup2]) {
      await expect(engine.send(id, { type: 'APPROVE' }, { actor })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'delegated' } });
    }
    await expect(engine.operate(id, { op: 'resolve', opinion: opinion('已核实') }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(engine.operate(id, { op: 'resolve' } as never, { actor: people.sup2 })).rejects.toMatchObject({ code: 'invalid-input', details: { path: 'operation.opinion' } });
    await engine.operate(id, { op: 'resolve', opinion: opinion('已核实存栏 350 头') }, { actor: people.sup2 });
    expect((await engine.get(id)).work).toMatchObject({ holder: { id: 'sup-1' } });
    expect((await engine.get(id)).work?.delegate).toBeUndefined();
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 });
    expect((await engine.verify(id)).ok).toBe(true);
  });
});

describe('copies and chasing', () => {
  it('抄送 lists the case for the reader, unread until read; a copy to someone who may not see the case is refused', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await expect(engine.operate(id, { op: 'copy', to: ['sup-bj'] }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'forbidden' });
    await engine.operate(id, { op: 'copy', to: ['dist-1'], opinion: opinion('请知悉') }, { actor: people.sup1 });
    expect(await engine.copies(people.district)).toMatchObject([{ instance: { id }, copy: { by: { name: '李审核' }, to: { id: 'dist-1' } } }]);
    expect((await engine.copies(people.district))[0]!.copy.readAt).toBeUndefined();
    expect((await engine.allowedOperations(id, people.district)).operations).toContain('read');
    await engine.operate(id, { op: 'read' }, { actor: people.district });
    expect((await engine.copies(people.district))[0]!.copy.readAt).toBeTypeOf('number');
    await expect(engine.operate(id, { op: 'read' }, { actor: people.district })).rejects.toMatchObject({ code: 'not-allowed-in-state' });
    // The copy outlives the task it was sent from.
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 });
    expect(await engine.copies(people.district)).toHaveLength(1);
  });

  it('催办 counts reminders to the holder; the holder does not chase their own task', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'claim' }, { actor: people.sup1 });
    await engine.operate(id, { op: 'chase' }, { actor: people.farm });
    await engine.operate(id, { op: 'chase', opinion: opinion('请尽快审核') }, { actor: people.district });
    expect((await engine.get(id)).work?.chases).toMatchObject({ count: 2, lastBy: { name: '孙科长' } });
    await expect(engine.operate(id, { op: 'chase' }, { actor: people.sup1 })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(engine.operate(id, { op: 'chase' }, { actor: people.supElsewhere })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await engine.verify(id)).ok).toBe(true);
  });
});

describe('bad operations', () => {
  it('names what is wrong, in both languages, and writes nothing', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    const bad: unknown[] = [
      { op: 'fly' },
      { op: 'claim', extra: 1 },
      { op: 'transfer' },
      { op: 'return', to: 'draft' },
      { op: 'return', to: 'draft', opinion: { text: '   ' } },
      { op: 'copy', to: [] },
      { op: 'countersign', draw: 2, signers: ['a'] },
      { op: 'vote', decision: 'maybe', opinion: { text: 'x' } },
      { op: 'chase', opinion: { text: 'x'.repeat(2001) } },
      null,
    ];
    for (const operation of bad) {
      const error = await engine.operate(id, operation as never, { actor: people.sup1 }).catch((e) => e);
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect(error.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await engine.history(id)).length).toBe(2);
  });

  it('a repeated commandId answers the first result; reused for another operation it is a conflict', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    const first = await engine.operate(id, { op: 'claim' }, { actor: people.sup1, commandId: 'cmd-claim' });
    expect(await engine.operate(id, { op: 'claim' }, { actor: people.sup1, commandId: 'cmd-claim' })).toMatchObject({ seq: first.seq, replayed: true });
    await expect(engine.operate(id, { op: 'release' }, { actor: people.sup1, commandId: 'cmd-claim' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
