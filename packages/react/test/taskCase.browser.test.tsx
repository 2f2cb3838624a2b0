/**
 * The case view's task operations in real Chromium on an engine over a memory store with named
 * people: transfer to a named person, delegate and hand back, return to an earlier step chosen from
 * the list with a reason, withdraw, chase (the count shown), a decision's opinion (审批意见), and a
 * three-expert countersign voted on its score sheet to its outcome. The work on the task is shown in
 * names; no account id, role, state or operation key is ever read; axe-core finds no violations.
 */
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView } from '../src/CaseView.js';
import { EngineProvider } from '../src/EngineProvider.js';
import { Timeline } from '../src/Timeline.js';
import { formFieldLabeler } from '../src/timelineModel.js';
import { directoryPeople, evaluationCase, leakedKeys, people, submittedReview, taskEngine, taskFormFor, taskForms } from './fixtures/taskSetup.js';
import { axeViolations, buttonNamed, mount, text, unmount, until } from './render.js';
import { chooseOperation, operationButton, pickPerson, sendOperation, sendOperationOk, withEngine, workText, writeOpinion } from './taskRender.js';

afterEach(() => unmount());

const caseView = (instanceId: string, actor: (typeof people)[keyof typeof people]) => <CaseView instanceId={instanceId} actor={actor} formFor={taskFormFor} people={directoryPeople} />;
const stateOf = (host: HTMLElement) => text(host.querySelector('.nw-state'));
const offered = (host: HTMLElement) => [...host.querySelectorAll('.nw-ops button')].map((b) => text(b));

describe('CaseView task operations', () => {
  it('claims at one click, then transfers to a person chosen by name; the work shows who holds it', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    const host = withEngine(engine, caseView('q-1', people.sup1));
    await operationButton(host, '认领');
    expect(workText(host, 'holder')).toBe('尚未认领');
    // Exactly what the engine allows, labelled.
    expect(offered(host)).toEqual(['认领', '转办', '委派', '退回至…', '抄送']);
    await chooseOperation(host, '认领');
    await until(() => workText(host, 'holder') === '李审核（认领于 2026-03-02 09:00）', 'the holder');
    expect(await axeViolations(host)).toEqual([]);

    const panel = await chooseOperation(host, '转办');
    // Only colleagues in the role the task is held under are offered, by name; not oneself.
    expect([...panel.querySelectorAll('.nw-picker li')].map((l) => text(l).trim())).toEqual(['赵审核']);
    await userEvent.click(buttonNamed(panel, '转办')!);
    const missing = await until(() => panel.querySelector('[role=alert][data-code=incomplete]'), 'choose a person first');
    expect(text(missing)).toContain('请选择一名人员。');
    await pickPerson(panel, '赵审核');
    await writeOpinion(panel, '本人出差，转赵审核办理');
    expect(await axeViolations(host)).toEqual([]);
    await sendOperationOk(host, '转办');
    await until(() => workText(host, 'holder').startsWith('赵审核（转办于'), 'held by the new holder');
    expect((await engine.get('q-1')).work?.holder).toMatchObject({ id: 'sup-2', how: 'transferred' });
    // The old holder may no longer decide: no actions, only copies and chasing.
    await until(() => text(host).includes('您当前没有可办理的操作') && offered(host).join() === '抄送,催办', 'nothing left to decide');
    expect(leakedKeys(text(host))).toEqual([]);
  });

  it('delegates and is handed back: the delegate must give an opinion; then the holder decides with an opinion', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    const host = withEngine(engine, caseView('q-1', people.sup1));
    const panel = await chooseOperation(host, '委派');
    await pickPerson(panel, '赵审核');
    await writeOpinion(panel, '请核实存栏');
    await sendOperationOk(host, '委派');
    await until(() => workText(host, 'delegate').startsWith('赵审核'), 'delegated');

    const delegate = withEngine(engine, caseView('q-1', people.sup2));
    const back = await chooseOperation(delegate, '办理完毕交回');
    await userEvent.click(buttonNamed(back, '办理完毕交回')!);
    expect(text(await until(() => back.querySelector('[data-code=incomplete]'), 'opinion required'))).toContain('此操作须填写意见。');
    await writeOpinion(back, '已核实存栏 350 头');
    await sendOperationOk(delegate, '办理完毕交回');
    await until(() => delegate.querySelector('[data-work="delegate"]') === null, 'handed back');

    const holder = mount(
      <EngineProvider engine={engine}>
        {caseView('q-1', people.sup1)}
        <Timeline instanceId="q-1" />
      </EngineProvider>,
    );
    await userEvent.click(await until(() => buttonNamed(holder, '审核通过'), 'the holder decides again'));
    await userEvent.type(await until(() => holder.querySelector<HTMLTextAreaElement>('.nw-action-panel textarea[id$="-opinion"]'), 'the opinion field'), '材料齐全，同意');
    await userEvent.click(buttonNamed(holder.querySelector('.nw-action-panel')!, '确认办理')!);
    await until(() => stateOf(holder) === '审核 › 终审（农业农村局）', 'the final review');
    expect((await engine.history('q-1')).at(-1)!.opinion).toEqual({ text: '材料齐全，同意', signer: '李审核' });
    const timeline = await until(() => holder.querySelector('.nw-timeline li[data-seq="5"]'), 'the decision in the timeline');
    expect(text(timeline)).toContain('李审核：材料齐全，同意');
    expect(text(holder.querySelector('.nw-timeline li[data-seq="3"]'))).toContain('李审核 委派给 赵审核');
    expect(text(holder.querySelector('.nw-timeline li[data-seq="4"]'))).toContain('赵审核：已核实存栏 350 头');
    expect(leakedKeys(text(holder))).toEqual([]);
    expect(await axeViolations(holder)).toEqual([]);
  });

  it('returns to an earlier step chosen by its label, with a reason', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    await engine.send('q-1', { type: 'APPROVE' }, { actor: people.sup1 });
    const host = withEngine(engine, caseView('q-1', people.district));
    const panel = await chooseOperation(host, '退回至…');
    const select = panel.querySelector<HTMLSelectElement>('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['请选择', '审核 › 初审（监督机构）', '填写申请']);
    await userEvent.selectOptions(select, '审核 › 初审（监督机构）');
    await userEvent.click(buttonNamed(panel, '退回')!);
    expect(text(await until(() => panel.querySelector('[data-code=incomplete]'), 'a reason is needed'))).toContain('此操作须填写意见。');
    await writeOpinion(panel, '存栏数量与防疫记录不符，请重新初审');
    expect(await axeViolations(host)).toEqual([]);
    await sendOperationOk(host, '退回');
    await until(() => stateOf(host) === '审核 › 初审（监督机构）', 'back in the initial review');
    expect((await engine.history('q-1')).at(-1)).toMatchObject({ event: { type: 'task.return' }, opinion: { text: '存栏数量与防疫记录不符，请重新初审', signer: '孙科长' } });
  });

  it('withdraws one\'s last step after confirming, and shows reminders counted', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    await engine.send('q-1', { type: 'APPROVE' }, { actor: people.sup1 });
    const host = withEngine(engine, caseView('q-1', people.sup1));
    const panel = await chooseOperation(host, '撤回');
    expect(text(panel)).toContain('撤回您的上一步办理');
    await writeOpinion(panel, '误点通过');
    await sendOperationOk(host, '撤回');
    await until(() => stateOf(host) === '审核 › 初审（监督机构）', 'withdrawn');
    await until(() => workText(host, 'holder').startsWith('李审核（撤回后办理'), 'held by the one who withdrew');

    const chaser = withEngine(engine, caseView('q-1', people.district));
    for (const note of ['', '请尽快审核']) {
      const form = await chooseOperation(chaser, '催办');
      if (note) await writeOpinion(form, note);
      await sendOperationOk(chaser, '催办');
    }
    await until(() => workText(chaser, 'chases') === '已催办 2 次，最近由 孙科长 于 2026-03-02 09:00', 'two reminders');
    expect(leakedKeys(text(chaser))).toEqual([]);
  });

  it('shows the engine\'s refusal of an operation as the engine states it, in English too', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    const host = withEngine(engine, caseView('q-1', people.sup1), 'en');
    const panel = await chooseOperation(host, 'Transfer');
    await pickPerson(panel, '孙科长');
    const refusal = await sendOperation(host, 'Transfer');
    expect(refusal.getAttribute('data-code')).toBe('forbidden');
    expect(text(refusal)).toContain('The engine refused this action');
    expect(text(refusal)).toContain('孙科长 may not act on this task');
    expect(text(refusal)).toContain('孙科长 无权办理此任务');
  });
});

describe('a three-expert countersign', () => {
  it('is formed from named experts, voted on the score sheet, and decides at 2 of 3', async () => {
    const { engine } = taskEngine();
    await evaluationCase(engine);
    const organiser = withEngine(engine, caseView('p-1', people.municipal));
    const panel = await chooseOperation(organiser, '发起会签');
    for (const expert of ['吴专家', '郑专家', '冯专家']) await pickPerson(panel, expert);
    expect(await axeViolations(organiser)).toEqual([]);
    await sendOperationOk(organiser, '发起会签');
    await until(() => organiser.querySelectorAll('[data-work="countersign"] li[data-vote=pending]').length === 3, 'three pending votes');
    expect(workText(organiser, 'countersign')).toContain('规则：至少 2/3 的会签人同意；由 周处长 于 2026-03-02 09:00 发起');
    expect(workText(organiser, 'countersign')).toContain('郑专家：待表决');

    const vote = async (expert: typeof people.expert1, score: string, opinion: string) => {
      const host = withEngine(engine, caseView('p-1', expert));
      const form = await chooseOperation(host, '会签意见');
      expect(text(form)).toContain('表决结果由所填表单判定。');
      await userEvent.type(await until(() => form.querySelector<HTMLInputElement>('input[id$="-score"]'), 'the score field'), score);
      await writeOpinion(form, opinion);
      expect(await axeViolations(host)).toEqual([]);
      await sendOperationOk(host, '会签意见');
      return host;
    };
    const first = await vote(people.expert1, '86', '用药记录规范');
    await until(() => first.querySelector('[data-work="countersign"] li[data-vote=agree]'), 'the first vote');
    expect(workText(first, 'countersign')).toContain('吴专家：同意 · 评分 86 · 用药记录规范');
    expect(stateOf(first)).toBe('专家评估');
    expect(leakedKeys(text(first))).toEqual([]);

    const second = await vote(people.expert2, '91', '台账完整');
    await until(() => stateOf(second) === '评估通过', 'the panel decided');
    expect((await engine.get('p-1')).context).toMatchObject({ score: 88.5 });

    const timeline = withEngine(engine, <Timeline instanceId="p-1" fieldLabel={formFieldLabeler((form) => taskForms[form.id])} />);
    const last = await until(() => timeline.querySelector('li[data-seq="5"]'), 'the deciding vote');
    expect(text(last)).toContain('会签通过：同意 2 人，不同意 0 人，未表决 1 人，结果为“专家评分”');
    expect(text(last)).toContain('郑专家：台账完整');
    expect(text(last)).toContain('评分: 91');
    expect(leakedKeys(text(timeline))).toEqual([]);
    expect(await axeViolations(timeline)).toEqual([]);
  });

  it('may be drawn at random, and says so when the vote form cannot be found', async () => {
    const { engine } = taskEngine();
    await evaluationCase(engine);
    const organiser = withEngine(engine, caseView('p-1', people.municipal));
    const panel = await chooseOperation(organiser, '发起会签');
    await userEvent.click([...panel.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === 'drawn')!);
    const count = panel.querySelector<HTMLInputElement>('input[id$="-draw"]')!;
    await userEvent.clear(count);
    await userEvent.type(count, '3');
    await sendOperationOk(organiser, '发起会签');
    // The engine committed the panel before it answered the widget.
    const signers = (await engine.get('p-1')).work!.countersign!.signers;
    expect(signers).toHaveLength(3);
    const signer = signers[0]!;
    const expert = Object.values(people).find((p) => p.id === signer.id)!;
    const host = withEngine(engine, <CaseView instanceId="p-1" actor={expert} formFor={() => undefined} people={directoryPeople} />);
    const form = await chooseOperation(host, '会签意见');
    expect(text(form.querySelector('[role=alert]'))).toBe('未找到会签表单，无法表决。');
    expect(buttonNamed(form, '会签意见')!.disabled).toBe(true);
  });
});
