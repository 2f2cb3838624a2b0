/** 会签 by an expert panel at 2/3 (seed 000 §六(二): 80 points pass), 加签/减签, and a return from inside the countersign. */
import { describe, expect, it } from 'vitest';
import { countersignOutcome, type Actor } from '../../src/index.js';
import { evaluationCase, opinion, people, taskEngine } from './taskFixture.js';

const score = (n: number) => ({ score: n });

describe('countersign rules', () => {
  const signers = (...votes: Array<'agree' | 'disagree' | null>) => votes.map((v, i) => ({ id: `s${i}`, ...(v ? { vote: { decision: v, opinion: { text: '' }, at: 0 } } : {}) }));
  it('all, any (或签) and a ratio decide as soon as the outcome is certain', () => {
    expect(countersignOutcome({ kind: 'all' }, signers('agree', null))).toBe('open');
    expect(countersignOutcome({ kind: 'all' }, signers('agree', 'agree'))).toBe('pass');
    expect(countersignOutcome({ kind: 'all' }, signers('disagree', null))).toBe('fail');
    expect(countersignOutcome({ kind: 'any' }, signers(null, 'disagree'))).toBe('fail');
    expect(countersignOutcome({ kind: 'any' }, signers('agree', null))).toBe('pass');
    const twoThirds = { kind: 'ratio', agree: 2, of: 3 } as const;
    expect(countersignOutcome(twoThirds, signers('agree', null, null))).toBe('open');
    expect(countersignOutcome(twoThirds, signers('agree', 'agree', null))).toBe('pass');
    expect(countersignOutcome(twoThirds, signers('disagree', 'disagree', null))).toBe('fail');
    expect(countersignOutcome(twoThirds, signers('agree', 'disagree', null))).toBe('open');
    // 2/3 of four signers is 2.67: two agreeing are not enough, three are.
    expect(countersignOutcome(twoThirds, signers('agree', 'agree', 'disagree', null))).toBe('open');
    expect(countersignOutcome(twoThirds, signers('agree', 'agree', 'disagree', 'agree'))).toBe('pass');
  });
});

describe('an evaluation by a three-expert panel at 2/3', () => {
  it('two passing score sheets pass the evaluation with their mean; the third expert\'s vote is no longer needed', async () => {
    const { engine } = taskEngine();
    const id = await evaluationCase(engine);
    // A single expert may still decide while no panel is formed; once it is, the decision is the panel's.
    expect(await engine.allowedEvents(id, people.expert1)).toEqual(['EVALUATE']);
    await expect(engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.expert1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(engine.operate(id, { op: 'countersign', signers: ['exp-1', 'sup-1'] }, { actor: people.municipal })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'signer-scope' } });
    await engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    expect(await engine.allowedEvents(id, people.expert1)).toEqual([]);
    await expect(engine.send(id, { type: 'EVALUATE', data: score(90) }, { actor: people.expert1 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'countersign' } });
    expect((await engine.tasks(people.expert2))[0]).toMatchObject({ assignment: 'mine' });
    expect((await engine.allowedOperations(id, people.expert2)).operations).toContain('vote');

    await engine.operate(id, { op: 'vote', data: score(86), opinion: opinion('用药记录规范') }, { actor: people.expert1 });
    await expect(engine.operate(id, { op: 'vote', data: score(86), opinion: opinion('again') }, { actor: people.expert1 })).rejects.toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'voted' } });
    await expect(engine.operate(id, { op: 'vote', decision: 'agree', data: score(60), opinion: opinion('x') }, { actor: people.expert2 })).rejects.toMatchObject({ code: 'invalid-input', details: { reason: 'decision' } });
    await expect(engine.operate(id, { op: 'vote', data: { score: 'high' }, opinion: opinion('x') }, { actor: people.expert2 })).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(engine.operate(id, { op: 'vote', data: score(70), opinion: opinion('x') }, { actor: people.expert4 })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not-signer' } });
    expect((await engine.get(id)).stateKey).toBe('evaluation');

    await engine.operate(id, { op: 'vote', data: score(91), opinion: opinion('台账完整') }, { actor: people.expert2 });
    const record = await engine.get(id);
    expect(record).toMatchObject({ stateKey: 'passed', status: 'done', context: { score: 88.5 } });
    expect(record.work).toBeUndefined();
    const last = (await engine.history(id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'task', event: { type: 'task.vote' }, form: { id: 'score' }, task: { effects: { countersign: { outcome: 'pass', agree: 2, disagree: 0, pending: 1, event: 'EVALUATE' } } } });
    expect((await engine.verify(id)).ok).toBe(true);
  });

  it('two failing sheets fail it; a drawn panel is the same on a retry; 加签 and 减签 change the count the ratio is taken of', async () => {
    const { engine } = taskEngine();
    const id = await evaluationCase(engine);
    await expect(engine.operate(id, { op: 'countersign', draw: 5 }, { actor: people.municipal })).rejects.toMatchObject({ code: 'invalid-input', details: { eligible: 4, requested: 5 } });
    await engine.operate(id, { op: 'countersign', draw: 3 }, { actor: people.municipal, commandId: 'draw-1' });
    const drawn = (await engine.get(id)).work!.countersign!.signers.map((s) => s.id);
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn).size).toBe(3);
    expect(await engine.operate(id, { op: 'countersign', draw: 3 }, { actor: people.municipal, commandId: 'draw-1' })).toMatchObject({ replayed: true });

    const outside = ['exp-1', 'exp-2', 'exp-3', 'exp-4'].find((e) => !drawn.includes(e))!;
    await engine.operate(id, { op: 'add-signer', person: outside }, { actor: people.municipal });
    await expect(engine.operate(id, { op: 'add-signer', person: outside }, { actor: people.municipal })).rejects.toMatchObject({ code: 'invalid-input', details: { reason: 'already-signer' } });
    const experts: Actor[] = Object.values(people).filter((p) => p.roles.includes('expert-office'));
    const byId = (pid: string) => experts.find((e) => e.id === pid)!;
    await engine.operate(id, { op: 'vote', data: score(60), opinion: opinion('抗菌药使用超量') }, { actor: byId(drawn[0]!) });
    await expect(engine.operate(id, { op: 'remove-signer', person: drawn[0]! }, { actor: people.municipal })).rejects.toMatchObject({ details: { reason: 'voted' } });
    await engine.operate(id, { op: 'remove-signer', person: outside }, { actor: people.municipal });
    expect((await engine.get(id)).work!.countersign!.signers).toHaveLength(3);
    await engine.operate(id, { op: 'vote', data: score(72), opinion: opinion('停药期记录缺失') }, { actor: byId(drawn[1]!) });
    // Two of three disagree: 2/3 can no longer be reached.
    expect(await engine.get(id)).toMatchObject({ stateKey: 'failed', context: { score: 66 } });
    expect((await engine.verify(id)).ok).toBe(true);
  });

  it('a signer returns the evaluation to the farm from inside the countersign: the pending votes are cancelled and recorded', async () => {
    const { engine } = taskEngine();
    const id = await evaluationCase(engine);
    await engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    await engine.operate(id, { op: 'vote', data: score(85), opinion: opinion('基本符合') }, { actor: people.expert1 });
    await expect(engine.operate(id, { op: 'return', to: 'rectifying', opinion: opinion('x') }, { actor: people.expert4 })).rejects.toMatchObject({ code: 'forbidden' });
    await engine.operate(id, { op: 'return', to: 'rectifying', opinion: opinion('整改报告缺少用药台账，退回补充') }, { actor: people.expert2 });

    const record = await engine.get(id);
    expect(record.stateKey).toBe('rectifying');
    expect(record.work).toBeUndefined();
    const last = (await engine.history(id)).at(-1)!;
    expect(last.task?.effects).toEqual({ countersignCancelled: { pending: [{ id: 'exp-2', name: '郑专家' }, { id: 'exp-3', name: '冯专家' }], votes: 1 } });
    expect((await engine.tasks(people.expert3))).toEqual([]);
    expect((await engine.verify(id)).ok).toBe(true);
    // The farm reports again and a new panel starts afresh.
    await engine.send(id, { type: 'REPORT' }, { actor: people.farm });
    await engine.operate(id, { op: 'countersign', signers: ['exp-2', 'exp-3'] }, { actor: people.municipal });
    expect((await engine.get(id)).work!.countersign!.signers.every((s) => !s.vote)).toBe(true);
  });
});
