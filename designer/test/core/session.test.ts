import { describe, expect, it } from 'vitest';
import { createDesignerSession, DesignerError, MAX_UNDO, setTitle, updateField } from '../../src/index.js';
import { buildFarmForm } from '../fixtures.js';

describe('session and command stack', () => {
  it('coalesces a typing run into one undo step; a selection change starts a new one', () => {
    const s = buildFarmForm();
    const depth = s.getSnapshot().stack.done.length;
    for (const zh of ['养', '养殖', '养殖场']) s.execute(updateField('farmName', { label: { zh, en: 'Farm' } }), { coalesce: 'farmName:label' });
    expect(s.getSnapshot().stack.done.length).toBe(depth + 1);
    s.select('species');
    s.execute(updateField('farmName', { label: { zh: '养殖场名', en: 'Farm' } }), { coalesce: 'farmName:label' });
    expect(s.getSnapshot().stack.done.length).toBe(depth + 2);
    s.undo();
    expect(s.getSnapshot().state.definition.fields.farmName?.label.zh).toBe('养殖场');
    s.undo();
    expect(s.getSnapshot().state.definition.fields.farmName?.label.zh).toBe('养殖场名称');
    s.redo();
    expect(s.getSnapshot().state.definition.fields.farmName?.label.zh).toBe('养殖场');
  });

  it('notifies subscribers once per change and not after unsubscribing', () => {
    const s = createDesignerSession();
    let calls = 0;
    const off = s.subscribe(() => void calls++);
    s.execute(setTitle({ zh: '甲', en: 'A' }));
    s.select('x');
    s.select('x'); // no change, no notification
    s.undo();
    off();
    s.redo();
    expect(calls).toBe(3);
  });

  it('bounds the undo history and refuses things that are not commands', () => {
    const s = createDesignerSession();
    for (let i = 0; i < MAX_UNDO + 10; i++) s.execute(setTitle({ zh: `标题${i}`, en: `T${i}` }));
    expect(s.getSnapshot().stack.done.length).toBe(MAX_UNDO);
    expect(() => s.execute({} as never)).toThrow(DesignerError);
  });

  it('opening a document clears the history', () => {
    const s = buildFarmForm();
    s.open(createDesignerSession().getSnapshot().state.definition);
    expect(s.undo()).toBe(false);
  });
});
