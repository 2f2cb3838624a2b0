/**
 * In-place edits of a (cloned) layout tree for the variant resolver: find where a field is placed,
 * remove it, insert a field after another, or append to the first section.
 */
import type { LayoutNode } from '../definition/types.js';

/** Every child list of the tree in document order, with the node owning it. */
function childLists(node: LayoutNode, out: Array<{ owner: LayoutNode; list: LayoutNode[] }> = []) {
  const visitList = (list: LayoutNode[]) => {
    out.push({ owner: node, list });
    for (const child of list) childLists(child, out);
  };
  switch (node.type) {
    case 'section':
    case 'columns':
      visitList(node.children);
      break;
    case 'tabs':
      node.tabs.forEach((tab) => visitList(tab.children));
      break;
    case 'steps':
      node.steps.forEach((step) => visitList(step.children));
      break;
  }
  return out;
}

function locate(root: LayoutNode, field: string): { list: LayoutNode[]; index: number } | undefined {
  for (const { list } of childLists(root)) {
    const index = list.findIndex((n) => n.type === 'field' && n.field === field);
    if (index >= 0) return { list, index };
  }
  return undefined;
}

export function isPlaced(root: LayoutNode, field: string): boolean {
  return (root.type === 'field' && root.field === field) || locate(root, field) !== undefined;
}

/** Remove every placement of `field`; returns the (possibly replaced) root. */
export function removeField(root: LayoutNode, field: string): LayoutNode {
  if (root.type === 'field') return root.field === field ? { type: 'section', children: [] } : root;
  for (let at = locate(root, field); at; at = locate(root, field)) at.list.splice(at.index, 1);
  return root;
}

/** Insert `node` right after the placement of `after`; false when `after` is not placed in a list. */
export function insertAfter(root: LayoutNode, after: string, node: LayoutNode): boolean {
  const at = locate(root, after);
  if (!at) return false;
  at.list.splice(at.index + 1, 0, node);
  return true;
}

/** Append to the first section (document order), else to the first child list; false if none. */
export function appendToFirstSection(root: LayoutNode, node: LayoutNode): boolean {
  const lists = childLists(root);
  const target = lists.find((l) => l.owner.type === 'section') ?? lists[0];
  if (!target) return false;
  target.list.push(node);
  return true;
}
