/**
 * Stable identities of layout containers, kept by the designer only: a WeakMap from the (immutable)
 * layout node objects to ids, so the emitted FormDefinition keeps exactly the shape @nongan/forms
 * validates — nothing is added to the JSON, and nothing needs stripping on export.
 *
 * Layout edits copy only the nodes on the path they walk (layoutTree's updateAt / updateNode); each
 * copy inherits its original's id there. So a container keeps its id when nodes above it move, when
 * fields are added into it, when its title changes, and — because undo restores the very objects
 * an edit replaced — across undo and redo. `edit()` uses it to make a selected container's pointer
 * follow the container.
 */
import type { LayoutNode } from '@nongan/forms';
import { childListsOf } from './layoutTree.js';

const ids = new WeakMap<object, string>();
let counter = 0;

/** The node's id (assigned on first ask). */
export function containerId(node: LayoutNode): string {
  let id = ids.get(node);
  if (id === undefined) {
    id = `c${++counter}`;
    ids.set(node, id);
  }
  return id;
}

/** `copy` replaces `original` in a new layout: it is the same container. */
export function inheritContainerId(copy: object, original: object): void {
  if (copy === original) return;
  let id = ids.get(original);
  if (id === undefined) {
    id = `c${++counter}`;
    ids.set(original, id);
  }
  ids.set(copy, id);
}

/** Pointer of the container with `id` in `layout`, or null when it is no longer there. */
export function findContainer(layout: LayoutNode, id: string): string | null {
  let found: string | null = null;
  const walk = (node: LayoutNode, pointer: string) => {
    if (found !== null) return;
    if (node.type !== 'field' && ids.get(node) === id) {
      found = pointer;
      return;
    }
    for (const list of childListsOf(node, pointer)) list.nodes.forEach((c, i) => walk(c, `${list.pointer}/${i}`));
  };
  walk(layout, '/layout');
  return found;
}
