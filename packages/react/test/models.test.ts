/**
 * The framework-free helpers under the widgets: state labels, working-day due dates, inbox rows and
 * filters, timeline rows and the statechart graph with its dagre layout. Values worked out by hand.
 */
import { createChineseCalendar } from '@nongan/engine';
import { reviewWorkflow } from '@nongan/engine/samples';
import { describe, expect, it } from 'vitest';
import { describeDue, dueText } from '../src/due.js';
import { filterOptions, filterTaskRows, taskRows } from '../src/inboxModel.js';
import { activePaths } from '@nongan/engine';
import { describeState, eventLabel, roleLabel, stateLabel, statePathLabel } from '../src/labels.js';
import { layoutStatechart, textWidth } from '../src/layoutStatechart.js';
import { defaultReasonRule, reasonFieldOf } from '../src/reasons.js';
import { statechartGraph } from '../src/statechartModel.js';
import { assertDiagramInput } from '../src/LifecycleDiagram.js';
import { chinaDateTime, formFieldLabeler, summarizeValue, timelineRows } from '../src/timelineModel.js';
import { valueText } from '../src/fieldValues.js';
import { sampleForms } from './fixtures/forms.js';
import { say } from '../src/text.js';
import { labelledReviewWorkflow } from './fixtures/labelledWorkflow.js';
import { actors, application, makeEngine, MONDAY } from './fixtures/setup.js';

const CST = (local: string) => Date.parse(`${local}:00+08:00`);
const calendar = createChineseCalendar();

describe('labels', () => {
  it('reads state labels from meta, with parents, and falls back to keys for unlabelled workflows', () => {
    expect(stateLabel(labelledReviewWorkflow, 'review.initial', 'zh-CN')).toBe('初审（监督机构）');
    expect(statePathLabel(labelledReviewWorkflow, 'review.initial', 'zh-CN')).toBe('审核 › 初审（监督机构）');
    expect(describeState(labelledReviewWorkflow, { review: 'final' }, 'en')).toBe('Review › Final review (district bureau)');
    expect(describeState(reviewWorkflow, { review: 'final' }, 'en')).toBe('review › final');
    expect(eventLabel(labelledReviewWorkflow, 'RETURN', 'zh-CN')).toBe('退回');
    expect(eventLabel(reviewWorkflow, 'RETURN', 'zh-CN')).toBe('RETURN');
    expect(roleLabel('supervision', 'zh-CN')).toBe('动物卫生监督机构');
    expect(roleLabel('district', 'zh-CN', { district: { zh: '示范区农业农村局防疫检疫科', en: 'Jiyuan bureau' } })).toBe('示范区农业农村局防疫检疫科');
    expect(roleLabel('unknown-role', 'en')).toBe('unknown-role');
    expect([...activePaths({ review: 'initial' })]).toEqual(['review', 'review.initial']);
  });

  it('fills placeholders in UI strings', () => {
    expect(say('verifyOk', 'en', { n: 3 })).toBe('Journal verified: 3 entries, hash chain intact.');
    expect(say('verifyOk', 'zh-CN', { n: 3 })).toContain('共 3 条');
  });
});

describe('due dates in working days', () => {
  // Public notice entered Monday 2026-03-02: 5 working days are Tue 3 … Fri 6 and Mon 9, so the
  // last day is 2026-03-09 and the deadline falls at 00:00 on 2026-03-10 China time.
  const dueAt = CST('2026-03-10T00:00');

  it('counts working days left, skipping the weekend', () => {
    const due = describeDue(dueAt, CST('2026-03-02T09:00'), calendar);
    expect(due).toMatchObject({ lastDay: '2026-03-09', overdue: false, workingDaysLeft: 5, provisional: false });
    expect(dueText(due, 'zh-CN')).toBe('2026-03-09（还剩 5 个工作日）');
    expect(dueText(describeDue(dueAt, CST('2026-03-06T18:00'), calendar), 'en')).toBe('2026-03-09 (1 working day left)');
    expect(dueText(describeDue(dueAt, CST('2026-03-09T23:59'), calendar), 'en')).toBe('2026-03-09 (due today)');
  });

  it('counts working days overdue: Tue 10 and Wed 11 March', () => {
    const due = describeDue(dueAt, CST('2026-03-11T09:00'), calendar);
    expect(due).toMatchObject({ overdue: true, workingDaysOverdue: 2, workingDaysLeft: 0 });
    expect(dueText(due, 'zh-CN')).toBe('2026-03-09（已逾期 2 个工作日）');
  });

  it('skips the 2026 Spring Festival holiday (15–23 Feb) and counts the 调休 Saturdays 14 and 28 Feb', () => {
    // After Friday 13 Feb up to Monday 2 Mar: Sat 14 (调休), 24, 25, 26, 27 Feb, Sat 28 (调休), Mon 2 Mar = 7.
    const due = describeDue(CST('2026-03-03T00:00'), CST('2026-02-13T10:00'), calendar);
    expect(due.workingDaysLeft).toBe(7);
  });

  it('marks deadlines counted across a year without a published arrangement', () => {
    expect(describeDue(CST('2031-01-10T00:00'), CST('2031-01-02T10:00'), calendar).provisional).toBe(true);
    expect(() => describeDue(Number.NaN, 0, calendar)).toThrow(/有效的时间戳/);
  });
});

describe('inbox rows', () => {
  it('labels tasks, computes due dates from the engine clock, filters by workflow, state and overdue', async () => {
    const { engine, clock } = makeEngine();
    const a = await engine.start('qualification-demo', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'q-1' });
    await engine.send(a.instanceId, { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 's-1' });
    await engine.send('s-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('s-1', { type: 'RETURN', data: { reason: '缺少免疫记录' } }, { actor: actors.supervision });

    const lookup = (id: string, v: number) => engine.workflow(id, v);
    const supervisionTasks = await engine.tasks(actors.supervision);
    const rows = taskRows(supervisionTasks, lookup, clock.now(), engine.calendar, 'zh-CN');
    expect(rows.map((r) => [r.instanceId, r.stateText, r.events.map((e) => e.label)])).toEqual([['q-1', '审核 › 初审（监督机构）', ['审核通过', '退回']]]);

    // The farm sees the returned sample case, due in 10 working days (Tue 3 … Mon 16 March).
    const farmRows = taskRows(await engine.tasks(actors.farm), lookup, clock.now(), engine.calendar, 'en');
    const returned = farmRows.find((r) => r.instanceId === 's-1')!;
    expect(returned.due).toMatchObject({ lastDay: '2026-03-16', workingDaysLeft: 10, overdue: false });
    clock.set(CST('2026-03-17T09:00'));
    const late = taskRows(await engine.tasks(actors.farm), lookup, clock.now(), engine.calendar, 'en');
    expect(filterTaskRows(late, { overdueOnly: true }).map((r) => r.instanceId)).toEqual(['s-1']);
    expect(filterTaskRows(late, { workflowId: 'qualification-demo' })).toHaveLength(0);
    expect(filterTaskRows(rows, { state: 'review' }).map((r) => r.instanceId)).toEqual(['q-1']);
    expect(filterTaskRows(rows, { state: 'review.final' })).toHaveLength(0);

    const options = filterOptions(supervisionTasks, lookup, 'en');
    expect(options.workflows).toEqual([{ value: 'qualification-demo', label: 'Vaccinate-first subsidy qualification' }]);
    expect(options.states).toEqual([{ value: 'review.initial', label: 'Vaccinate-first subsidy qualification · Review › Initial review (supervision)' }]);
  });
});

describe('timeline rows', () => {
  it('tells who did what, when, the state change and the data, with late deadlines shown', async () => {
    const { engine, clock } = makeEngine();
    await engine.start('qualification-demo', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'q-1' });
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('q-1', { type: 'RETURN', data: { reason: '资料不全' } }, { actor: actors.supervision });
    clock.set(CST('2026-03-20T10:00'));
    await engine.runDueTimers();
    const rows = timelineRows(await engine.history('q-1'), (v) => engine.workflow('qualification-demo', v), 'zh-CN');
    expect(rows.map((r) => [r.seq, r.what, r.roleText, r.before, r.after])).toEqual([
      [1, '立案', '生产主体', null, '填写申请'],
      [2, '提交申请', '生产主体', '填写申请', '审核 › 初审（监督机构）'],
      [3, '退回', '动物卫生监督机构', '审核 › 初审（监督机构）', '退回修改'],
      [4, '逾期视为放弃 · 期限到期（系统）', '系统（期限/消息）', '退回修改', '视为放弃'],
    ]);
    expect(rows[1]!.data).toEqual([
      { key: 'farmName', value: '济源示范养殖场' },
      { key: 'headCount', value: '350' },
    ]);
    expect(rows[1]!.when).toBe('2026-03-02 09:00');
    // The form is named by its title when the host says which form it was; never by its id and version.
    expect(rows[1]!.form).toBeNull();
    // Returned Monday 2 March: 10 working days end Monday 16 March; fired late on the 20th.
    expect(rows[3]!.when).toBe('2026-03-17 00:00');
    expect(rows[3]!.recordedLate).toBe('补记于 2026-03-20 10:00');
    const labelled = timelineRows(await engine.history('q-1'), (v) => engine.workflow('qualification-demo', v), 'en', { fieldLabel: (_e, key) => (key === 'reason' ? { zh: '理由', en: 'Reason' } : undefined) });
    expect(labelled[2]!.data).toEqual([{ key: 'Reason', value: '资料不全' }]);
    const byForm = timelineRows(await engine.history('q-1'), (v) => engine.workflow('qualification-demo', v), 'zh-CN', { fieldLabel: formFieldLabeler((form) => sampleForms[form.id]) });
    expect(byForm[1]!.data.map((d) => d.key)).toEqual(['养殖场名称', '生猪存栏量']);
    // With the form itself: labels, the form's title, and numbers as people write them.
    const withForm = timelineRows(await engine.history('q-1'), (v) => engine.workflow('qualification-demo', v), 'zh-CN', { formOf: (form) => sampleForms[form.id] });
    expect(withForm[1]!.data.map((d) => d.key)).toEqual(['养殖场名称', '生猪存栏量']);
    expect(withForm[1]!.form).toBe(sampleForms.application!.title.zh);
  });

  it('shows option values by their labels, years without a digit separator, and units', () => {
    const spec = { kind: 'select' as const, label: { zh: '畜种', en: 'Species' }, options: [{ value: 'pig', label: { zh: '生猪', en: 'Pigs' } }] };
    expect(valueText('pig', 'zh-CN', spec)).toBe('生猪');
    expect(valueText(2026, 'zh-CN', { kind: 'integer', label: { zh: '补助年度', en: 'Year' } })).toBe('2026');
    expect(valueText(12500, 'zh-CN', { kind: 'integer', label: { zh: '存栏量', en: 'Stock' }, unit: { zh: '头', en: 'head' } })).toBe('12,500 头');
  });

  it('summarises values briefly and safely', () => {
    expect(summarizeValue(true, 'zh-CN')).toBe('是');
    expect(summarizeValue([1, 2, 3, 4], 'en')).toBe('1; 2; 3 … (4 items)');
    expect(summarizeValue({ id: 'a', name: 'photo.jpg', size: 3 }, 'en')).toBe('photo.jpg');
    expect(summarizeValue('x'.repeat(100), 'en')).toHaveLength(81);
    expect(summarizeValue('<script>', 'en')).toBe('<script>');
    expect(chinaDateTime(MONDAY)).toBe('2026-03-02 09:00');
  });
});

describe('statechart graph and layout', () => {
  it('keeps nested states under their parent, routes into the initial child, and marks machine-wide transitions', () => {
    const graph = statechartGraph(labelledReviewWorkflow, 'zh-CN');
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(node('review')).toMatchObject({ kind: 'compound', parent: null, label: '审核' });
    expect(node('review.initial')).toMatchObject({ parent: 'review', initial: true });
    expect(node('revoked')).toMatchObject({ kind: 'final' });
    expect(node('*')).toMatchObject({ kind: 'any', label: '任一状态' });
    const edge = (from: string, type: string) => graph.edges.filter((e) => e.from === from && e.eventType === type).map((e) => e.to);
    // SUBMIT targets the compound `review`: drawn into its initial child.
    expect(edge('draft', 'SUBMIT')).toEqual(['review.initial']);
    expect(edge('*', 'DISQUALIFY')).toEqual(['disqualified']);
    expect(edge('notice', 'OBJECT')).toEqual(['review.final']);
    const deadline = graph.edges.find((e) => e.eventType === 'NOTICE_ENDS')!;
    expect(deadline).toMatchObject({ deadline: true, label: '公示期满 ⏱ 5 个工作日' });
    expect(graph.edges.find((e) => e.from === 'draft')!.label).toBe('提交申请 *');
  });

  it('lays the graph out with every state inside its parent cluster and every edge routed', () => {
    const layout = layoutStatechart(statechartGraph(labelledReviewWorkflow, 'en'));
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const review = box('review');
    for (const child of [box('review.initial'), box('review.final')]) {
      expect(child.x - child.width / 2).toBeGreaterThanOrEqual(review.x - review.width / 2);
      expect(child.x + child.width / 2).toBeLessThanOrEqual(review.x + review.width / 2);
      expect(child.y - child.height / 2).toBeGreaterThan(review.y - review.height / 2);
      expect(child.y + child.height / 2).toBeLessThanOrEqual(review.y + review.height / 2);
    }
    expect(review.cluster).toBe(true);
    for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
    for (const n of layout.nodes) {
      expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    // No two state boxes overlap.
    const leaves = layout.nodes.filter((n) => !n.cluster);
    for (const a of leaves) for (const b of leaves) {
      if (a === b) continue;
      const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
    expect(textWidth('公示')).toBe(26);
    expect(() => assertDiagramInput(reviewWorkflow, { workflowId: 'qualification-demo' })).toThrow(/案件属于 qualification-demo，不是 sample-review/);
    expect(() => assertDiagramInput({})).toThrow(/WorkflowDefinition/);
    expect(textWidth('ab')).toBe(16);
  });
});

describe('reasons', () => {
  it('recognises returns and rejections by name and finds the reason field', () => {
    expect(['RETURN', 'INITIAL_RETURN', 'REJECT_CLAIM', 'OBJECT', 'APPROVE', 'SUBMIT', 'RETURNED_GOODS'].filter((t) => defaultReasonRule('w', t))).toEqual([
      'RETURN',
      'INITIAL_RETURN',
      'REJECT_CLAIM',
      'OBJECT',
    ]);
    expect(reasonFieldOf(['note', 'reason'])).toBe('reason');
    expect(reasonFieldOf(['returnReason', 'x'])).toBe('returnReason');
    expect(reasonFieldOf(['comment'])).toBeUndefined();
  });
});
