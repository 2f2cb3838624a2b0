/**
 * The framework-free parts under the task widgets, on a real engine with named people: the inbox's
 * tabs and counts, the timeline's sentences for task entries, the approval sheet's rows, the work on
 * a case in words, the operations' forms, and the people a picker offers.
 */
import { describe, expect, it } from 'vitest';
import { approvalRows } from '../src/approvalSheetModel.js';
import { taskRows } from '../src/inboxModel.js';
import { caseRows, copyRows, tabCounts, tabView, visibleTabs } from '../src/inboxTabs.js';
import { journalNames } from '../src/journalNames.js';
import { buildOperation, emptyDraft } from '../src/operationForms.js';
import { candidateRoles, matchPeople } from '../src/peopleModel.js';
import { timelineRows } from '../src/timelineModel.js';
import { describeWork } from '../src/workModel.js';
import { directoryPeople, evaluationCase, labelledPanelWorkflow, leakedKeys, people, submittedReview, taskEngine } from './fixtures/taskSetup.js';
import { labelledReviewWorkflow } from './fixtures/labelledWorkflow.js';

const opinion = (text: string) => ({ text });

describe('inbox tabs', () => {
  it('splits the tasks into mine, to claim and claimed by others, counts them, and lists copies with unread marked', async () => {
    const { engine, clock } = taskEngine();
    await submittedReview(engine, 'q-1');
    await submittedReview(engine, 'q-2');
    await submittedReview(engine, 'q-3');
    await engine.operate('q-1', { op: 'claim' }, { actor: people.sup1 });
    await engine.operate('q-2', { op: 'claim' }, { actor: people.sup2 });
    await engine.operate('q-3', { op: 'copy', to: ['sup-1'], opinion: opinion('请知悉') }, { actor: people.district });
    const lookup = (id: string, v: number) => engine.workflow(id, v);
    const tasks = await engine.tasks(people.sup1);
    const rows = taskRows(tasks, lookup, clock.now(), engine.calendar, 'zh-CN');
    const copies = await engine.copies(people.sup1);
    const copied = copyRows(copies, lookup, clock.now(), engine.calendar, 'zh-CN');
    // 已办: the claim was sup-1's step in q-1; 我发起的: the farm opened every case, sup-1 none.
    const cases = { done: await engine.casesOf(people.sup1, 'acted'), started: await engine.casesOf(people.sup1, 'opened') };
    const caseRowsOf = { done: caseRows(cases.done, lookup, clock.now(), engine.calendar, 'zh-CN'), started: caseRows(cases.started, lookup, clock.now(), engine.calendar, 'zh-CN') };
    expect(caseRowsOf.done).toMatchObject([{ instanceId: 'q-1', finished: false, updatedText: '2026-03-02 09:00', stateText: '审核 › 初审（监督机构）' }]);
    expect(caseRowsOf.started).toEqual([]);
    expect((await engine.casesOf(people.farm, 'opened')).map((c) => c.id).sort()).toEqual(['q-1', 'q-2', 'q-3']);
    const counted = (copyList: typeof copied) => tabCounts({ taskRows: rows, copyRows: copyList, caseRows: caseRowsOf });
    expect(Object.fromEntries(rows.map((r) => [r.instanceId, [r.assignment, r.holderName]]))).toEqual({ 'q-1': ['mine', '李审核'], 'q-2': ['held', '赵审核'], 'q-3': ['unclaimed', null] });
    expect(counted(copied)).toEqual({ all: 3, mine: 1, unclaimed: 1, held: 1, escalated: 0, done: 1, started: 0, copies: 1, unread: 1 });
    expect(copied).toMatchObject([{ instanceId: 'q-3', copiedBy: '孙科长', copiedAt: '2026-03-02 09:00', unread: true, stateText: '审核 › 初审（监督机构）' }]);
    // 超期上报 shows only to those it reached.
    expect(visibleTabs(counted(copied), 'all')).toEqual(['all', 'mine', 'unclaimed', 'held', 'done', 'started', 'copies']);

    const source = { tasks, taskRows: rows, copies, copyRows: copied, cases, caseRows: caseRowsOf };
    expect(tabView('done', source, {}, lookup, 'zh-CN')).toMatchObject({ rows: [{ instanceId: 'q-1' }], options: { workflows: [{ value: 'qualification-demo' }] } });
    expect(tabView('held', source, {}, lookup, 'zh-CN').rows.map((r) => r.instanceId)).toEqual(['q-2']);
    const copiesTab = tabView('copies', source, { workflowId: 'qualification-demo' }, lookup, 'zh-CN');
    expect(copiesTab.rows.map((r) => r.instanceId)).toEqual(['q-3']);
    expect(copiesTab.options.workflows).toEqual([{ value: 'qualification-demo', label: '先打后补资质审核' }]);
    // Filters apply within the tab: 待认领 has no overdue case.
    expect(tabView('unclaimed', source, { overdueOnly: true }, lookup, 'zh-CN')).toMatchObject({ rows: [], allRows: [{ instanceId: 'q-3' }] });

    await engine.operate('q-3', { op: 'read' }, { actor: people.sup1 });
    const read = copyRows(await engine.copies(people.sup1), lookup, clock.now(), engine.calendar, 'zh-CN');
    expect(counted(read)).toMatchObject({ copies: 1, unread: 0 });
  });
});

describe('timeline rows of task entries', () => {
  it('read as sentences with names and state labels; a return carries its reason; opinions are signed', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'assign', to: 'sup-2' }, { actor: people.district });
    await engine.operate(id, { op: 'transfer', to: 'sup-1', opinion: opinion('本人出差，转李审核办理') }, { actor: people.sup2 });
    await engine.operate(id, { op: 'delegate', to: 'sup-2', opinion: opinion('请核实存栏') }, { actor: people.sup1 });
    await engine.operate(id, { op: 'resolve', opinion: opinion('已核实存栏 350 头') }, { actor: people.sup2 });
    await engine.operate(id, { op: 'chase', opinion: opinion('请尽快审核') }, { actor: people.district });
    await engine.operate(id, { op: 'copy', to: ['dist-1'] }, { actor: people.sup1 });
    await engine.operate(id, { op: 'read' }, { actor: people.district });
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1, opinion: opinion('材料齐全，同意') });
    await engine.operate(id, { op: 'return', to: 'review.initial', opinion: opinion('存栏数量与防疫记录不符') }, { actor: people.district });
    await engine.operate(id, { op: 'claim' }, { actor: people.sup1 });
    await engine.operate(id, { op: 'release' }, { actor: people.sup1 });
    await engine.send(id, { type: 'APPROVE' }, { actor: people.sup1 });
    await engine.operate(id, { op: 'withdraw', opinion: opinion('误点通过') }, { actor: people.sup1 });

    const rows = timelineRows(await engine.history(id), (v) => engine.workflow('qualification-demo', v), 'zh-CN');
    expect(rows.map((r) => r.what)).toEqual([
      '立案',
      '提交申请',
      '孙科长 指派给 赵审核',
      '赵审核 转办给 李审核',
      '李审核 委派给 赵审核',
      '赵审核 办理完毕交回',
      '孙科长 催办',
      '李审核 抄送给 孙科长',
      '孙科长 已阅',
      '审核通过',
      '孙科长 退回至 审核 › 初审（监督机构）：存栏数量与防疫记录不符',
      '李审核 认领',
      '李审核 释放认领',
      '审核通过',
      '李审核 撤回',
    ]);
    const byWhat = (what: string) => rows.find((r) => r.what === what)!;
    expect(byWhat('赵审核 转办给 李审核').opinion).toEqual({ signer: '赵审核', text: '本人出差，转李审核办理' });
    expect(rows[9]!.opinion).toEqual({ signer: '李审核', text: '材料齐全，同意' });
    // The return's reason is in its sentence, not repeated; the operations' requests (ids, state keys) are not shown.
    expect(rows[10]!.opinion).toBeNull();
    expect(rows.filter((r) => r.kind === 'task').every((r) => r.data.length === 0)).toBe(true);
    // A name learnt from one entry names the person in all: 李审核's plain approval shows the name too.
    expect(rows[13]!.actorName).toBe('李审核');
    // The farm never signed anything: its role is shown, not its account id.
    expect(rows[1]!.actorName).toBeNull();
    expect(leakedKeys(rows.map((r) => [r.what, r.actorName, r.before, r.after, r.opinion?.text, ...r.effects].join(' ')).join('\n'))).toEqual([]);

    const english = timelineRows(await engine.history(id), (v) => engine.workflow('qualification-demo', v), 'en');
    expect(english[2]!.what).toBe('孙科长 assigned it to 赵审核');
    expect(english[10]!.what).toBe('孙科长 returned it to Review › Initial review (supervision): 存栏数量与防疫记录不符');
  });

  it('tell a countersign\'s votes, its outcome, and the votes a return cancelled', async () => {
    const { engine } = taskEngine();
    const id = await evaluationCase(engine);
    await engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    await engine.operate(id, { op: 'vote', data: { score: 85 }, opinion: opinion('基本符合') }, { actor: people.expert1 });
    const running = await engine.get(id);
    let rows = timelineRows(await engine.history(id), (v) => engine.workflow('sample-panel', v), 'zh-CN', { work: running.work! });
    expect(rows.at(-2)!.what).toBe('周处长 发起会签：吴专家、郑专家、冯专家');
    // The running countersign knows what the score sheet decided.
    expect(rows.at(-1)).toMatchObject({ what: '吴专家 会签意见：同意', opinion: { signer: '吴专家', text: '基本符合' } });
    const labelled = timelineRows(await engine.history(id), (v) => engine.workflow('sample-panel', v), 'zh-CN', { fieldLabel: (entry, key) => (entry.form?.id === 'score' && key === 'score' ? { zh: '评分', en: 'Score' } : undefined) });
    expect(labelled.at(-1)!.data).toEqual([{ key: '评分', value: '85' }]);

    await engine.operate(id, { op: 'return', to: 'rectifying', opinion: opinion('整改报告缺少用药台账') }, { actor: people.expert2 });
    rows = timelineRows(await engine.history(id), (v) => engine.workflow('sample-panel', v), 'zh-CN');
    expect(rows.at(-1)).toMatchObject({ what: '郑专家 退回至 整改中：整改报告缺少用药台账', effects: ['会签中止，已表决 1 人，2 人的表决取消：郑专家、冯专家'] });
    // Once the countersign is over, the vote still says which way it went (the engine records the decision).
    expect(rows.at(-2)!.what).toBe('吴专家 会签意见：同意');

    await engine.send(id, { type: 'REPORT' }, { actor: people.farm });
    await engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    await engine.operate(id, { op: 'vote', data: { score: 86 }, opinion: opinion('用药记录规范') }, { actor: people.expert1 });
    await engine.operate(id, { op: 'vote', data: { score: 91 }, opinion: opinion('台账完整') }, { actor: people.expert2 });
    rows = timelineRows(await engine.history(id), (v) => engine.workflow('sample-panel', v), 'zh-CN');
    expect(rows.at(-1)).toMatchObject({ effects: ['会签通过：同意 2 人，不同意 0 人，未表决 1 人，结果为“专家评分”'], after: '评估通过' });
    expect(leakedKeys(rows.map((r) => [r.what, r.before, r.after, ...r.effects].join(' ')).join('\n'))).toEqual([]);
  });
});

describe('approval sheet rows', () => {
  it('list every decision and vote in order with step, signer, opinion and time; housekeeping is left out', async () => {
    const { engine, clock } = taskEngine();
    const id = await evaluationCase(engine);
    await engine.operate(id, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    await engine.operate(id, { op: 'copy', to: ['exp-4'] }, { actor: people.expert3 });
    clock.advance(3_600_000);
    await engine.operate(id, { op: 'vote', data: { score: 60 }, opinion: opinion('抗菌药使用超量') }, { actor: people.expert1 });
    await engine.operate(id, { op: 'vote', data: { score: 72 }, opinion: opinion('停药期记录缺失') }, { actor: people.expert2 });
    const rows = approvalRows(await engine.history(id), (v) => engine.workflow('sample-panel', v), 'zh-CN', { fieldLabel: (entry, key) => (entry.form?.id === 'score' && key === 'score' ? '评分' : undefined) });
    expect(rows.map((r) => r.data)).toEqual(['', '评分 60', '评分 72', '']);
    expect(rows.map((r) => [r.step, r.decision, r.signer, r.opinion, r.when])).toEqual([
      ['整改中', '报告整改完成', '生产主体', '', '2026-03-02 09:00'],
      ['专家评估', '会签：不同意', '吴专家', '抗菌药使用超量', '2026-03-02 10:00'],
      ['专家评估', '会签：不同意', '郑专家', '停药期记录缺失', '2026-03-02 10:00'],
      ['专家评估', '会签未通过：同意 0 人，不同意 2 人，未表决 1 人，结果为“专家评分”', '会签', '', '2026-03-02 10:00'],
    ]);

    const review = await submittedReview(engine, 'q-9');
    await engine.send(review, { type: 'APPROVE' }, { actor: people.sup1, opinion: opinion('同意') });
    await engine.send(review, { type: 'RETURN', data: { reason: '防疫记录缺页' } }, { actor: people.district });
    const sheet = approvalRows(await engine.history(review), (v) => engine.workflow('qualification-demo', v), 'en');
    expect(sheet.map((r) => [r.step, r.decision, r.signer, r.opinion])).toEqual([
      ['Drafting the application', 'Submit application', 'Producer', ''],
      ['Review › Initial review (supervision)', 'Approve', '李审核', '同意'],
      // A return's reason travels in its form: the sheet shows it as the opinion.
      ['Review › Final review (district bureau)', 'Return', 'District agriculture bureau', '防疫记录缺页'],
    ]);
  });
});

describe('the work on a case', () => {
  it('says who holds the task, to whom it is delegated, the countersign\'s votes, copies and reminders', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    expect(describeWork(undefined, 'zh-CN')).toEqual({ holder: null, delegate: null, countersign: null, copies: [], chases: null, escalation: null });
    await engine.operate(id, { op: 'delegate', to: 'sup-2' }, { actor: people.sup1 });
    await engine.operate(id, { op: 'copy', to: ['dist-1'] }, { actor: people.sup1 });
    await engine.operate(id, { op: 'chase' }, { actor: people.district });
    await engine.operate(id, { op: 'chase' }, { actor: people.district });
    const view = describeWork((await engine.get(id)).work, 'zh-CN');
    expect(view).toMatchObject({
      holder: { name: '李审核', text: '认领于 2026-03-02 09:00' },
      delegate: { name: '赵审核' },
      copies: [{ to: '孙科长', by: '李审核', read: false, text: '未读' }],
      chases: { count: 2, text: '已催办 2 次，最近由 孙科长 于 2026-03-02 09:00' },
    });

    const panel = await evaluationCase(engine);
    await engine.operate(panel, { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    await engine.operate(panel, { op: 'vote', data: { score: 88 }, opinion: opinion('台账完整') }, { actor: people.expert1 });
    const countersign = describeWork((await engine.get(panel)).work, 'en').countersign!;
    expect(countersign.started).toBe('Rule: at least 2/3 of the signers must agree; started by 周处长 on 2026-03-02 09:00');
    expect(countersign.signers.map((s) => [s.name, s.voteText, s.opinion, s.data])).toEqual([
      ['吴专家', 'Agree', '台账完整', { score: 88 }],
      ['郑专家', 'not yet voted', null, null],
      ['冯专家', 'not yet voted', null, null],
    ]);
  });
});

describe('operation forms and people', () => {
  it('build the engine\'s operation from the form, refusing what the engine would refuse for being incomplete', () => {
    const draft = { ...emptyDraft(), opinion: '  ' };
    expect(buildOperation('claim', draft)).toEqual({ ok: true, operation: { op: 'claim' } });
    expect(buildOperation('transfer', draft)).toEqual({ ok: false, problem: 'choosePerson' });
    expect(buildOperation('transfer', { ...draft, people: ['sup-2'], opinion: ' 出差 ' })).toEqual({ ok: true, operation: { op: 'transfer', to: 'sup-2', opinion: { text: '出差' } } });
    expect(buildOperation('return', { ...draft, target: 'draft' })).toEqual({ ok: false, problem: 'opinionRequired' });
    expect(buildOperation('return', { ...draft, opinion: '材料不全' })).toEqual({ ok: false, problem: 'chooseTarget' });
    expect(buildOperation('return', { ...draft, target: 'draft', opinion: '材料不全' })).toEqual({ ok: true, operation: { op: 'return', to: 'draft', opinion: { text: '材料不全' } } });
    expect(buildOperation('withdraw', draft)).toEqual({ ok: true, operation: { op: 'withdraw' } });
    expect(buildOperation('countersign', { ...draft, how: 'drawn', draw: '0' })).toEqual({ ok: false, problem: 'drawInvalid' });
    expect(buildOperation('countersign', { ...draft, how: 'drawn', draw: '3' })).toEqual({ ok: true, operation: { op: 'countersign', draw: 3 } });
    expect(buildOperation('countersign', { ...draft, people: ['exp-1', 'exp-2'] })).toEqual({ ok: true, operation: { op: 'countersign', signers: ['exp-1', 'exp-2'] } });
    expect(buildOperation('vote', { ...draft, opinion: '同意' })).toEqual({ ok: false, problem: 'chooseDecision' });
    expect(buildOperation('vote', { ...draft, opinion: '同意', decision: 'agree' })).toEqual({ ok: true, operation: { op: 'vote', decision: 'agree', opinion: { text: '同意' } } });
    expect(buildOperation('vote', { ...draft, opinion: '好', data: { score: 90 } })).toEqual({ ok: true, operation: { op: 'vote', data: { score: 90 }, opinion: { text: '好' } } });
    expect(buildOperation('copy', draft)).toEqual({ ok: false, problem: 'choosePeople' });
    expect(buildOperation('remove-signer', { ...draft, people: ['exp-3'] })).toEqual({ ok: true, operation: { op: 'remove-signer', person: 'exp-3' } });
  });

  it('offers people by name and by the role the operation needs', async () => {
    const { engine } = taskEngine();
    const id = await evaluationCase(engine);
    const record = await engine.get(id);
    expect(candidateRoles('countersign', labelledPanelWorkflow, record)).toEqual(['expert-office']);
    expect(candidateRoles('copy', labelledPanelWorkflow, record)).toBeUndefined();
    const experts = matchPeople(directoryPeople, { text: '', operation: 'countersign', instanceId: id, purpose: 'act', roles: ['expert-office'] }, new Set(['exp-4']));
    expect(experts.map((p) => p.name)).toEqual(['吴专家', '郑专家', '冯专家']);
    expect(matchPeople(directoryPeople, { text: '郑', operation: 'copy', instanceId: id, purpose: 'view' }).map((p) => p.name)).toEqual(['郑专家']);
    const review = await engine.get(await submittedReview(engine));
    expect(candidateRoles('transfer', labelledReviewWorkflow, review)).toEqual(['supervision', 'district']);
  });

  it('the leak check finds account ids, state keys and operation types as whole tokens only', () => {
    expect(leakedKeys('李审核 sup-1 审核 › 初审 review.initial task.claim')).toEqual(['sup-1', 'review.initial', 'task.', 'claim']);
    expect(leakedKeys('sup-12 farm-1 q-1 先打后补资质审核')).toEqual([]);
  });

  it('learns names from the journal: signers, operation actors and the people operations named', async () => {
    const { engine } = taskEngine();
    const id = await submittedReview(engine);
    await engine.operate(id, { op: 'assign', to: 'sup-2' }, { actor: people.district });
    expect([...journalNames(await engine.history(id))]).toEqual([['dist-1', '孙科长'], ['sup-2', '赵审核']]);
  });
});
