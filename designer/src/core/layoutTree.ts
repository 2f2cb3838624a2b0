/**
 * Immutable edits of the layout tree, addressed by JSON pointers into the definition (the same
 * pointers validation issues use): a node is `/layout/children/2`, a child list is
 * `/layout/children` or `/layout/tabs/1/children`. Every edit copies only the path it walks.
 */
import type { FormDefinition, LayoutNode, LocalText } from '@nongan/forms';
import { inheritContainerId } from './containerIds.js';
import { DesignerError } from './types.js';

type Json = Record<string, unknown> | unknown[];

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new DesignerError(`无效的 JSON 指针 "${pointer}"`, `invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Segments below `/layout`; throws for pointers elsewhere. */
function layoutSegments(pointer: string): string[] {
  const segments = splitPointer(pointer);
  if (segments[0] !== 'layout') throw new DesignerError(`指针 "${pointer}" 不在布局中`, `pointer "${pointer}" is not inside the layout`);
  return segments.slice(1);
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
  if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) return (node as Record<string, unknown>)[segment];
  return undefined;
}

/** The node or list at a layout pointer, or undefined. */
export function layoutAt(layout: LayoutNode, pointer: string): LayoutNode | LayoutNode[] | undefined {
  let node: unknown = layout;
  for (const segment of layoutSegments(pointer)) node = child(node, segment);
  return node as LayoutNode | LayoutNode[] | undefined;
}

function updateAt(node: unknown, segments: string[], update: (value: unknown) => unknown): unknown {
  if (segments.length === 0) return update(node);
  const [head, ...rest] = segments as [string, ...string[]];
  const current = child(node, head);
  if (current === undefined) throw new DesignerError(`布局中找不到 "${head}"`, `"${head}" not found in the layout`);
  const copy: Json = Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = updateAt(current, rest, update);
  if (!Array.isArray(node)) inheritContainerId(copy, node as object);
  return copy;
}

/** True when `pointer` names a child list (ends with `children`). */
export function isListPointer(pointer: string): boolean {
  return pointer.endsWith('/children');
}

function listAt(layout: LayoutNode, listPointer: string): LayoutNode[] {
  const list = layoutAt(layout, listPointer);
  if (!Array.isArray(list) || !isListPointer(listPointer)) {
    throw new DesignerError(`"${listPointer}" 不是可放置字段的容器`, `"${listPointer}" is not a container's child list`);
  }
  return list;
}

export function insertNode(layout: LayoutNode, listPointer: string, index: number, node: LayoutNode): LayoutNode {
  const list = listAt(layout, listPointer);
  const at = Math.max(0, Math.min(index, list.length));
  return updateAt(layout, layoutSegments(listPointer), (l) => [...(l as LayoutNode[]).slice(0, at), node, ...(l as LayoutNode[]).slice(at)]) as LayoutNode;
}

/** Split a node pointer into its list pointer and index. */
export function parentOf(nodePointer: string): { list: string; index: number } {
  const cut = nodePointer.lastIndexOf('/');
  const index = Number(nodePointer.slice(cut + 1));
  const list = nodePointer.slice(0, cut);
  if (!Number.isInteger(index) || !isListPointer(list)) {
    throw new DesignerError(`"${nodePointer}" 不是布局中的节点`, `"${nodePointer}" is not a layout node inside a container`);
  }
  return { list, index };
}

export function removeNode(layout: LayoutNode, nodePointer: string): LayoutNode {
  const { list, index } = parentOf(nodePointer);
  const items = listAt(layout, list);
  if (index >= items.length) throw new DesignerError(`布局中不存在节点 "${nodePointer}"`, `no layout node at "${nodePointer}"`);
  return updateAt(layout, layoutSegments(list), (l) => (l as LayoutNode[]).filter((_, i) => i !== index)) as LayoutNode;
}

const MOVING = '\u0000moving';

/**
 * Move the node at `from` into `toList` at `toIndex` (an index in the list as it is BEFORE the move).
 * A placeholder keeps every other pointer valid while the node is inserted, then is removed.
 */
export function moveNode(layout: LayoutNode, from: string, toList: string, toIndex: number): LayoutNode {
  const node = layoutAt(layout, from);
  if (!node || Array.isArray(node)) throw new DesignerError(`布局中不存在节点 "${from}"`, `no layout node at "${from}"`);
  if (toList === from || toList.startsWith(`${from}/`)) {
    throw new DesignerError('不能把容器移入其自身', 'a container cannot be moved into itself');
  }
  listAt(layout, toList);
  const placeholder: LayoutNode = { type: 'field', field: MOVING };
  let next = updateAt(layout, layoutSegments(from), () => placeholder) as LayoutNode;
  next = insertNode(next, toList, toIndex, node);
  const at = findField(next, MOVING);
  return at ? removeNode(next, at) : next;
}

/** Pointer of the `field` node placing `key`, or undefined when the field is not placed. */
export function findField(layout: LayoutNode, key: string): string | undefined {
  let found: string | undefined;
  visitLayout(layout, '/layout', (node, pointer) => {
    if (found === undefined && node.type === 'field' && node.field === key) found = pointer;
  });
  return found;
}

export function visitLayout(node: LayoutNode, pointer: string, visit: (node: LayoutNode, pointer: string) => void): void {
  visit(node, pointer);
  for (const list of childListsOf(node, pointer)) list.nodes.forEach((c, i) => visitLayout(c, `${list.pointer}/${i}`, visit));
}

export interface ChildList {
  pointer: string;
  nodes: LayoutNode[];
  /** Title of the tab/step owning the list, or of the section. */
  title?: LocalText;
}

export function childListsOf(node: LayoutNode, pointer: string): ChildList[] {
  switch (node.type) {
    case 'section':
      return [{ pointer: `${pointer}/children`, nodes: node.children, ...(node.title ? { title: node.title } : {}) }];
    case 'columns':
      return [{ pointer: `${pointer}/children`, nodes: node.children }];
    case 'tabs':
      return node.tabs.map((t, i) => ({ pointer: `${pointer}/tabs/${i}/children`, nodes: t.children, title: t.title }));
    case 'steps':
      return node.steps.map((s, i) => ({ pointer: `${pointer}/steps/${i}/children`, nodes: s.children, title: s.title }));
    default:
      return [];
  }
}

/** Every child list in document order, with a human name: the "add to section" / "move to" menu. */
export function allLists(definition: FormDefinition): Array<ChildList & { owner: LayoutNode['type']; depth: number }> {
  const out: Array<ChildList & { owner: LayoutNode['type']; depth: number }> = [];
  const walk = (node: LayoutNode, pointer: string, depth: number) => {
    for (const list of childListsOf(node, pointer)) {
      out.push({ ...list, owner: node.type, depth });
      list.nodes.forEach((c, i) => walk(c, `${list.pointer}/${i}`, depth + 1));
    }
  };
  walk(definition.layout, '/layout', 0);
  return out;
}

/** Replace the node at `pointer` with `update(node)`. */
export function updateNode(layout: LayoutNode, pointer: string, update: (node: LayoutNode) => LayoutNode): LayoutNode {
  return updateAt(layout, layoutSegments(pointer), (n) => {
    const next = update(n as LayoutNode);
    // An edited container (title, columns, pages, children) is still the same container.
    if (next.type === (n as LayoutNode).type) inheritContainerId(next, n as object);
    return next;
  }) as LayoutNode;
}

/** Field keys placed anywhere under `node`. */
export function fieldsUnder(node: LayoutNode): string[] {
  const keys: string[] = [];
  visitLayout(node, '', (n) => n.type === 'field' && keys.push(n.field));
  return keys;
}
