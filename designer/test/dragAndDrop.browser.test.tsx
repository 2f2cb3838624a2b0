/**
 * Building a form by pointer drag and drop (real mouse input through Playwright), and by keyboard
 * only (dnd-kit's KeyboardSensor plus the non-drag buttons), with undo/redo from the keyboard
 * shortcuts, in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDesignerSession, createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { axeViolations, button, labelled, mount, until } from './render.js';

const order = (host: HTMLElement, list: string) => [...host.querySelectorAll(`[data-list="${list}"] > [data-field]`)].map((e) => e.getAttribute('data-field'));
const SECTION = '/layout/children/0/children';

describe('building a form', () => {
  it('by pointer drag and drop: palette → canvas, into a section, reorder', async () => {
    const session = createDesignerSession();
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} />);
    const root = await until(() => host.querySelector('[data-list="/layout/children"]'), 'root list');
    // Real mouse input through Playwright (userEvent.dragAndDrop → frame.dragAndDrop), moved in
    // steps as a hand does: dnd-kit activates on the first move and tracks the following ones.
    const steps = { steps: 10 } as object;
    await userEvent.dragAndDrop(host.querySelector('[data-palette="palette-container:section"]')!, root, steps);
    const section = await until(() => host.querySelector(`[data-list="${SECTION}"]`), 'section list');
    await userEvent.dragAndDrop(host.querySelector('[data-palette="palette:text"]')!, section, steps);
    await until(() => order(host, SECTION).length === 1, 'text field in the section');
    const list = host.querySelector<HTMLElement>(`[data-list="${SECTION}"]`)!;
    await userEvent.dragAndDrop(host.querySelector('[data-palette="palette:integer"]')!, list, { ...steps, targetPosition: { x: 20, y: list.getBoundingClientRect().height - 3 } });
    await until(() => order(host, SECTION).length === 2, 'integer field in the section');
    expect(order(host, SECTION)).toEqual(['text1', 'integer1']);
    // Drag the integer card's handle onto the text card: it goes before it.
    await userEvent.dragAndDrop(button(host, /^拖动：整数$/)!, host.querySelector('[data-field=text1]')!, { ...steps, targetPosition: { x: 30, y: 3 } });
    await until(() => order(host, SECTION)[0] === 'integer1', 'reordered');
    expect(order(host, SECTION)).toEqual(['integer1', 'text1']);
    const { definition } = session.getSnapshot().state;
    expect(definition.layout).toEqual({ type: 'section', children: [{ type: 'section', title: { zh: '新分区', en: 'New section' }, children: [{ type: 'field', field: 'integer1' }, { type: 'field', field: 'text1' }] }] });
    expect(Object.keys(definition.fields)).toEqual(['text1', 'integer1']);
    expect(await axeViolations()).toEqual([]);
  });

  it('by keyboard only: add buttons, keyboard drag (Space, arrows, Space), move buttons, label, required, Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z', async () => {
    const session = createDesignerSession();
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} />);
    const press = async (el: HTMLElement, keys: string) => {
      el.focus();
      await userEvent.keyboard(keys);
    };
    await press(await until(() => button(host, '添加分区'), 'add section'), '{Enter}');
    // Select the section (Enter on its card): the palette now adds into it.
    await press(await until(() => host.querySelector<HTMLButtonElement>('[data-node="/layout/children/0"] .ngd-card-main'), 'section card'), '{Enter}');
    await press(button(host, '添加单行文本')!, '{Enter}');
    await press(button(host, '添加整数')!, '{Enter}');
    await press(button(host, '添加日期')!, '{Enter}');
    await until(() => order(host, SECTION).length === 3, 'three fields');
    expect(order(host, SECTION)).toEqual(['text1', 'integer1', 'date1']);

    // dnd-kit KeyboardSensor: pick up the date field, move it up twice, drop.
    const handle = button(host, '拖动：日期')!;
    handle.focus();
    await userEvent.keyboard('[Space]');
    await until(() => document.querySelector('[data-field=date1].ngd-card--dragging'), 'picked up');
    await userEvent.keyboard('[ArrowUp]');
    await userEvent.keyboard('[ArrowUp]');
    await userEvent.keyboard('[Space]');
    await until(() => order(host, SECTION)[0] === 'date1', 'date moved first by keyboard drag');
    expect(order(host, SECTION)).toEqual(['date1', 'text1', 'integer1']);

    // The non-drag alternative: move buttons.
    await press(button(host, '下移：日期')!, '{Enter}');
    expect(order(host, SECTION)).toEqual(['text1', 'date1', 'integer1']);

    // Select the text field, type its label, make it required.
    await press(host.querySelector<HTMLButtonElement>('[data-field=text1] .ngd-card-main')!, '{Enter}');
    const label = await until(() => labelled<HTMLInputElement>(host, '标签（中文）'), 'label input');
    label.focus();
    await userEvent.keyboard('{Control>}a{/Control}养殖场名称');
    await until(() => host.querySelector('[data-field=text1] .ngd-card-main')?.textContent?.includes('养殖场名称'), 'label on the card');
    await press(labelled<HTMLInputElement>(host, '必填')!, '[Space]');
    expect(session.getSnapshot().state.definition.schema.required).toEqual(['text1']);

    // Undo the required flag, then the whole label typing (one step), redo both.
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(session.getSnapshot().state.definition.schema.required).toBeUndefined();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(session.getSnapshot().state.definition.fields.text1?.label.zh).toBe('单行文本');
    await userEvent.keyboard('{Control>}y{/Control}');
    expect(session.getSnapshot().state.definition.fields.text1?.label.zh).toBe('养殖场名称');
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(session.getSnapshot().state.definition.schema.required).toEqual(['text1']);
    expect(await axeViolations()).toEqual([]);
  });
});
