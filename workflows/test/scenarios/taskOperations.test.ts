/**
 * Task operations on the real lifecycles (issue 15): a Beijing re-check by a three-expert panel at 2/3
 * returned to the farm from inside the countersign; a Jiyuan initial review transferred, delegated and
 * withdrawn, then countersigned by the bureau's sections. Every journal verifies.
 */
import { createEngine, createManualClock, createMemoryStore, listDirectory, type Actor } from '@nongan/engine';
import { describe, expect, it } from 'vitest';
import { createRegionEngineOptions, sampleData, startCase } from '../../src/index.js';
import { actorFor, chinaTime, fireNextDeadline } from '../harness.js';

const named = (actor: Actor, id: string, name: string): Actor => ({ ...actor, id, name });
const bj = {
  farm: named(actorFor('beijing', 'producer', 'bj-farm-1'), 'bj-farm-user', '刘场长'),
  municipal: named(actorFor('beijing', 'municipal'), 'bj-muni', '市局 周处长'),
  experts: ['吴', '郑', '冯', '陈'].map((n, i) => named(actorFor('beijing', 'expert-office'), `bj-exp-${i + 1}`, `${n}专家`)),
};
const jy = {
  farm: named(actorFor('jiyuan', 'producer', 'jy-farm-1'), 'jy-farm-user', '王场长'),
  stationA: named(actorFor('jiyuan', 'supervision'), 'jy-sup-a', '李审核'),
  stationB: named(actorFor('jiyuan', 'supervision'), 'jy-sup-b', '赵审核'),
  stationC: named(actorFor('jiyuan', 'supervision'), 'jy-sup-c', '钱审核'),
  sectionHead: named(actorFor('jiyuan', 'district'), 'jy-dist-1', '防疫检疫科 孙科长'),
  section2: named(actorFor('jiyuan', 'district'), 'jy-dist-2', '财务科 周科长'),
};

function engineWithPeople(start: string) {
  const clock = createManualClock(chinaTime(start));
  const people = [bj.farm, bj.municipal, ...bj.experts, ...Object.values(jy)];
  const engine = createEngine({ ...createRegionEngineOptions({ store: createMemoryStore(), clock }), messageDelivery: 'manual', directory: listDirectory(people) });
  return { engine, clock };
}

const sheet = (score: number, evaluatedOn: string, findings = '') => ({ score, method: 'onsite', evaluatedOn, ...(findings ? { findings } : {}) });

describe('Beijing: a re-check by a three-expert panel at 2/3, returned to the farm from inside the countersign (seed 000 §六)', () => {
  it('passes the first evaluation by panel, fails a re-evaluation, and sends the re-check back to the farm', async () => {
    const harness = engineWithPeople('2026-01-05');
    const { engine, clock } = harness;
    const [e1, e2, e3] = bj.experts as [Actor, Actor, Actor, Actor];
    const { instanceId: id } = await startCase(engine, 'certification', { actor: bj.farm, region: 'beijing', subject: 'bj-farm-1', data: sampleData('beijing', 'cert-application') });

    // The bureau forms the panel; two sheets of 80 and above decide at 2/3, the third expert need not vote.
    await engine.operate(id, { op: 'countersign', signers: [e1.id, e2.id, e3.id] }, { actor: bj.municipal });
    await engine.operate(id, { op: 'vote', data: sheet(86, '2026-01-08'), opinion: { text: '用药台账规范' } }, { actor: e1 });
    await engine.operate(id, { op: 'vote', data: sheet(90, '2026-01-09'), opinion: { text: '符合达标标准' } }, { actor: e2 });
    expect(await engine.get(id)).toMatchObject({ stateKey: 'recognition', context: { scores: [{ kind: 'evaluation', score: 88, passed: true, on: '2026-01-09' }] } });
    await engine.send(id, { type: 'RECOGNISE' }, { actor: bj.municipal, opinion: { text: '同意认定' } });

    expect(await fireNextDeadline(harness, id)).toBe('YEAR_ENDS');
    expect(await fireNextDeadline(harness, id)).toBe('RE_EVALUATION_DUE');
    clock.set(chinaTime('2028-01-20'));
    await engine.operate(id, { op: 'countersign', signers: [e1.id, e2.id, e3.id] }, { actor: bj.municipal });
    await engine.operate(id, { op: 'vote', data: sheet(70, '2028-01-20', '抗菌药使用超量'), opinion: { text: '不合格' } }, { actor: e1 });
    await engine.operate(id, { op: 'vote', data: sheet(85, '2028-01-20'), opinion: { text: '合格' } }, { actor: e2 });
    await engine.operate(id, { op: 'vote', data: sheet(74, '2028-01-21', '停药期记录缺失'), opinion: { text: '不合格' } }, { actor: e3 });
    // Two of three below 80: the panel fails the farm with the mean of the failing sheets (72).
    expect(await engine.get(id)).toMatchObject({ stateKey: 'suspended', context: { scores: [{}, { kind: 'reEvaluation', score: 72, passed: false }] } });

    clock.set(chinaTime('2028-05-01'));
    await engine.send(id, { type: 'RECTIFICATION_REPORT', data: { measures: '规范用药台账', completedOn: '2028-04-28' } }, { actor: bj.farm });
    await engine.operate(id, { op: 'countersign', signers: [e1.id, e2.id, e3.id] }, { actor: bj.municipal });
    await engine.operate(id, { op: 'vote', data: sheet(82, '2028-05-08'), opinion: { text: '基本整改到位' } }, { actor: e1 });
    clock.set(chinaTime('2028-05-10'));
    await engine.operate(id, { op: 'return', to: 'suspended', opinion: { text: '整改报告缺少停药期记录，退回养殖场补充' } }, { actor: e2 });

    const back = await engine.get(id);
    // Back with the farm; its 6-month rectification period runs again from the return (seed 000 §六(三)).
    expect([back.stateKey, back.nextDueAt, back.work]).toEqual(['suspended', chinaTime('2028-11-11', '00:00'), undefined]);
    const returned = (await engine.history(id)).at(-1)!;
    expect(returned.task?.effects).toEqual({ countersignCancelled: { pending: [{ id: e2.id, name: '郑专家' }, { id: e3.id, name: '冯专家' }], votes: 1 } });
    expect((await engine.tasks(bj.farm)).map((t) => t.instance.id)).toEqual([id]);

    await engine.send(id, { type: 'RECTIFICATION_REPORT', data: { measures: '补充停药期记录', completedOn: '2028-05-20' } }, { actor: bj.farm });
    await engine.operate(id, { op: 'countersign', signers: [e1.id, e2.id, e3.id] }, { actor: bj.municipal });
    await engine.operate(id, { op: 'vote', data: sheet(84, '2028-05-25'), opinion: { text: '合格' } }, { actor: e2 });
    await engine.operate(id, { op: 'vote', data: sheet(88, '2028-05-25'), opinion: { text: '合格' } }, { actor: e3 });
    expect((await engine.get(id)).stateKey).toBe('certified');
    expect(await engine.verify(id)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('Jiyuan: an initial review transferred, delegated and withdrawn, then countersigned by the sections (seed 002 §四)', () => {
  it('moves the task between officers and keeps every step in the journal', async () => {
    const { engine } = engineWithPeople('2024-10-15');
    const { instanceId: id } = await startCase(engine, 'qualificationReview', { actor: jy.farm, region: 'jiyuan', subject: 'jy-farm-1', data: { farmName: '济源市梨林镇兴旺养猪场', year: 2024 } });
    await engine.send(id, { type: 'SUBMIT', data: { species: 'pig', stock: 800, annualOutput: 1500 } }, { actor: jy.farm });

    await engine.operate(id, { op: 'claim' }, { actor: jy.stationA });
    await engine.operate(id, { op: 'transfer', to: jy.stationB.id, opinion: { text: '本人外出，转赵审核' } }, { actor: jy.stationA });
    await engine.operate(id, { op: 'delegate', to: jy.stationC.id, opinion: { text: '请现场核实存栏' } }, { actor: jy.stationB });
    await expect(engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: jy.stationB })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'delegated' } });
    await engine.operate(id, { op: 'resolve', opinion: { text: '现场核实存栏 800 头' } }, { actor: jy.stationC });
    await engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: jy.stationB, opinion: { text: '初审通过' } });
    await engine.operate(id, { op: 'withdraw', opinion: { text: '漏看防疫档案，撤回重审' } }, { actor: jy.stationB });
    expect(await engine.get(id)).toMatchObject({ stateKey: 'initialReview', work: { holder: { id: jy.stationB.id, how: 'withdrawn' } } });
    await expect(engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: jy.stationA })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'held' } });
    await engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: jy.stationB, opinion: { text: '防疫档案齐全，初审通过' } });

    // Final review by the sections, all agreeing.
    await engine.operate(id, { op: 'countersign', signers: [jy.sectionHead.id, jy.section2.id] }, { actor: jy.sectionHead });
    await engine.operate(id, { op: 'vote', decision: 'agree', opinion: { text: '同意' } }, { actor: jy.sectionHead });
    expect((await engine.get(id)).stateKey).toBe('finalReview');
    await engine.operate(id, { op: 'vote', decision: 'agree', opinion: { text: '同意' } }, { actor: jy.section2 });
    expect((await engine.get(id)).stateKey).toBe('qualificationNotice');

    const kinds = (await engine.history(id)).map((e) => e.event.type);
    expect(kinds).toEqual(['start', 'SUBMIT', 'task.claim', 'task.transfer', 'task.delegate', 'task.resolve', 'INITIAL_APPROVE', 'task.withdraw', 'INITIAL_APPROVE', 'task.countersign', 'task.vote', 'task.vote']);
    expect(await engine.verify(id)).toMatchObject({ ok: true, problems: [] });
  });

  it('a section that disagrees returns the application with its opinion as the reason', async () => {
    const { engine } = engineWithPeople('2024-10-15');
    const { instanceId: id } = await startCase(engine, 'qualificationReview', { actor: jy.farm, region: 'jiyuan', subject: 'jy-farm-1', data: { farmName: '兴旺养猪场', year: 2024 } });
    await engine.send(id, { type: 'SUBMIT', data: { species: 'pig', stock: 800, annualOutput: 1500 } }, { actor: jy.farm });
    await engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: jy.stationA });
    await engine.operate(id, { op: 'countersign', signers: [jy.sectionHead.id, jy.section2.id] }, { actor: jy.sectionHead });
    await engine.operate(id, { op: 'vote', decision: 'disagree', opinion: { text: '免疫档案不全' } }, { actor: jy.section2 });
    expect(await engine.get(id)).toMatchObject({ stateKey: 'returned', context: { lastReason: '财务科 周科长：免疫档案不全' } });
    expect((await engine.verify(id)).ok).toBe(true);
  });
});
