/**
 * Editing a form's field permissions per step × role (see @nongan/forms `access`): one cell at a
 * time, undoable. On a base form the definition's `access` changes; on a regional variant the
 * overlay's row for that step does (first copied from the base, since an overlay's step replaces the
 * base's), so the region states only the steps it changes.
 */
import { accessAt, FIELD_ACCESS, type FieldAccess, type FieldAccessMatrix, type FormDefinition, type LocalText } from '@nongan/forms';
import { DesignerError, type Command, type DesignerState } from './types.js';
import { edit, requireField } from './commands/edit.js';
import { resolveDraft } from './variant.js';

/** A row of the matrix editor: a step where the form is filled (or `*`, every step), named for people. */
export interface PermissionStep {
  state: string;
  label: LocalText;
  /** Every role taking part, the ones that fill the form at this step marked. */
  roles: Array<{ role: string; label: LocalText; fills: boolean }>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The matrix in force for the document being edited (a variant's resolved over its base). */
export function permissionsOf(state: DesignerState): FieldAccessMatrix {
  if (!state.variant) return state.definition.access ?? {};
  const resolved = resolveDraft(state.variant);
  return resolved.ok ? (resolved.definition.access ?? {}) : (state.variant.base.access ?? {});
}

/** What a cell shows: its mode as resolved for that step and role (`*` rows and deeper steps included). */
export function cellMode(matrix: FieldAccessMatrix, step: string, role: string, field: string): FieldAccess {
  return accessAt(matrix, { state: step === '*' ? null : step, role })[field] ?? 'editable';
}

/** One cell: the mode of `field` for `role` at `step`. Setting it to what `*` already gives removes the entry. */
export function setFieldAccess(step: string, role: string, field: string, mode: FieldAccess): Command {
  return edit('access.set', { zh: '设置字段权限', en: 'Set field permission' }, (state) => {
    if (!(FIELD_ACCESS as readonly string[]).includes(mode)) throw new DesignerError(`未知的字段权限 "${mode}"`, `unknown field permission "${mode}"`);
    if (step === '' || role === '') throw new DesignerError('须指定环节和角色', 'a step and a role are required');
    if (state.variant) {
      const draft = state.variant;
      const resolved = resolveDraft(draft);
      const fields = resolved.ok ? resolved.definition.fields : draft.base.fields;
      if (!Object.hasOwn(fields, field)) throw new DesignerError(`字段 "${field}" 不存在`, `no field "${field}"`);
      const overlay = draft.variant.overlay;
      // The overlay's row replaces the base's: start from the resolved matrix, keep only this step's row.
      const changed = withCell(permissionsOf(state), step, role, field, mode);
      const access = { ...(overlay.access ?? {}), [step]: changed[step] ?? {} };
      return { ...state, variant: { ...draft, variant: { ...draft.variant, overlay: { ...overlay, access } } } };
    }
    requireField(state, field);
    const matrix = withCell(state.definition.access ?? {}, step, role, field, mode);
    const { access: _old, ...rest } = state.definition;
    const definition: FormDefinition = Object.keys(matrix).length > 0 ? { ...rest, access: matrix } : rest;
    return { ...state, definition };
  });
}

/**
 * The matrix with one cell set. A cell is stored only where it changes what the cell would get
 * anyway (from a `*` row or role, or a shallower step), so "editable" mostly means no entry.
 */
function withCell(matrix: FieldAccessMatrix, step: string, role: string, field: string, mode: FieldAccess): FieldAccessMatrix {
  const next = clone(matrix);
  const row = (next[step] ??= {});
  const cells = (row[role] ??= {});
  delete cells[field];
  if (cellMode(next, step, role, field) !== mode) cells[field] = mode;
  if (Object.keys(cells).length === 0) delete row[role];
  if (Object.keys(row).length === 0) delete next[step];
  return next;
}
