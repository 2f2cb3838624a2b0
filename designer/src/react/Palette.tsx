/**
 * The palette: every field kind and container. Each entry has a drag handle (pointer or keyboard
 * drag onto the canvas) and an "add" button that needs no dragging: it adds to the container chosen
 * in the "Add to" menu (by default the one holding the current selection).
 */
import { useDraggable } from '@dnd-kit/core';
import { memo, useId, useState } from 'react';
import type { FieldKind, FormDefinition, LayoutNode } from '@nongan/forms';
import { addField } from '../core/commands/fieldCommands.js';
import { addContainer } from '../core/commands/layoutCommands.js';
import { allLists, findField } from '../core/layoutTree.js';
import { PALETTE_CONTAINERS, PALETTE_FIELDS, type ContainerType } from '../core/palette.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import type { DragData } from './dnd.js';
import { pick, say } from './text.js';

/** Human names of all child lists, for the "Add to" / "Move to" menus. */
export function useListChoices(): Array<{ pointer: string; name: string }> {
  const { locale } = useDesignerEnv();
  const layout = useDesignerSelector((s) => s.state.definition.layout);
  return listChoices({ layout } as FormDefinition, locale);
}

export function listChoices(definition: Pick<FormDefinition, 'layout'>, locale: 'zh-CN' | 'en'): Array<{ pointer: string; name: string }> {
  const count: Record<string, number> = {};
  return allLists(definition as FormDefinition).map((l) => {
    const type = PALETTE_CONTAINERS.find((c) => c.type === l.owner)?.label;
    count[l.owner] = (count[l.owner] ?? 0) + 1;
    const base = type ? pick(type, locale) : say(locale, '表单', 'Form');
    const title = l.title ? `：${pick(l.title, locale)}` : ` ${count[l.owner]}`;
    return { pointer: l.pointer, name: `${'— '.repeat(l.depth)}${l.depth === 0 && l.owner === 'section' && !l.title ? say(locale, '表单顶层', 'Form top level') : `${base}${title}`}` };
  });
}

function targetOf(layout: LayoutNode, selection: string | null, choices: Array<{ pointer: string }>): string {
  if (selection) {
    const at = selection.startsWith('/layout') ? selection : findField(layout, selection);
    if (at) {
      // A selected container: add inside it; a selected field: add next to it.
      const inside = choices.find((c) => c.pointer.startsWith(`${at}/`) && selection.startsWith('/layout'));
      if (inside) return inside.pointer;
      const parent = at.slice(0, at.lastIndexOf('/'));
      if (choices.some((c) => c.pointer === parent)) return parent;
    }
  }
  return choices[0]?.pointer ?? '/layout/children';
}

export function Palette() {
  const { locale, locked } = useDesignerEnv();
  const choices = useListChoices();
  const layout = useDesignerSelector((s) => s.state.definition.layout);
  const selection = useDesignerSelector((s) => s.state.selection);
  const [chosen, setChosen] = useState<string | null>(null);
  const target = chosen && choices.some((c) => c.pointer === chosen) ? chosen : targetOf(layout, selection, choices);
  const menuId = useId();
  return (
    <section className="ngd-panel ngd-palette" aria-label={say(locale, '控件库', 'Palette')}>
      <h2>{say(locale, '控件库', 'Palette')}</h2>
      <label htmlFor={menuId}>{say(locale, '添加到', 'Add to')}</label>
      <select id={menuId} value={target} onChange={(e) => setChosen(e.target.value)}>
        {choices.map((c) => (
          <option key={c.pointer} value={c.pointer}>
            {c.name}
          </option>
        ))}
      </select>
      <h3 className="ngd-page-title">{say(locale, '字段', 'Fields')}</h3>
      <ul>
        {PALETTE_FIELDS.map((item) => (
          <PaletteEntry key={item.kind} kind={item.kind} target={target} disabled={locked} />
        ))}
      </ul>
      <h3 className="ngd-page-title">{say(locale, '布局', 'Layout')}</h3>
      <ul>
        {PALETTE_CONTAINERS.map((item) => (
          <PaletteEntry key={item.type} type={item.type} target={target} disabled={locked} />
        ))}
      </ul>
    </section>
  );
}

/** One palette entry; memoised so selecting fields does not re-render the whole palette. */
const PaletteEntry = memo(function PaletteEntry({ kind, type, target, disabled }: { kind?: FieldKind; type?: ContainerType; target: string; disabled: boolean }) {
  const { locale } = useDesignerEnv();
  const run = useRun();
  const data: DragData = kind ? { source: 'palette', kind } : { source: 'palette-container', type: type! };
  const id = kind ? `palette:${kind}` : `palette-container:${type}`;
  const item = kind ? PALETTE_FIELDS.find((p) => p.kind === kind)! : PALETTE_CONTAINERS.find((p) => p.type === type)!;
  const label = pick(item.label, locale);
  const onAdd = () => run(() => (kind ? addField({ kind, list: target }) : addContainer(type!, target)));
  const { attributes, listeners, setNodeRef } = useDraggable({ id, data, disabled });
  return (
    <li>
      <button type="button" ref={setNodeRef} {...attributes} {...listeners} aria-label={say(locale, `拖动添加：${label}`, `Drag to add: ${label}`)} aria-roledescription={say(locale, '可拖动控件', 'draggable palette item')} data-palette={id}>
        ⠿
      </button>
      <button type="button" className="ngd-palette-item" disabled={disabled} onClick={onAdd}>
        {say(locale, `添加${label}`, `Add ${label}`)}
      </button>
    </li>
  );
});
