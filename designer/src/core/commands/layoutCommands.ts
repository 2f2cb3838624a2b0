/** Commands on the layout: add/remove containers, move nodes (drag, keyboard or menu), edit containers. */
import type { LayoutNode, LocalText } from '@nongan/forms';
import { containerTemplate, type ContainerType } from '../palette.js';
import { childListsOf, findField, insertNode, layoutAt, moveNode as moveInTree, parentOf, updateNode } from '../layoutTree.js';
import { DesignerError, type Command } from '../types.js';
import { edit, requireField } from './edit.js';

const t = (zh: string, en: string): LocalText => ({ zh, en });

export function addContainer(type: ContainerType, list: string, index = Number.MAX_SAFE_INTEGER): Command {
  return edit('layout.add', t('添加容器', 'Add container'), (state) => {
    const layout = insertNode(state.definition.layout, list, index, containerTemplate(type));
    const inserted = Math.min(index, (layoutAt(state.definition.layout, list) as LayoutNode[]).length);
    return { ...state, selection: `${list}/${inserted}`, definition: { ...state.definition, layout } };
  });
}

/** Move the node at pointer `from` to `toList` at `toIndex` (index counted before the move). */
export function moveNode(from: string, toList: string, toIndex: number): Command {
  return edit('layout.move', t('移动', 'Move'), (state) => {
    // A selected container follows the move by its stable id (edit() re-points the selection).
    const layout = moveInTree(state.definition.layout, from, toList, toIndex);
    return { ...state, definition: { ...state.definition, layout } };
  });
}

/** Move a field by key. */
export function moveField(key: string, toList: string, toIndex: number): Command {
  return edit('layout.move', t('移动字段', 'Move field'), (state) => {
    requireField(state, key);
    const from = findField(state.definition.layout, key);
    const layout = from
      ? moveInTree(state.definition.layout, from, toList, toIndex)
      : insertNode(state.definition.layout, toList, toIndex, { type: 'field', field: key });
    return { ...state, definition: { ...state.definition, layout } };
  });
}

/** One step up (-1) or down (+1) inside its list: the non-drag alternative to reordering. */
export function moveBy(pointer: string, delta: -1 | 1): Command {
  return edit('layout.move', delta < 0 ? t('上移', 'Move up') : t('下移', 'Move down'), (state) => {
    const { list, index } = parentOf(pointer);
    const items = layoutAt(state.definition.layout, list) as LayoutNode[];
    const target = index + delta;
    if (target < 0 || target >= items.length) throw new DesignerError(delta < 0 ? '已在最前' : '已在最后', delta < 0 ? 'already first' : 'already last');
    const layout = moveInTree(state.definition.layout, pointer, list, delta < 0 ? target : target + 1);
    return { ...state, definition: { ...state.definition, layout } };
  });
}

/**
 * Remove a container, keeping its fields: they take the container's place in its parent list (a
 * form author never loses fields by deleting a section). The root container cannot be removed.
 */
export function removeContainer(pointer: string): Command {
  return edit('layout.remove', t('删除容器', 'Remove container'), (state) => {
    const node = layoutAt(state.definition.layout, pointer);
    if (!node || Array.isArray(node) || node.type === 'field') throw new DesignerError(`"${pointer}" 不是容器`, `"${pointer}" is not a container`);
    const { list, index } = parentOf(pointer);
    const lifted = childListsOf(node, pointer).flatMap((l) => l.nodes);
    const layout = updateListAt(state.definition.layout, list, (items) => [...items.slice(0, index), ...lifted, ...items.slice(index + 1)]);
    return { ...state, definition: { ...state.definition, layout } };
  });
}

function updateListAt(layout: LayoutNode, listPointer: string, update: (items: LayoutNode[]) => LayoutNode[]): LayoutNode {
  // A list is the `children` of a node (section/columns) or of a page (tabs/steps).
  const m = /^(.*)\/(tabs|steps)\/(\d+)\/children$/.exec(listPointer);
  if (m) {
    const [, owner, pages, page] = m as unknown as [string, string, 'tabs' | 'steps', string];
    return updateNode(layout, owner, (n) => {
      const list = (n as Extract<LayoutNode, { type: 'tabs' }>)[pages as 'tabs'].map((p, i) => (i === Number(page) ? { ...p, children: update(p.children) } : p));
      return { ...n, [pages]: list } as LayoutNode;
    });
  }
  const owner = listPointer.slice(0, -'/children'.length);
  return updateNode(layout, owner, (n) => ({ ...n, children: update((n as Extract<LayoutNode, { type: 'section' }>).children) }) as LayoutNode);
}

export interface ContainerPatch {
  title?: LocalText;
  columns?: number;
  /** tabs / steps: page titles (length changes add or remove pages; removed pages' fields move to the last page). */
  pages?: LocalText[];
}

export function updateContainer(pointer: string, patch: ContainerPatch): Command {
  return edit('layout.update', t('修改容器', 'Edit container'), (state) => {
    const layout = updateNode(state.definition.layout, pointer, (node) => {
      switch (node.type) {
        case 'section':
          return patch.title ? { ...node, title: patch.title } : node;
        case 'columns': {
          const columns = patch.columns ?? node.columns;
          if (!Number.isInteger(columns) || columns < 1 || columns > 6) throw new DesignerError('分栏数须为 1–6 的整数', 'columns must be an integer from 1 to 6');
          return { ...node, columns };
        }
        case 'tabs':
          return patch.pages ? { ...node, tabs: repage(node.tabs, patch.pages) } : node;
        case 'steps':
          return patch.pages ? { ...node, steps: repage(node.steps, patch.pages) } : node;
        default:
          throw new DesignerError(`"${pointer}" 不是容器`, `"${pointer}" is not a container`);
      }
    });
    return { ...state, definition: { ...state.definition, layout } };
  });
}

type Page = { title: LocalText; children: LayoutNode[] };

function repage(pages: Page[], titles: LocalText[]): Page[] {
  if (titles.length === 0) throw new DesignerError('至少需要一页', 'at least one page is needed');
  const next = titles.map((title, i) => ({ title, children: pages[i]?.children ?? [] }));
  const orphans = pages.slice(titles.length).flatMap((p) => p.children);
  if (orphans.length) next[next.length - 1] = { ...next[next.length - 1]!, children: [...next[next.length - 1]!.children, ...orphans] };
  return next;
}
