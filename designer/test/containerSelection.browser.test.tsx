/**
 * A selected container stays selected when nodes above it move (by the ↓ buttons, i.e. by keyboard):
 * the canvas card stays pressed, the property panel keeps showing that container, and its card is
 * the same element (keyed by the container's stable id, not its position).
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { addContainer, addField, createDesignerSession, createMemoryDesignerStore, updateContainer } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { axeViolations, button, labelled, mount, until } from './render.js';

describe('container selection on the canvas', () => {
  it('follows the selected section while a field above it moves past it', async () => {
    const session = createDesignerSession();
    session.execute(addField({ kind: 'text', list: '/layout/children', key: 'note' }));
    session.execute(addContainer('section', '/layout/children'));
    session.execute(updateContainer('/layout/children/1', { title: { zh: '甲', en: 'A' } }));
    session.execute(addContainer('section', '/layout/children'));
    session.execute(updateContainer('/layout/children/2', { title: { zh: '乙', en: 'B' } }));
    session.select(null);
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} autosaveMs={0} />);
    await until(() => host.querySelector('.ngd[aria-busy=false]') && button(host, '分区：乙'), 'canvas');

    const card = button(host, '分区：乙')!;
    card.click();
    const pressed = () => [...host.querySelectorAll('.ngd-container .ngd-card-main[aria-pressed=true]')].map((b) => b.textContent);
    const panelTitle = () => labelled<HTMLInputElement>(host, '分区标题（中文）')?.value;
    await until(() => panelTitle() === '乙', 'panel shows section 乙');
    expect(pressed()).toEqual(['分区：乙']);

    // The text field at the top goes down twice, past 甲 and then past 乙: 乙 moves from index 2 to 1.
    for (let i = 0; i < 2; i++) {
      const down = button(host, /^下移：单行文本$/)!;
      down.focus();
      await userEvent.keyboard('{Enter}');
    }
    await until(() => session.getSnapshot().state.definition.layout.type === 'section' && (session.getSnapshot().state.definition.layout as { children: Array<{ type: string }> }).children[2]?.type === 'field', 'field moved to the end');
    expect(session.getSnapshot().state.selection).toBe('/layout/children/1');
    await until(() => pressed().length === 1 && pressed()[0] === '分区：乙', 'section 乙 still selected on the canvas');
    expect(panelTitle()).toBe('乙');
    expect(button(host, '分区：乙')).toBe(card); // same card, not remounted
    expect(await axeViolations()).toEqual([]);
  });
});
