/**
 * The approval sheet (审批单) in real Chromium: every decision and vote in order with step, signer,
 * opinion and time, the countersign's outcome after the deciding vote, printed alone (the print
 * helper's body class is on while the browser prints), names only, no axe-core violations.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApprovalSheet } from '../src/ApprovalSheet.js';
import { formFieldLabeler } from '../src/timelineModel.js';
import { evaluationCase, leakedKeys, people, submittedReview, taskEngine, taskForms } from './fixtures/taskSetup.js';
import { axeViolations, buttonNamed, text, unmount, until } from './render.js';
import { withEngine } from './taskRender.js';

afterEach(() => {
  unmount();
  vi.restoreAllMocks();
});

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => text(td));

describe('ApprovalSheet', () => {
  it('lists the decisions and votes of a panel case in order, and prints alone', async () => {
    const { engine, clock } = taskEngine();
    await evaluationCase(engine);
    await engine.operate('p-1', { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
    clock.advance(2 * 3_600_000);
    await engine.operate('p-1', { op: 'vote', data: { score: 86 }, opinion: { text: '用药记录规范' } }, { actor: people.expert1 });
    await engine.operate('p-1', { op: 'vote', data: { score: 91 }, opinion: { text: '台账完整' } }, { actor: people.expert2 });
    const host = withEngine(engine, <ApprovalSheet instanceId="p-1" fieldLabel={formFieldLabeler((form) => taskForms[form.id])} />);
    const table = await until(() => host.querySelector('.nw-approval table'), 'the sheet');
    expect(text(host.querySelector('.nw-approval h2'))).toBe('审批单');
    expect(text(host.querySelector('.nw-approval-head'))).toMatch(/受理编号: jiyuan-2026-\d{6}/);
    expect(text(host.querySelector('.nw-approval-head'))).not.toContain('p-1');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map(cells)).toEqual([
      ['整改中', '报告整改完成', '生产主体', '', '2026-03-02 09:00'],
      // What each score sheet decided is journaled with the vote, so the sheet says it after the panel too.
      ['专家评估', '会签：同意评分 86', '吴专家专家工作办公室', '用药记录规范', '2026-03-02 11:00'],
      ['专家评估', '会签：同意评分 91', '郑专家专家工作办公室', '台账完整', '2026-03-02 11:00'],
      ['专家评估', '会签通过：同意 2 人，不同意 0 人，未表决 1 人，结果为“专家评分”', '会签', '', '2026-03-02 11:00'],
    ]);
    expect(leakedKeys(text(host))).toEqual([]);
    expect(await axeViolations(host)).toEqual([]);

    // Printing puts the sheet alone on the page until the browser says printing is over.
    let printingClass = false;
    vi.spyOn(window, 'print').mockImplementation(() => {
      printingClass = document.body.classList.contains('nw-printing-approval');
    });
    buttonNamed(host, '打印审批单')!.click();
    expect(printingClass).toBe(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.classList.contains('nw-printing-approval')).toBe(false);
  });

  it('shows a return\'s reason and a decision\'s signed opinion, in English', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine);
    await engine.send('q-1', { type: 'APPROVE' }, { actor: people.sup1, opinion: { text: '材料齐全，同意' } });
    await engine.operate('q-1', { op: 'return', to: 'review.initial', opinion: { text: '存栏数量与防疫记录不符' } }, { actor: people.district });
    const host = withEngine(engine, <ApprovalSheet instanceId="q-1" printable={false} />, 'en');
    const table = await until(() => host.querySelector('.nw-approval table'), 'the sheet');
    expect([...table.querySelectorAll('tbody tr')].map(cells).map((c) => c.slice(0, 4))).toEqual([
      ['Drafting the application', 'Submit application', 'Producer', ''],
      ['Review › Initial review (supervision)', 'Approve', '李审核Animal-health supervision', '材料齐全，同意'],
      ['Review › Final review (district bureau)', 'Return to Review › Initial review (supervision)', '孙科长District agriculture bureau', '存栏数量与防疫记录不符'],
    ]);
    expect(buttonNamed(host, 'Print the approval sheet')).toBeUndefined();
    expect(await axeViolations(host)).toEqual([]);
  });
});
