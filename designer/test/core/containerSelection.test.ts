/** A selected container keeps being selected (by its stable id) while the layout around it changes. */
import { describe, expect, it } from 'vitest';
import { addContainer, addField, containerId, createDesignerSession, exportDefinition, layoutAt, moveBy, moveField, moveNode, removeContainer, updateContainer } from '../../src/index.js';
import type { LayoutNode } from '@nongan/forms';

function twoSections() {
  const s = createDesignerSession();
  s.execute(addField({ kind: 'text', list: '/layout/children', key: 'a' }));
  s.execute(addContainer('section', '/layout/children')); // /layout/children/1
  s.execute(updateContainer('/layout/children/1', { title: { zh: '第一节', en: 'First' } }));
  s.execute(addContainer('section', '/layout/children')); // /layout/children/2
  s.execute(updateContainer('/layout/children/2', { title: { zh: '第二节', en: 'Second' } }));
  return s;
}

const titleAt = (s: ReturnType<typeof twoSections>, pointer: string | null) => {
  const node = pointer ? (layoutAt(s.getSnapshot().state.definition.layout, pointer) as LayoutNode | undefined) : undefined;
  return node && 'title' in node ? node.title?.zh : undefined;
};
const selection = (s: ReturnType<typeof twoSections>) => s.getSnapshot().state.selection;

describe('container selection follows the container', () => {
  it('select a container, move a node above it: the selection is still on the same container (and through undo/redo)', () => {
    const s = twoSections();
    s.select('/layout/children/2');
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.execute(moveNode('/layout/children/0', '/layout/children', 3)); // field a: from the top to the end
    expect(selection(s)).toBe('/layout/children/1');
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.execute(moveBy('/layout/children/0', 1)); // the first section goes below the selected one
    expect(selection(s)).toBe('/layout/children/0');
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.undo();
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.undo();
    expect(selection(s)).toBe('/layout/children/2');
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.redo();
    expect(titleAt(s, selection(s))).toBe('第二节');
  });

  it('follows when a field moves from above into it, when a sibling above is removed, and clears when it is removed', () => {
    const s = twoSections();
    s.select('/layout/children/2');
    const id = containerId(layoutAt(s.getSnapshot().state.definition.layout, '/layout/children/2') as LayoutNode);
    s.execute(moveField('a', '/layout/children/2/children', 0)); // into the selected section, from above it
    expect(selection(s)).toBe('/layout/children/1');
    expect(titleAt(s, selection(s))).toBe('第二节');
    expect(containerId(layoutAt(s.getSnapshot().state.definition.layout, '/layout/children/1') as LayoutNode)).toBe(id);
    s.execute(removeContainer('/layout/children/0'));
    expect(selection(s)).toBe('/layout/children/0');
    expect(titleAt(s, selection(s))).toBe('第二节');
    s.execute(removeContainer('/layout/children/0'));
    expect(selection(s)).toBeNull();
    expect(s.getSnapshot().state.definition.layout).toEqual({ type: 'section', children: [{ type: 'field', field: 'a' }] });
  });

  it('container ids stay out of the emitted definition', () => {
    const s = twoSections();
    s.select('/layout/children/1');
    s.execute(moveBy('/layout/children/0', 1));
    const { definition } = s.getSnapshot().state;
    const exported = exportDefinition(definition);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(JSON.parse(exported.json)).toEqual(JSON.parse(JSON.stringify(definition)));
    expect(Object.keys(definition.layout).sort()).toEqual(['children', 'type']);
    expect(Object.keys((definition.layout as { children: object[] }).children[0]!).sort()).toEqual(['children', 'title', 'type']);
  });
});
