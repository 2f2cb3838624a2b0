/**
 * The designer document: the form definition being edited, the current selection, and (in variant
 * mode) the region's overlay on a base form. All of it is immutable plain data: every edit is a
 * command that returns a NEW state sharing every untouched branch, so per-field subscribers can
 * compare by reference and undo can restore exactly what an edit replaced.
 */
import type { FormDefinition, FormVariant, Issue, LocalText, RebaseConflict } from '@nongan/forms';

/** A region's variant being edited on top of a published base form. */
export interface VariantDraft {
  variant: FormVariant;
  /** The base definition `variant.base` names (needed to resolve and to mark inherited fields). */
  base: FormDefinition;
  /** Open rebase conflicts: publishing is blocked until each is settled (dropped or accepted). */
  conflicts: RebaseConflict[];
}

export interface DesignerState {
  /** Base mode: the form edited. Variant mode: the base form (read-only; the overlay is edited). */
  definition: FormDefinition;
  /**
   * Selected field key, or a layout container pointer (`/layout/children/0`), or nothing. A
   * container pointer follows its container across edits (by the container's stable id, see
   * containerIds.ts): after nodes above it move it names the same container, not its old position.
   */
  selection: string | null;
  variant: VariantDraft | null;
}

/** An undoable edit. `execute` and `revert` take the state explicitly and return a new one. */
export interface Command {
  /** Stable name for tests and logs (`field.add`, `rule.set`…). */
  readonly type: string;
  /** What the undo/redo buttons say. */
  readonly label: LocalText;
  execute(state: DesignerState): DesignerState;
  revert(state: DesignerState): DesignerState;
}

/** Raised by a command whose arguments do not fit the state (unknown field, duplicate key…). */
export class DesignerError extends Error {
  readonly messageZh: string;
  readonly issues: Issue[];
  constructor(messageZh: string, message: string, issues: Issue[] = []) {
    super(`${messageZh} / ${message}`);
    this.name = 'DesignerError';
    this.messageZh = messageZh;
    this.issues = issues;
  }
}
