/**
 * Which fields each field's rules read, and the reverse, so a keystroke re-evaluates (and the
 * renderer re-renders) only the fields it can affect.
 *
 * Two kinds of edges. A field's *view* — what other rules see when they read it — is its value
 * (computed by `compute`) or null when `visibleIf` hides it. So `visibleIf` and `compute` reads are
 * *view edges*: they order evaluation and can form cycles. `requiredIf` and `readOnlyIf` results are
 * read by nobody, so their reads only make the field a dependent; they never order or loop.
 */
import type { FieldRules, FormDefinition } from '../definition/types.js';
import { childPointer } from './issues.js';
import { inspectExpression } from './references.js';

export const RULE_NAMES = ['visibleIf', 'requiredIf', 'readOnlyIf', 'compute'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** Rules that decide a field's view (value seen by others, or null when hidden). */
const VIEW_RULES: readonly RuleName[] = ['visibleIf', 'compute'];

export interface RuleGraph {
  /** Field keys in definition order. */
  readonly fields: readonly string[];
  /** Evaluation order of all fields: each after the fields its visibleIf / compute read (cycle members last). */
  readonly order: readonly string[];
  /** The fields with a `compute` rule, in dependency order. */
  readonly computedOrder: readonly string[];
  /** Dependency cycles among view edges, each closed: `['a', 'b', 'a']`. */
  readonly cycles: ReadonlyArray<readonly string[]>;
  /** Fields read by `field`'s rules (one rule, or all of them), in definition order. */
  readsOf(field: string, rule?: RuleName): readonly string[];
  /** Fields whose rules read `field` directly, in definition order. */
  readersOf(field: string): readonly string[];
  /**
   * Fields whose rule results (visible, required, read-only, computed value) may change when `field`'s
   * value changes — transitively through computed values and visibility — in evaluation order.
   * Never includes `field` itself.
   */
  dependentsOf(field: string): string[];
}

/** The rules of `field` when `definition.rules` has a plain entry for a known field. */
export function rulesOf(definition: FormDefinition, field: string): FieldRules | undefined {
  const rules = definition.rules;
  if (!rules || typeof rules !== 'object' || !Object.hasOwn(rules, field) || !Object.hasOwn(definition.fields, field)) {
    return undefined;
  }
  const entry = rules[field];
  return entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : undefined;
}

export function buildRuleGraph(definition: FormDefinition): RuleGraph {
  const fields = Object.keys(definition.fields);
  const position = new Map(fields.map((key, i) => [key, i]));
  const byPosition = (a: string, b: string) => position.get(a)! - position.get(b)!;
  const sorted = (set: Iterable<string>) => [...set].sort(byPosition);

  // reads[field][rule] = fields that rule reads
  const reads = new Map<string, Partial<Record<RuleName, readonly string[]>>>();
  for (const field of fields) {
    const rules = rulesOf(definition, field);
    const perRule: Partial<Record<RuleName, readonly string[]>> = {};
    for (const rule of RULE_NAMES) {
      if (!rules || !Object.hasOwn(rules, rule) || rules[rule] === undefined) continue;
      const path = childPointer('/rules', field, rule);
      perRule[rule] = sorted(inspectExpression(rules[rule], path, definition.fields).reads);
    }
    reads.set(field, perRule);
  }
  const readsOf = (field: string, rule?: RuleName): readonly string[] => {
    const perRule = reads.get(field);
    if (!perRule) return [];
    if (rule) return perRule[rule] ?? [];
    return sorted(new Set(RULE_NAMES.flatMap((r) => perRule[r] ?? [])));
  };
  const viewReads = (field: string) => sorted(new Set(VIEW_RULES.flatMap((r) => readsOf(field, r))));

  const readers = new Map<string, string[]>(fields.map((f) => [f, []]));
  const viewReaders = new Map<string, string[]>(fields.map((f) => [f, []]));
  for (const field of fields) {
    for (const read of readsOf(field)) readers.get(read)!.push(field);
    for (const read of viewReads(field)) viewReaders.get(read)!.push(field);
  }

  const order = topologicalOrder(fields, viewReads);
  const computedOrder = order.filter((f) => reads.get(f)?.compute !== undefined);
  const cycles = findCycles(fields, viewReads);
  const rank = new Map(order.map((key, i) => [key, i]));

  const dependents = new Map<string, string[]>();
  const dependentsOf = (field: string): string[] => {
    if (!position.has(field)) return [];
    let result = dependents.get(field);
    if (!result) {
      // Every field whose view may change, then every field reading any of them.
      const changedViews = new Set([field]);
      for (const key of changedViews) for (const reader of viewReaders.get(key)!) changedViews.add(reader);
      const affected = new Set<string>();
      for (const key of changedViews) for (const reader of readers.get(key)!) affected.add(reader);
      affected.delete(field);
      result = [...affected].sort((a, b) => rank.get(a)! - rank.get(b)!);
      dependents.set(field, result);
    }
    return [...result];
  };

  return {
    fields,
    order,
    computedOrder,
    cycles,
    readsOf,
    readersOf: (field) => [...(readers.get(field) ?? [])],
    dependentsOf,
  };
}

/** Depth-first post-order in definition order: stable, and tolerant of cycles (reported separately). */
function topologicalOrder(fields: readonly string[], depsOf: (field: string) => readonly string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (field: string): void => {
    if (state.has(field)) return;
    state.set(field, 'visiting');
    for (const dep of depsOf(field)) visit(dep);
    state.set(field, 'done');
    order.push(field);
  };
  for (const field of fields) visit(field);
  return order;
}

/**
 * One closed cycle per strongly connected component that loops (Tarjan), starting at the component's
 * first field in definition order and following the shortest way back to it.
 */
function findCycles(fields: readonly string[], depsOf: (field: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of depsOf(v)) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const field of fields) if (!index.has(field)) strongConnect(field);

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = fields.find((f) => members.has(f))!;
    if (component.length === 1 && !depsOf(start).includes(start)) continue;
    // Breadth-first from start's dependencies back to start, inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    let found = false;
    for (let i = 0; i < queue.length && !found; i++) {
      const v = queue[i]!;
      for (const w of depsOf(v)) {
        if (!members.has(w)) continue;
        if (w === start) {
          previous.set(start, v);
          found = true;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) path.unshift(v);
    path.unshift(start);
    cycles.push(path);
  }
  return cycles.sort((a, b) => fields.indexOf(a[0]!) - fields.indexOf(b[0]!));
}
