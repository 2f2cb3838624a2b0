/**
 * Drag and drop with dnd-kit: the PointerSensor for mice/touch and the KeyboardSensor with sortable
 * keyboard coordinates (Space picks up, arrows move, Space drops, Escape cancels), announced in
 * Chinese and English. Every drop becomes ONE core command (addField / addContainer / moveNode),
 * so a drag is undone with one Ctrl+Z like any other edit.
 */
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useState, type ReactNode } from 'react';
import type { FieldKind } from '@nongan/forms';
import { addField } from '../core/commands/fieldCommands.js';
import { addContainer as addLayoutContainer, moveNode } from '../core/commands/layoutCommands.js';
import { PALETTE_CONTAINERS, PALETTE_FIELDS, type ContainerType } from '../core/palette.js';
import { useDesignerEnv, useRun } from './context.js';
import { say } from './text.js';


/** What a draggable or droppable carries in `data.current`. */
export type DragData =
  | { source: 'palette'; kind: FieldKind }
  | { source: 'palette-container'; type: ContainerType }
  | { source: 'canvas'; pointer: string; list: string; index: number; label: string }
  | { source: 'list'; list: string; length: number };

/** Deepest target under the pointer (a field inside a section wins over the section); nearest for keys. */
const collision: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCenter(args);
  const within = pointerWithin(args);
  const area = (id: string | number) => {
    const r = args.droppableRects.get(id);
    return r ? r.width * r.height : Infinity;
  };
  return within.length ? [...within].sort((a, b) => area(a.id) - area(b.id)) : closestCenter(args);
};

export function dropPlace(active: DragData, over: DragData): { list: string; index: number } | null {
  if (over.source === 'list') return { list: over.list, index: over.length };
  if (over.source !== 'canvas') return null;
  // Dropping a canvas item on a later sibling puts it after that sibling (the index is before the move).
  const later = active.source === 'canvas' && active.list === over.list && active.index < over.index;
  return { list: over.list, index: later ? over.index + 1 : over.index };
}

export function DesignerDnd({ children }: { children: ReactNode }) {
  const { locale } = useDesignerEnv();
  const run = useRun();
  const [active, setActive] = useState<DragData | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (data: DragData | undefined) => {
    if (!data) return '';
    if (data.source === 'palette') return say(locale, PALETTE_FIELDS.find((p) => p.kind === data.kind)!.label.zh, PALETTE_FIELDS.find((p) => p.kind === data.kind)!.label.en);
    if (data.source === 'palette-container') {
      const item = PALETTE_CONTAINERS.find((p) => p.type === data.type)!;
      return say(locale, item.label.zh, item.label.en);
    }
    if (data.source === 'canvas') return data.label;
    return say(locale, '容器末尾', 'end of container');
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => say(locale, `已拿起 ${name(a.data.current as DragData)}。用方向键移动，空格放下，Esc 取消。`, `Picked up ${name(a.data.current as DragData)}. Arrow keys move, Space drops, Escape cancels.`),
    onDragOver: ({ active: a, over }) =>
      over ? say(locale, `${name(a.data.current as DragData)} 位于 ${name(over.data.current as DragData)} 处`, `${name(a.data.current as DragData)} is over ${name(over.data.current as DragData)}`) : say(locale, '不在可放置区域', 'Not over a drop area'),
    onDragEnd: ({ active: a, over }) => (over ? say(locale, `已放下 ${name(a.data.current as DragData)}`, `Dropped ${name(a.data.current as DragData)}`) : say(locale, '已取消', 'Cancelled')),
    onDragCancel: ({ active: a }) => say(locale, `已取消拖动 ${name(a.data.current as DragData)}`, `Cancelled dragging ${name(a.data.current as DragData)}`),
  };
  const onDragStart = (e: DragStartEvent) => setActive((e.active.data.current as DragData) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const from = e.active.data.current as DragData | undefined;
    const to = e.over?.data.current as DragData | undefined;
    if (!from || !to) return;
    const place = dropPlace(from, to);
    if (!place) return;
    if (from.source === 'palette') run(() => addField({ kind: from.kind, list: place.list, index: place.index }));
    else if (from.source === 'palette-container') run(() => addLayoutContainer(from.type, place.list, place.index));
    else if (from.source === 'canvas') {
      if (place.list === from.list && (place.index === from.index || place.index === from.index + 1)) return; // dropped where it was
      run(() => moveNode(from.pointer, place.list, place.index));
    }
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      // Re-measure drop targets while dragging: a list that grew or shifted since the drag began is
      // otherwise hit-tested at its old place (a drop meant for a section landed after it).
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: say(locale, '按空格键拿起，用方向键移动，再按空格键放下，按 Esc 取消。也可使用“上移/下移”按钮或“移到”菜单。', 'Press Space to pick up, arrow keys to move, Space to drop, Escape to cancel. The Move up/down buttons and the Move to menu do the same without dragging.'),
        },
      }}
    >
      {children}
      <DragOverlay dropAnimation={null}>{active ? <div className="ngd-card">{name(active)}</div> : null}</DragOverlay>
    </DndContext>
  );
}
