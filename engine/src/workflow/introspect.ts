/** Reading a machine's structure: state paths, which events a state accepts. Pure, no actors. */
import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

/** Leaf state paths of a state value: `{ review: 'initial' }` → `['review.initial']`. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child === undefined || (typeof child === 'object' && Object.keys(child).length === 0)) out.push(path);
    else out.push(...leafPaths(child, path));
  }
  return out;
}

/** The comma-joined leaf paths, as indexed in the store. */
export function stateKeyOf(value: StateValue): string {
  return leafPaths(value).join(',');
}

/** Every active state path, ancestors included: `review.initial` → `review`, `review.initial`. */
export function activePaths(value: StateValue): Set<string> {
  const out = new Set<string>();
  for (const leaf of leafPaths(value)) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

/** All state nodes below the root, keyed by dot path. */
export function stateNodesByPath(machine: AnyStateMachine): Map<string, AnyStateNode> {
  const out = new Map<string, AnyStateNode>();
  const walk = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      out.set(child.path.join('.'), child);
      walk(child);
    }
  };
  walk(machine.root);
  return out;
}

/** Event types a node handles itself (not its ancestors), without XState's internal events. */
export function ownEventTypes(node: AnyStateNode): string[] {
  return node.ownEvents.filter((type: string) => !type.startsWith('xstate.') && !type.startsWith('done.') && !type.startsWith('error.'));
}

/**
 * Event types accepted in the given state value (guards not evaluated): the union of the active
 * nodes' own events and the root's, limited to the declared event types (`*` accepts them all).
 */
export function acceptedEventTypes(
  value: StateValue,
  eventsByPath: ReadonlyMap<string, readonly string[]>,
  rootEvents: readonly string[],
  declared: readonly string[],
): string[] {
  const accepted = new Set<string>(rootEvents);
  for (const path of activePaths(value)) for (const type of eventsByPath.get(path) ?? []) accepted.add(type);
  if (accepted.has('*')) return [...declared];
  return declared.filter((type) => accepted.has(type));
}
