/**
 * Undo/redo over commands (form-js CommandStack style): `execute` runs a command and pushes it,
 * `undo` reverts the last one, `redo` executes it again. A command that throws changes nothing.
 * The stack itself is immutable data so it can live next to the state in one external store.
 */
import type { Command, DesignerState } from './types.js';

export const emptyStack: CommandStack = { done: [], undone: [] };

/** Keep memory bounded on long sessions; the oldest edits drop off first. */
export const MAX_UNDO = 500;

export interface CommandStack {
  readonly done: readonly Command[];
  readonly undone: readonly Command[];
  /** Coalescing key of the last command (typing in one input = one undo step). */
  readonly coalesce?: string;
}

/**
 * Execute `command`. With a `coalesce` key equal to the previous command's (and nothing undone in
 * between), both become ONE undo step: typing a label is one edit, not one per keystroke.
 */
export function executeCommand(state: DesignerState, stack: CommandStack, command: Command, coalesce?: string): { state: DesignerState; stack: CommandStack } {
  const next = command.execute(state);
  const previous = stack.done.at(-1);
  if (coalesce !== undefined && stack.coalesce === coalesce && previous && stack.undone.length === 0) {
    return { state: next, stack: { done: [...stack.done.slice(0, -1), combine(previous, command)], undone: [], coalesce } };
  }
  const done = [...stack.done, command];
  return { state: next, stack: { done: done.length > MAX_UNDO ? done.slice(done.length - MAX_UNDO) : done, undone: [], ...(coalesce !== undefined ? { coalesce } : {}) } };
}

/** One step made of several executed commands: revert in reverse order, re-execute in order. */
function combine(first: Command, second: Command): Command {
  const parts = [...((first as { parts?: Command[] }).parts ?? [first]), second];
  return {
    type: first.type,
    label: first.label,
    parts,
    execute: (state: DesignerState) => parts.reduce((s, c) => c.execute(s), state),
    revert: (state: DesignerState) => parts.reduceRight((s, c) => c.revert(s), state),
  } as Command;
}

export function undo(state: DesignerState, stack: CommandStack): { state: DesignerState; stack: CommandStack } | null {
  const command = stack.done.at(-1);
  if (!command) return null;
  return { state: command.revert(state), stack: { done: stack.done.slice(0, -1), undone: [...stack.undone, command] } };
}

export function redo(state: DesignerState, stack: CommandStack): { state: DesignerState; stack: CommandStack } | null {
  const command = stack.undone.at(-1);
  if (!command) return null;
  return { state: command.execute(state), stack: { done: [...stack.done, command], undone: stack.undone.slice(0, -1) } };
}
