/**
 * The canvas: the layout tree as nested sortable lists. It subscribes to `definition.layout` only;
 * each node is memoised on its (immutable) layout object, so an edit re-renders the path it
 * changed and the field cards whose own slice changed — never the whole canvas for a label.
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo } from 'react';
import type { LayoutNode } from '@nongan/forms';
import { moveBy, removeContainer } from '../core/commands/layoutCommands.js';
import { containerId } from '../core/containerIds.js';
import { childListsOf } from '../core/layoutTree.js';
import { PALETTE_CONTAINERS } from '../core/palette.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import type { DragData } from './dnd.js';
import { FieldCard, type NodeProps } from './FieldCard.js';
import { pick, say } from './text.js';

export function Canvas() {
  const { locale } = useDesignerEnv();
  const layout = useDesignerSelector((s) => s.state.definition.layout);
  return (
    <section className="ngd-panel ngd-canvas" aria-label={say(locale, '画布', 'Canvas')}>
      <h2>{say(locale, '画布', 'Canvas')}</h2>
      <ContainerLists node={layout} pointer="/layout" />
    </section>
  );
}

// Containers are keyed by their stable id (core/containerIds.ts), not their position: a container
// whose pointer shifts keeps its card (and its drag state) instead of being remounted.
const nodeId = (node: LayoutNode) => (node.type === 'field' ? `field:${node.field}` : `node:${containerId(node)}`);

const ContainerLists = memo(function ContainerLists({ node, pointer }: { node: LayoutNode; pointer: string }) {
  const { locale } = useDesignerEnv();
  return (
    <>
      {childListsOf(node, pointer).map((list) => (
        <div key={list.pointer}>
          {(node.type === 'tabs' || node.type === 'steps') && list.title && <div className="ngd-page-title">{pick(list.title, locale)}</div>}
          <NodeList listPointer={list.pointer} nodes={list.nodes} />
        </div>
      ))}
    </>
  );
});

const NodeList = memo(function NodeList({ listPointer, nodes }: { listPointer: string; nodes: LayoutNode[] }) {
  const { locale } = useDesignerEnv();
  const data: DragData = { source: 'list', list: listPointer, length: nodes.length };
  const { setNodeRef, isOver } = useDroppable({ id: `list:${listPointer}`, data });
  const ids = nodes.map((n) => nodeId(n));
  return (
    <SortableContext id={`ctx:${listPointer}`} items={ids} strategy={verticalListSortingStrategy}>
      <div ref={setNodeRef} className={`ngd-list${isOver ? ' ngd-list--over' : ''}`} data-list={listPointer}>
        {nodes.length === 0 && <span className="ngd-kind">{say(locale, '拖入字段，或用“添加到”菜单', 'Drop fields here, or use the Add to menu')}</span>}
        {nodes.map((n, i) =>
          n.type === 'field' ? (
            <FieldCard key={ids[i]} fieldKey={n.field} pointer={`${listPointer}/${i}`} list={listPointer} index={i} last={i === nodes.length - 1} />
          ) : (
            <ContainerCard key={ids[i]} node={n} pointer={`${listPointer}/${i}`} list={listPointer} index={i} last={i === nodes.length - 1} />
          ),
        )}
      </div>
    </SortableContext>
  );
});

const ContainerCard = memo(function ContainerCard({ node, pointer, list, index, last }: NodeProps & { node: LayoutNode }) {
  const { session, locale, locked } = useDesignerEnv();
  const run = useRun();
  const selected = useDesignerSelector((s) => s.state.selection === pointer, [pointer]);
  const typeLabel = PALETTE_CONTAINERS.find((c) => c.type === node.type)?.label;
  const title = node.type === 'section' && node.title ? pick(node.title, locale) : node.type === 'columns' ? `${node.columns}` : '';
  const label = `${typeLabel ? pick(typeLabel, locale) : node.type}${title ? `：${title}` : ''}`;
  const data: DragData = { source: 'canvas', pointer, list, index, label };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useSortable({ id: nodeId(node), data, disabled: locked });
  return (
    <div ref={setNodeRef} className={`ngd-container${selected ? ' ngd-card--selected' : ''}${isDragging ? ' ngd-card--dragging' : ''}`} data-node={pointer}>
      <div className="ngd-container-head">
        <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={say(locale, `拖动：${label}`, `Drag: ${label}`)} aria-roledescription={say(locale, '可排序容器', 'sortable container')}>
          ⠿
        </button>
        <button type="button" className="ngd-card-main" aria-pressed={selected} onClick={() => session.select(pointer)}>
          {label}
        </button>
        <button type="button" disabled={index === 0 || locked} onClick={() => run(() => moveBy(pointer, -1))} aria-label={say(locale, `上移：${label}`, `Move up: ${label}`)}>
          ↑
        </button>
        <button type="button" disabled={last || locked} onClick={() => run(() => moveBy(pointer, 1))} aria-label={say(locale, `下移：${label}`, `Move down: ${label}`)}>
          ↓
        </button>
        <button type="button" disabled={locked} onClick={() => run(() => removeContainer(pointer))} aria-label={say(locale, `删除容器（保留字段）：${label}`, `Remove container (keep fields): ${label}`)}>
          ✕
        </button>
      </div>
      <ContainerLists node={node} pointer={pointer} />
    </div>
  );
});
