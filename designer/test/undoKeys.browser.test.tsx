/**
 * Ctrl+Z in text fields (README "Undo in text fields"): in a box whose typing edits the form, Ctrl+Z
 * is the designer's undo — the whole run of typing is one step and the box shows the text as it
 * was; Ctrl+Y / Ctrl+Shift+Z bring it back. In a box whose text is not (yet) in the form (the key,
 * applied on Enter; a change note; sample data in the preview) the browser's own text undo applies
 * and the designer's history is left alone.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDesignerSession, createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { allKindsForm } from './fixtures.js';
import { labelled, mount, nextFrame, until } from './render.js';

describe('Ctrl+Z inside text fields', () => {
  it('undoes a run of typing in a label as one designer step; leaves uncommitted boxes to the browser', async () => {
    const session = createDesignerSession(allKindsForm());
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} autosaveMs={0} />);
    await until(() => host.querySelector('[data-field=farmName]') && host.querySelector('.ngd[aria-busy=false]'), 'loaded');
    host.querySelector<HTMLButtonElement>('[data-field=farmName] .ngd-card-main')!.click();
    const label = await until(() => labelled<HTMLInputElement>(host, '标签（中文）'), 'label input');
    const labelOf = () => session.getSnapshot().state.definition.fields.farmName?.label.zh;

    label.focus();
    label.setSelectionRange(label.value.length, label.value.length);
    await userEvent.keyboard('ABC');
    expect(labelOf()).toBe('养殖场名称ABC');
    expect(session.getSnapshot().stack.done).toHaveLength(1); // three keystrokes, one step

    await userEvent.keyboard('{Control>}z{/Control}');
    expect(labelOf()).toBe('养殖场名称');
    await until(() => label.value === '养殖场名称', 'the box shows the label as it was');
    expect(document.activeElement).toBe(label);
    await userEvent.keyboard('{Control>}y{/Control}');
    expect(labelOf()).toBe('养殖场名称ABC');
    await until(() => label.value === '养殖场名称ABC', 'redo shows the typing again');
    await userEvent.keyboard('{Control>}z{/Control}{Control>}{Shift>}z{/Shift}{/Control}');
    expect(labelOf()).toBe('养殖场名称ABC');

    // The key box applies on Enter: while it holds uncommitted typing, Ctrl+Z is the browser's.
    const key = labelled<HTMLInputElement>(host, '字段键（回车确认，规则与布局随之更新）')!;
    key.focus();
    key.setSelectionRange(key.value.length, key.value.length);
    await userEvent.keyboard('X');
    expect(key.value).toBe('farmNameX');
    expect(key.hasAttribute('data-ngd-uncommitted')).toBe(true);
    await userEvent.keyboard('{Control>}z{/Control}');
    await nextFrame();
    expect(labelOf()).toBe('养殖场名称ABC'); // the designer did not undo the label
    expect(session.getSnapshot().stack.done).toHaveLength(1);
    expect(key.value).toBe('farmName'); // the browser undid the typed X
    expect(key.hasAttribute('data-ngd-uncommitted')).toBe(false);

    // Sample data typed into the preview is not the form either.
    const sample = await until(() => host.querySelector<HTMLInputElement>('.ngd-preview input[type=text]'), 'a preview text box');
    sample.focus();
    await userEvent.keyboard('Z');
    await userEvent.keyboard('{Control>}z{/Control}');
    await nextFrame();
    expect(labelOf()).toBe('养殖场名称ABC');
    expect(session.getSnapshot().stack.done).toHaveLength(1);
    expect(sample.value).toBe('');
  });
});
