/**
 * One field on the canvas. It subscribes to its OWN slice (its FieldSpec, whether it is selected,
 * whether it is required), so editing another field's label or selecting elsewhere does not
 * re-render it. Drag handle (dnd-kit sortable, pointer + keyboard) plus up/down buttons as the
 * non-drag alternative (WCAG 2.5.7).
 */
import { useSortable } from '@dnd-kit/sortable';
import { memo } from 'react';
import { moveBy } from '../core/commands/layoutCommands.js';
import { PALETTE_FIELDS } from '../core/palette.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import type { DragData } from './dnd.js';
import { pick, say } from './text.js';

export interface NodeProps {
  pointer: string;
  list: string;
  index: number;
  last: boolean;
}

export const FieldCard = memo(function FieldCard({ fieldKey, pointer, list, index, last }: NodeProps & { fieldKey: string }) {
  const { session, locale, onFieldRender, locked } = useDesignerEnv();
  const run = useRun();
  const spec = useDesignerSelector((s) => s.state.definition.fields[fieldKey], [fieldKey]);
  const selected = useDesignerSelector((s) => s.state.selection === fieldKey, [fieldKey]);
  const required = useDesignerSelector((s) => Array.isArray(s.state.definition.schema.required) && (s.state.definition.schema.required as string[]).includes(fieldKey), [fieldKey]);
  onFieldRender?.(fieldKey);
  const label = spec ? pick(spec.label, locale) || fieldKey : fieldKey;
  const data: DragData = { source: 'canvas', pointer, list, index, label };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useSortable({ id: `field:${fieldKey}`, data, disabled: locked });
  const kind = spec ? PALETTE_FIELDS.find((p) => p.kind === spec.kind)?.label : undefined;
  return (
    <div ref={setNodeRef} className={`ngd-card${selected ? ' ngd-card--selected' : ''}${isDragging ? ' ngd-card--dragging' : ''}`} data-field={fieldKey}>
      <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={say(locale, `拖动：${label}`, `Drag: ${label}`)} aria-roledescription={say(locale, '可排序字段', 'sortable field')}>
        ⠿
      </button>
      <button type="button" className="ngd-card-main" aria-pressed={selected} onClick={() => session.select(fieldKey)}>
        {label}
        {required && <span className="ngd-req" aria-label={say(locale, '必填', 'required')}> *</span>} <span className="ngd-kind">{kind ? pick(kind, locale) : ''} · {fieldKey}</span>
      </button>
      <button type="button" disabled={index === 0 || locked} onClick={() => run(() => moveBy(pointer, -1))} aria-label={say(locale, `上移：${label}`, `Move up: ${label}`)}>
        ↑
      </button>
      <button type="button" disabled={last || locked} onClick={() => run(() => moveBy(pointer, 1))} aria-label={say(locale, `下移：${label}`, `Move down: ${label}`)}>
        ↓
      </button>
    </div>
  );
});
