/**
 * Layout references: every `field` node names an existing field and each field is placed at most
 * once (a field rendered twice would have two inputs fighting over one value). Fields left out of
 * the layout are allowed: hosts use them for computed or system-filled values. The shape of nodes
 * (known types, non-empty tabs/steps) is already enforced by the meta-schema.
 */
import type { FormDefinition, Issue, LayoutNode } from './types.js';
import { issue, pointer, q } from './issues.js';

/** Visit every node with its pointer, depth-first in document order. */
export function walkLayout(node: LayoutNode, path: string, visit: (node: LayoutNode, path: string) => void): void {
  visit(node, path);
  switch (node.type) {
    case 'section':
    case 'columns':
      node.children.forEach((child, i) => walkLayout(child, pointer(path, 'children', i), visit));
      break;
    case 'tabs':
      node.tabs.forEach((tab, t) => tab.children.forEach((child, i) => walkLayout(child, pointer(path, 'tabs', t, 'children', i), visit)));
      break;
    case 'steps':
      node.steps.forEach((step, s) => step.children.forEach((child, i) => walkLayout(child, pointer(path, 'steps', s, 'children', i), visit)));
      break;
  }
}

export function checkLayout(definition: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const placedAt = new Map<string, string>();
  walkLayout(definition.layout, '/layout', (node, path) => {
    if (node.type !== 'field') return;
    const at = pointer(path, 'field');
    if (!Object.prototype.hasOwnProperty.call(definition.fields, node.field)) {
      issues.push(issue(at, `layout places unknown field ${q(node.field)}`, `布局引用了不存在的字段 ${q(node.field)}`));
      return;
    }
    const first = placedAt.get(node.field);
    if (first !== undefined) {
      issues.push(issue(at, `field ${q(node.field)} is placed twice (first at ${first})`, `字段 ${q(node.field)} 在布局中出现两次（首次位于 ${first}）`));
      return;
    }
    placedAt.set(node.field, at);
  });
  return issues;
}
