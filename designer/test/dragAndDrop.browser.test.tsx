/**
 * Building a form by pointer drag and drop (pointer events a mouse would send, paced by frames as a
 * hand moves), and by keyboard only (dnd-kit's KeyboardSensor plus the non-drag buttons), with
 * undo/redo from the keyboard shortcuts, in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDesignerSession, createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { axeViolations, button, labelled, mount, until } from './render.js';

const order = (host: HTMLElement, list: string) => [...host.querySelectorAll(`[data-list="${list}"] > [data-field]`)].map((e) => e.getAttribute('data-field'));
const SECTION = '/layout/children/0/children';
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Drags `source` onto `target` (at `at` inside it, default its centre) with the pointer events a mouse
 * sends, waiting a frame after each move as a hand would. Playwright's one-call dragAndDrop can release
 * before the page has rendered the last move on a loaded machine, which a person never does.
 */
async function drag(source: Element, target: Element, at?: { x: number; y: number }) {
  const from = source.getBoundingClientRect();
  const to = target.getBoundingClientRect();
  const start = { x: from.left + from.width / 2, y: from.top + from.height / 2 };
  const end = at ? { x: to.left + at.x, y: to.top + at.y } : { x: to.left + to.width / 2, y: to.top + to.height / 2 };
  const pointer = (type: string, p: { x: number; y: number }, on: EventTarget) =>
    on.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, clientX: p.x, clientY: p.y, pointerId: 1, isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerType: 'mouse' }));
  pointer('pointerdown', start, source);
  await frame();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    pointer('pointermove', { x: start.x + ((end.x - start.x) * i) / steps, y: start.y + ((end.y - start.y) * i) / steps }, document);
    await frame();
  }
  await frame();
  pointer('pointerup', end, document);
  await frame();
}

describe('building a form', () => {
  it('by pointer drag and drop: palette → canvas, into a section, reorder', async () => {
    const session = createDesignerSession();
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} />);
    const root = await until(() => host.querySelector('[data-list="/layout/children"]'), 'root list');
    await drag(host.querySelector('[data-palette="palette-container:section"]')!, root);
    const section = await until(() => host.querySelector(`[data-list="${SECTION}"]`), 'section list');
    await drag(host.querySelector('[data-palette="palette:text"]')!, section);
    await until(() => order(host, SECTION).length === 1, 'text field in the section');
    const list = host.querySelector<HTMLElement>(`[data-list="${SECTION}"]`)!;
    await drag(host.querySelector('[data-palette="palette:integer"]')!, list, { x: 20, y: list.getBoundingClientRect().height - 3 });
    await until(() => order(host, SECTION).length === 2, 'integer field in the section');
    expect(order(host, SECTION)).toEqual(['text1', 'integer1']);
    // Drag the integer card's handle onto the text card: it goes before it.
    await drag(button(host, /^拖动：整数$/)!, host.querySelector('[data-field=text1]')!, { x: 30, y: 3 });
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
