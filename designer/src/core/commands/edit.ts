/**
 * The one way commands are built. `apply` computes the new state from the one given; `execute`
 * then records, for each top-level slice of the definition and of the variant draft it replaced
 * (schema, fields, layout, rules, overlay…), the value it had before. `revert` puts exactly those
 * slices back into the state it is given and leaves every other slice as it finds it. Because
 * states are immutable and share untouched branches, this memo costs a few references per edit.
 */
import type { FormDefinition, LocalText } from '@nongan/forms';
import { containerId, findContainer } from '../containerIds.js';
import { layoutAt } from '../layoutTree.js';
import type { Command, DesignerState, VariantDraft } from '../types.js';
import { DesignerError } from '../types.js';

type Slices<T> = Partial<T>;

function changedSlices<T extends object>(before: T, after: T): Slices<T> {
  const out: Slices<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>;
  for (const key of keys) if (before[key] !== after[key]) out[key] = before[key];
  return out;
}

function restore<T extends object>(current: T, slices: Slices<T>): T {
  const next = { ...current };
  for (const key of Object.keys(slices) as Array<keyof T>) {
    if (slices[key] === undefined) delete next[key];
    else next[key] = slices[key] as T[keyof T];
  }
  return next;
}

export function edit(type: string, label: LocalText, apply: (state: DesignerState) => DesignerState): Command {
  let memo: { definition: Slices<FormDefinition>; variant: Slices<VariantDraft> | 'whole'; previousVariant: VariantDraft | null; selection: string | null } | undefined;
  return {
    type,
    label,
    execute(state) {
      const next = followSelection(state, apply(state));
      const variantSlices = state.variant && next.variant ? changedSlices(state.variant, next.variant) : 'whole';
      memo = { definition: changedSlices(state.definition, next.definition), variant: variantSlices, previousVariant: state.variant, selection: state.selection };
      return next;
    },
    revert(state) {
      if (!memo) throw new DesignerError(`命令 ${type} 尚未执行，无法撤销`, `command ${type} was not executed and cannot be reverted`);
      const definition = Object.keys(memo.definition).length ? restore(state.definition, memo.definition) : state.definition;
      let variant = state.variant;
      if (memo.variant === 'whole') variant = memo.previousVariant;
      else if (variant && Object.keys(memo.variant).length) variant = restore(variant, memo.variant);
      return { ...state, definition, variant, selection: memo.selection };
    },
  };
}

/**
 * A selected container is addressed by its pointer, which an edit of the layout may shift (a node
 * above it moved, a sibling removed). Unless the edit chose a selection itself, re-point the
 * selection at the same container by its stable id (containerIds.ts), or clear it when the
 * container is gone.
 */
function followSelection(before: DesignerState, after: DesignerState): DesignerState {
  const selection = before.selection;
  if (after.selection !== selection || selection === null || !selection.startsWith('/layout')) return after;
  if (after.definition.layout === before.definition.layout) return after;
  let node: unknown;
  try {
    node = layoutAt(before.definition.layout, selection);
  } catch {
    return after;
  }
  if (!node || Array.isArray(node) || (node as { type?: unknown }).type === 'field') return after;
  const pointer = findContainer(after.definition.layout, containerId(node as Parameters<typeof containerId>[0]));
  return pointer === selection ? after : { ...after, selection: pointer };
}

/** `fields` with `key` replaced (same object identity for every other field). */
export function withField<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  return { ...record, [key]: value };
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

export function requireField(state: DesignerState, key: string): void {
  if (!Object.hasOwn(state.definition.fields, key)) {
    throw new DesignerError(`字段 "${key}" 不存在`, `field "${key}" does not exist`);
  }
}
