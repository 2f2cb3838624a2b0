/**
 * The inbox's tabs in real Chromium on an engine over a memory store with named people: a task is
 * claimed right in 待认领 and then shows as the claimer's own, and as claimed by them to a colleague;
 * a copy reaches the recipient's 抄送我的 unread and is read from the case view; the tabs are
 * keyboard-operable, filters apply per tab, and nobody reads an account id, role or state key.
 */
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView } from '../src/CaseView.js';
import { EngineProvider } from '../src/EngineProvider.js';
import { TaskInbox } from '../src/TaskInbox.js';
import { directoryPeople, leakedKeys, people, submittedReview, taskEngine, taskFormFor } from './fixtures/taskSetup.js';
import { axeViolations, mount, text, unmount, until } from './render.js';
import { chooseOperation, pickPerson, sendOperationOk, withEngine, writeOpinion } from './taskRender.js';

afterEach(() => unmount());

const tab = (host: HTMLElement, name: string) => host.querySelector<HTMLButtonElement>(`[role=tab][data-tab="${name}"]`)!;
const rowOf = (host: HTMLElement, id: string) => host.querySelector<HTMLTableRowElement>(`[role=tabpanel] tr[data-instance="${id}"]`);

describe('TaskInbox tabs', () => {
  it('claims a task from 待认领; it then shows as mine, and as claimed by that person to a colleague', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine, 'q-1');
    await submittedReview(engine, 'q-2');
    const opened: string[] = [];
    const host = withEngine(engine, <TaskInbox actor={people.sup1} onOpen={(id) => opened.push(id)} />);
    await until(() => rowOf(host, 'q-1') && rowOf(host, 'q-2'), 'both cases in the first tab');
    // The first tab lists every task with one button per row: opening a case never claims it.
    expect(rowOf(host, 'q-1')!.querySelectorAll('button')).toHaveLength(1);
    expect(text(rowOf(host, 'q-1'))).toContain('待认领');
    expect(text(tab(host, 'unclaimed'))).toBe('待认领 2');
    expect(text(tab(host, 'mine'))).toBe('待办 0');
    expect(await axeViolations(host)).toEqual([]);

    await userEvent.click(tab(host, 'unclaimed'));
    const row = await until(() => rowOf(host, 'q-1'), 'q-1 to claim');
    expect(tab(host, 'unclaimed').getAttribute('aria-selected')).toBe('true');
    await userEvent.click(row.querySelector<HTMLButtonElement>('button[data-op=claim]')!);
    await until(() => host.querySelector('.nw-success[role=status]'), 'the claim confirmed');
    expect(text(host.querySelector('.nw-success'))).toBe('已认领：先打后补资质审核 · farm-1');
    await until(() => !rowOf(host, 'q-1') && text(tab(host, 'mine')) === '待办 1', 'q-1 left 待认领 for 待办');
    expect((await engine.get('q-1')).work?.holder).toMatchObject({ id: 'sup-1', how: 'claimed' });

    // Keyboard: arrow keys move between tabs and select them.
    tab(host, 'unclaimed').focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tab(host, 'mine'));
    const mine = await until(() => rowOf(host, 'q-1'), 'q-1 among my tasks');
    expect(text(mine)).toContain('由我办理');
    expect(text(mine)).toContain('审核通过、退回');
    await userEvent.click(mine.querySelector('button')!);
    expect(opened).toEqual(['q-1']);
    expect(await axeViolations(host)).toEqual([]);

    // 赵审核 sees it taken, by name, and may not act on it.
    const colleague = withEngine(engine, <TaskInbox actor={people.sup2} initialTab="held" />);
    const held = await until(() => rowOf(colleague, 'q-1'), 'q-1 held by a colleague');
    expect(text(held)).toContain('已由 李审核 认领');
    expect(text(tab(colleague, 'held'))).toBe('已被他人认领 1');
    expect(leakedKeys(text(colleague))).toEqual([]);
    expect(await axeViolations(colleague)).toEqual([]);
  });

  it('shows a claim the engine refuses as the engine states it', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine, 'q-1');
    const host = withEngine(engine, <TaskInbox actor={people.sup1} initialTab="unclaimed" />);
    const row = await until(() => rowOf(host, 'q-1'), 'q-1 to claim');
    // A colleague claims it first, elsewhere, between this inbox's load and the click.
    await engine.operate('q-1', { op: 'claim' }, { actor: people.sup2 });
    row.querySelector<HTMLButtonElement>('button[data-op=claim]')?.click();
    const alert = await until(() => host.querySelector('[role=alert][data-code]'), 'the refusal');
    expect(text(alert)).toContain('认领未成功');
    expect(text(alert)).toContain('赵审核');
  });

  it('lists a copy unread in the recipient\'s 抄送我的 with a count, then read once it is marked read in the case', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine, 'q-1');
    const sender = withEngine(engine, <CaseView instanceId="q-1" actor={people.sup1} formFor={taskFormFor} people={directoryPeople} />);
    const panel = await chooseOperation(sender, '抄送');
    await pickPerson(panel, '孙科长');
    await writeOpinion(panel, '请知悉');
    await sendOperationOk(sender, '抄送');

    const inbox = withEngine(engine, <TaskInbox actor={people.district} />);
    await until(() => text(tab(inbox, 'copies')) === '抄送我的 1（1 条未读）', 'the copies tab counting one unread');
    await userEvent.click(tab(inbox, 'copies'));
    const row = await until(() => rowOf(inbox, 'q-1'), 'the copy');
    expect(row.getAttribute('data-unread')).toBe('true');
    expect(text(row)).toContain('李审核');
    expect(text(row)).toContain('未读');
    expect(leakedKeys(text(inbox))).toEqual([]);
    expect(await axeViolations(inbox)).toEqual([]);

    // The reader opens the case elsewhere and marks it read: the inbox follows.
    const both = mount(
      <EngineProvider engine={engine}>
        <TaskInbox actor={people.district} initialTab="copies" />
        <CaseView instanceId="q-1" actor={people.district} formFor={taskFormFor} people={directoryPeople} />
      </EngineProvider>,
    );
    await until(() => rowOf(both, 'q-1')?.getAttribute('data-unread') === 'true', 'unread before');
    await chooseOperation(both, '已阅');
    await until(() => rowOf(both, 'q-1') && rowOf(both, 'q-1')!.getAttribute('data-unread') === null, 'read after');
    expect(text(rowOf(both, 'q-1'))).toContain('已读');
    expect(text(tab(both, 'copies'))).toBe('抄送我的 1');
    expect(text(both.querySelector('[data-work="copies"]'))).toContain('孙科长 · 已读');
  });

  it('keeps each tab\'s own filters, and reads in English', async () => {
    const { engine } = taskEngine();
    await submittedReview(engine, 'q-1');
    await submittedReview(engine, 'q-2');
    await engine.operate('q-2', { op: 'claim' }, { actor: people.sup1 });
    const host = withEngine(engine, <TaskInbox actor={people.sup1} />, 'en');
    await until(() => rowOf(host, 'q-1') && rowOf(host, 'q-2'), 'both rows');
    // The claim was sup-1's step in q-2: it is also 已办 (handled by me).
    const tabTexts = () => [...host.querySelectorAll('[role=tab]')].map((t) => text(t)).join(' | ');
    await until(() => tabTexts() === 'All 2 | My tasks 1 | To claim 1 | Claimed by others 0 | Handled by me 1 | Started by me 0 | Copied to me 0', `tab counts (${tabTexts()})`);
    await userEvent.click(tab(host, 'done'));
    await until(() => rowOf(host, 'q-2') && !rowOf(host, 'q-1'), 'handled case listed');
    expect(text(rowOf(host, 'q-2'))).toContain('In progress');
    expect(await axeViolations(host)).toEqual([]);
    await userEvent.click(tab(host, 'all'));
    const overdueOnly = () => host.querySelector<HTMLInputElement>('[role=tabpanel] input[type=checkbox]')!;
    await userEvent.click(overdueOnly());
    await until(() => text(host.querySelector('[role=tabpanel] [role=status]')) === 'No tasks match the filters.', 'filtered out');
    await userEvent.click(tab(host, 'mine'));
    // The other tab has its own filters: nothing chosen there.
    await until(() => rowOf(host, 'q-2'), 'q-2 in My tasks');
    expect(overdueOnly().checked).toBe(false);
    expect(text(rowOf(host, 'q-2'))).toContain('Mine');
    await userEvent.click(tab(host, 'all'));
    await until(() => overdueOnly().checked && rowOf(host, 'q-1') === null, 'the first tab keeps its filter');
  });
});
