/**
 * The widgets in real Chromium on a real engine over Dexie (IndexedDB): the inbox lists tasks and
 * follows sends and deadlines; the case view sends an action with its form, enforces reasons on
 * returns and shows the engine's refusals as stated; the timeline shows the verified journal; the
 * diagram highlights the current state. axe-core finds no violations in any of them.
 */
import { createEngine, createManualClock, type Engine } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { reviewWorkflow, warningWorkflow } from '@nongan/engine/samples';
import type { FormDefinition } from '@nongan/forms';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView } from '../src/CaseView.js';
import { EngineProvider } from '../src/EngineProvider.js';
import { LifecycleDiagram } from '../src/LifecycleDiagram.js';
import { TaskInbox } from '../src/TaskInbox.js';
import { Timeline } from '../src/Timeline.js';
import type { Locale } from '../src/text.js';
import { applicationForm, sampleFormFor } from './fixtures/forms.js';
import { labelledReviewWorkflow } from './fixtures/labelledWorkflow.js';
import { actors, application, formValidator, MONDAY } from './fixtures/setup.js';
import { axeViolations, buttonNamed, mount, text, unmount, until } from './render.js';

const CST = (local: string) => Date.parse(`${local}:00+08:00`);
let dbCount = 0;

function dexieEngine() {
  const clock = createManualClock(MONDAY);
  const engine = createEngine({
    store: createDexieStore({ name: `react-widgets-${Date.now()}-${dbCount++}` }),
    clock,
    workflows: [reviewWorkflow, warningWorkflow, labelledReviewWorkflow],
    validate: formValidator,
  });
  return { engine, clock };
}

function withEngine(engine: Engine, node: React.ReactNode, locale: Locale = 'zh-CN', regionLabels?: Record<string, { zh: string; en: string }>) {
  return mount(
    <EngineProvider engine={engine} locale={locale} {...(regionLabels ? { regionLabels } : {})}>
      {node}
    </EngineProvider>,
  );
}

async function openCase(engine: Engine, id: string, data = application) {
  await engine.start('qualification-demo', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data, instanceId: id });
}

afterEach(() => unmount());

describe('TaskInbox', () => {
  it('lists the actor\'s tasks in plain words and follows sends and fired deadlines', async () => {
    const { engine, clock } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const opened: string[] = [];
    const host = withEngine(engine, <TaskInbox actor={actors.supervision} onOpen={(id) => opened.push(id)} />);
    const row = await until(() => host.querySelector('tr[data-instance="q-1"]'), 'q-1 row');
    expect(text(row)).toContain('审核 › 初审（监督机构）');
    expect(text(row)).toContain('审核通过、退回');
    expect(text(row)).toContain('无期限');
    expect(await axeViolations(host)).toEqual([]);

    // A second farm case arrives through a send elsewhere: the inbox updates without a reload.
    await openCase(engine, 'q-2');
    await engine.send('q-2', { type: 'SUBMIT', data: { farmName: '济源第二养殖场', headCount: 800 } }, { actor: actors.farm });
    await until(() => host.querySelector('tr[data-instance="q-2"]'), 'q-2 row after the send');
    // Supervision returns q-1 to the farm: it leaves this inbox.
    await engine.send('q-1', { type: 'RETURN', data: { reason: '缺少免疫记录' } }, { actor: actors.supervision });
    await until(() => !host.querySelector('tr[data-instance="q-1"]'), 'q-1 gone after the return');

    buttonNamed(host, '办理')!.click();
    expect(opened).toEqual(['q-2']);

    // The farm's returned case shows its correction deadline; after the deadline fires it is gone.
    const farmHost = withEngine(engine, <TaskInbox actor={actors.farm} />, 'en');
    const returned = await until(() => farmHost.querySelector('tr[data-instance="q-1"]'), 'returned case in the farm inbox');
    // Returned on Monday 2 March: 10 working days, last day Monday 16 March.
    expect(text(returned)).toContain('2026-03-16 (10 working days left)');
    clock.set(CST('2026-03-20T10:00'));
    await engine.runDueTimers();
    await until(() => !farmHost.querySelector('tr[data-instance="q-1"]'), 'waived case gone after the deadline fired');
  });

  it('highlights overdue tasks and filters by workflow, state and overdue', async () => {
    const { engine, clock } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('q-1', { type: 'APPROVE' }, { actor: actors.supervision });
    await engine.send('q-1', { type: 'APPROVE' }, { actor: actors.district });
    // In public notice (5 working days) the district may object: that task carries the deadline.
    await engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 's-1' });
    await engine.send('s-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('s-1', { type: 'APPROVE' }, { actor: actors.supervision });
    // Stop the scheduler-free clock on Wednesday 11 March: the notice ended on Monday 9 March.
    clock.set(CST('2026-03-11T09:00'));
    const host = withEngine(engine, <TaskInbox actor={actors.district} />);
    const late = await until(() => host.querySelector('tr[data-instance="q-1"]'), 'q-1 row');
    expect(late.className).toContain('nw-overdue');
    expect(text(late)).toContain('已逾期');
    expect(text(late)).toContain('2026-03-09（已逾期 2 个工作日）');
    expect(await axeViolations(host)).toEqual([]);

    const overdueOnly = host.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    await userEvent.click(overdueOnly);
    await until(() => host.querySelectorAll('tbody tr').length === 1, 'only the overdue row');
    await userEvent.click(overdueOnly);
    await until(() => host.querySelectorAll('tbody tr').length === 2, 'both rows again');

    const [workflowSelect, stateSelect] = [...host.querySelectorAll('select')];
    await userEvent.selectOptions(workflowSelect!, 'sample-review');
    await until(() => host.querySelectorAll('tbody tr').length === 1 && host.querySelector('tr[data-instance="s-1"]'), 'only the sample case');
    expect([...stateSelect!.options].map((o) => o.value)).toEqual(['', 'review.final']);
    await userEvent.selectOptions(workflowSelect!, '');
    await userEvent.selectOptions(stateSelect!, 'notice');
    await until(() => host.querySelectorAll('tbody tr').length === 1 && host.querySelector('tr[data-instance="q-1"]'), 'only the notice case');
  });
});

describe('CaseView', () => {
  it('names the case\'s region as the provider calls it, and by its id without a name', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    let host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.farm} formFor={sampleFormFor} />, 'en', { jiyuan: { zh: '济源示范区', en: 'Jiyuan' } });
    await until(() => host.querySelector('dd') !== null && text(host).includes('Jiyuan'), 'region name');
    unmount();
    host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.farm} formFor={sampleFormFor} />, 'zh-CN');
    await until(() => [...host.querySelectorAll('dd')].some((dd) => dd.textContent === 'jiyuan'), 'region id');
  });

  it('sends an action with its form, and shows the engine\'s refusal as the engine states it', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1', { farmName: '济源小型养殖户', headCount: 120 });
    const host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.farm} formFor={sampleFormFor} />);
    await until(() => text(host).includes('填写申请'), 'current state');
    expect(await axeViolations(host)).toEqual([]);
    (await until(() => buttonNamed(host, '提交申请'), 'SUBMIT action')).click();
    const farmName = await until(() => host.querySelector<HTMLInputElement>('input[id$="-farmName"]'), 'farm name field');
    await userEvent.type(farmName, '济源小型养殖户');
    const headCount = host.querySelector<HTMLInputElement>('input[id$="-headCount"]')!;
    await userEvent.type(headCount, '120');
    expect(await axeViolations(host)).toEqual([]);
    buttonNamed(host, '提交')!.click();

    // 120 pigs is below the scale threshold: the machine's guard refuses and the engine says why.
    const alert = await until(() => host.querySelector('.nw-action-panel [role=alert][data-code]'), 'engine refusal');
    expect(alert.getAttribute('data-code')).toBe('not-allowed-in-state');
    expect(text(alert)).toContain('引擎拒绝了此操作');
    expect(text(alert)).toContain('当前状态不允许此操作：状态 draft 接受 SUBMIT，但其条件未满足');
    expect(text(alert)).toContain('Not allowed in the current state: SUBMIT is accepted in state draft but its conditions are not met');
    expect(await axeViolations(host)).toEqual([]);
    expect((await engine.get('q-1')).stateKey).toBe('draft');

    // The entered data is kept; the farm corrects the head count and the engine accepts.
    expect(host.querySelector<HTMLInputElement>('input[id$="-farmName"]')!.value).toBe('济源小型养殖户');
    await userEvent.clear(headCount);
    await userEvent.type(headCount, '350');
    buttonNamed(host, '提交')!.click();
    const success = await until(() => host.querySelector('.nw-success[role=status]'), 'success message');
    await until(() => document.activeElement === success, 'focus on the result');
    // The case view reloads the case after the engine's change notice: wait for it, do not race it.
    await until(() => text(host.querySelector('.nw-state')) === '审核 › 初审（监督机构）', 'the new state');
    await until(() => text(host).includes('您当前没有可办理的操作'), 'no actions left for the farm');
    const journal = await engine.history('q-1');
    expect(journal.at(-1)).toMatchObject({ event: { type: 'SUBMIT', data: { farmName: '济源小型养殖户', headCount: 350 } }, form: { id: 'application', version: '1' } });
  });

  it('requires a reason for a return, then sends it; follows changes made elsewhere', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.supervision} formFor={sampleFormFor} />, 'en');
    // Opening an action moves focus to its panel; cancelling returns it to the action's button.
    const returnButton = await until(() => buttonNamed(host, 'Return'), 'RETURN action');
    await userEvent.click(returnButton);
    await until(() => document.activeElement?.textContent === 'Return' && document.activeElement.tagName === 'H3', 'focus on the panel heading');
    expect(returnButton.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(buttonNamed(host, 'Cancel')!);
    expect(document.activeElement).toBe(returnButton);
    expect(host.querySelector('.nw-action-panel')).toBeNull();
    returnButton.click();
    const reason = await until(() => host.querySelector<HTMLTextAreaElement>('textarea[id$="-reason"]'), 'reason field');
    expect(text(host.querySelector('.nw-action-panel'))).toContain('A return or rejection needs a reason.');
    // Two spaces satisfy the schema's minLength but are no reason: the widget refuses to send.
    await userEvent.type(reason, '  ');
    buttonNamed(host, 'Submit')!.click();
    const missing = await until(() => host.querySelector('[data-code="reason-required"]'), 'reason required');
    expect(text(missing)).not.toContain('The engine refused');
    expect((await engine.get('q-1')).stateKey).toBe('review.initial');
    await userEvent.clear(reason);
    await userEvent.type(reason, 'Immunisation records missing (资料不全)');
    buttonNamed(host, 'Submit')!.click();
    await until(() => text(host.querySelector('.nw-state')) === 'Returned for correction', 'returned state');
    expect((await engine.history('q-1')).at(-1)!.event.data).toEqual({ reason: 'Immunisation records missing (资料不全)' });

    // The farm resubmits in another place: this view follows and offers nothing to supervision.
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await until(() => text(host.querySelector('.nw-state')) === 'Review › Initial review (supervision)', 'state after the farm resubmitted');
    expect(await axeViolations(host)).toEqual([]);
  });

  it('shows field issues from the engine when the offered form is looser than the one the engine checks', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    // A stale regional variant without the head count: the engine's validator still requires it.
    const stale: FormDefinition = {
      ...applicationForm,
      schema: { type: 'object', required: ['farmName'], properties: { farmName: { type: 'string' } } },
      fields: { farmName: applicationForm.fields.farmName! },
      layout: { type: 'field', field: 'farmName' },
    };
    const host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.farm} formFor={() => stale} />);
    (await until(() => buttonNamed(host, '提交申请'), 'SUBMIT')).click();
    await userEvent.type(await until(() => host.querySelector<HTMLInputElement>('input[id$="-farmName"]'), 'farm name'), '济源示范养殖场');
    buttonNamed(host, '提交')!.click();
    const alert = await until(() => host.querySelector('[data-code="invalid-data"]'), 'invalid-data refusal');
    expect(text(alert)).toContain('提交的数据不符合表单要求');
    // The field is named by its label in the message, never by its data path.
    expect(text(alert.querySelector('li'))).not.toBe('');
    expect(text(alert)).not.toContain('/headCount');
    expect(await axeViolations(host)).toEqual([]);
  });

  it('offers nothing to an officer of another region, and shows a missing case as the engine states it', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.beijingDistrict} formFor={sampleFormFor} />);
    await until(() => text(host).includes('您当前没有可办理的操作'), 'no actions');
    const missing = withEngine(engine, <CaseView instanceId="nope" actor={actors.farm} formFor={sampleFormFor} />);
    const alert = await until(() => missing.querySelector('[data-code="not-found"]'), 'not found');
    expect(text(alert)).toContain('案件 nope 不存在');
  });
});

describe('Timeline', () => {
  it('shows the journal as readable history with the hash-chain check, and follows new entries', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const host = withEngine(engine, <Timeline instanceId="q-1" actorName={(id) => (id === 'farm-user-1' ? '王建国' : undefined)} />);
    const check = await until(() => host.querySelector('.nw-verify'), 'verification');
    expect(check.getAttribute('data-verified')).toBe('true');
    expect(text(check)).toContain('记录链校验通过：共 2 条');
    const entries = host.querySelectorAll('li[data-seq]');
    expect(entries).toHaveLength(2);
    expect(text(entries[1])).toContain('提交申请');
    // The host's name for the account, never the account id itself.
    expect(text(entries[1])).toContain('王建国 · 生产主体');
    expect(text(entries[1])).not.toContain('farm-user-1');
    expect(text(entries[1])).toContain('填写申请 → 审核 › 初审（监督机构）');
    expect(text(entries[1])).toContain('farmName: 济源示范养殖场');
    expect(text(entries[1])).toContain('2026-03-02 09:00');
    expect(await axeViolations(host)).toEqual([]);

    await engine.send('q-1', { type: 'APPROVE' }, { actor: actors.supervision });
    await until(() => text(host.querySelector('.nw-verify')).includes('共 3 条'), 'third entry verified');
    // Nobody named this reviewer: the role is shown, not the account id.
    expect(text(host.querySelectorAll('li[data-seq]')[2]!.querySelector('[data-actor="sup-1"]'))).toBe('动物卫生监督机构');
  });
});

describe('LifecycleDiagram', () => {
  it('draws the statechart with nested states and highlights the current state and its parent', async () => {
    const { engine } = dexieEngine();
    await openCase(engine, 'q-1');
    await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    const instance = await engine.get('q-1');
    const host = mount(<LifecycleDiagram workflow={labelledReviewWorkflow} instance={instance} />);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const active = [...host.querySelectorAll('[data-active]')].map((g) => g.getAttribute('data-state'));
    expect(active.sort()).toEqual(['review', 'review.initial']);
    expect(text(host.querySelector('[data-state="review.initial"]'))).toContain('初审（监督机构）');
    expect(text(host.querySelector('[data-state="review.initial"]'))).toContain('当前');
    expect(text(host.querySelector('figcaption'))).toContain('当前环节：审核 › 初审（监督机构）');
    expect(host.querySelector('[data-edge="notice->qualified"]')).not.toBeNull();
    // The drawing really lays out: the nested state's box is inside its parent's box.
    const inner = host.querySelector('[data-state="review.initial"] rect')!.getBoundingClientRect();
    const outer = host.querySelector('[data-state="review"] rect')!.getBoundingClientRect();
    expect(inner.left).toBeGreaterThanOrEqual(outer.left);
    expect(inner.right).toBeLessThanOrEqual(outer.right);
    expect(inner.top).toBeGreaterThan(outer.top);
    expect(await axeViolations(host)).toEqual([]);
  });
});
