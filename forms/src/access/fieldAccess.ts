/**
 * Field permissions per lifecycle step × role (the 节点表单权限 of Flowable/RuoYi approval systems):
 * configuration staff say, for each state a form is filled or read in and each role, which fields are
 * editable, read-only, hidden or required. A field not named is editable, as the form itself says.
 *
 * `access[state][role][field]`. `state` is a state path of the lifecycle (`review` applies inside
 * `review.initial` too; the deeper path wins) or `*` for every state; `role` is a role key or `*`.
 * A specific role beats `*`; a deeper state beats a shallower one, which beats `*`.
 */
import type { LocalText } from '../definition/types.js';

export const FIELD_ACCESS = ['editable', 'readOnly', 'hidden', 'required'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

export type FieldAccessMatrix = Record<string, Record<string, Record<string, FieldAccess>>>;

/** The word for each mode, as the designer's matrix and the refusals say it. */
export const FIELD_ACCESS_LABELS: Record<FieldAccess, LocalText> = {
  editable: { zh: '可编辑', en: 'Editable' },
  readOnly: { zh: '只读', en: 'Read-only' },
  hidden: { zh: '隐藏', en: 'Hidden' },
  required: { zh: '必填', en: 'Required' },
};

export const ANY = '*';

/** Where the case is when the form is filled or was filled: a state key (`a.b` leaf paths, comma-joined for parallel states), or null before the case exists (its start form). */
export interface AccessPlace {
  state: string | null;
  role: string;
}

/**
 * The active paths of a state key, shallowest first: `review.initial` → `review`, `review.initial`.
 * The engine's `activePaths` reads a state value; forms never import the engine, so the key is read here.
 */
function activePaths(stateKey: string | null): string[] {
  if (!stateKey) return [];
  const out = new Set<string>();
  for (const leaf of stateKey.split(',')) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return [...out].sort((a, b) => a.split('.').length - b.split('.').length);
}

/** Each field's mode for one role at one place; fields left editable are not listed. */
export function accessAt(matrix: FieldAccessMatrix | undefined, place: AccessPlace): Record<string, FieldAccess> {
  const modes: Record<string, FieldAccess> = {};
  if (!matrix) return modes;
  // Least specific first, so later (more specific) entries overwrite.
  for (const state of [ANY, ...activePaths(place.state)]) {
    const byRole = Object.hasOwn(matrix, state) ? matrix[state] : undefined;
    if (!byRole) continue;
    for (const role of [ANY, place.role]) {
      const byField = Object.hasOwn(byRole, role) ? byRole[role] : undefined;
      if (byField) Object.assign(modes, byField);
    }
  }
  for (const [field, mode] of Object.entries(modes)) if (mode === 'editable') delete modes[field];
  return modes;
}

/**
 * Fields a reader holding these roles may not see of data filled at `state`: hidden for every one of
 * the roles (one role that may see a field is enough to see it).
 */
export function withheldFields(matrix: FieldAccessMatrix | undefined, state: string | null, roles: readonly string[]): string[] {
  if (!matrix || roles.length === 0) return [];
  let withheld: Set<string> | undefined;
  for (const role of roles) {
    const hidden = Object.entries(accessAt(matrix, { state, role })).filter(([, mode]) => mode === 'hidden').map(([field]) => field);
    withheld = withheld === undefined ? new Set(hidden) : new Set(hidden.filter((field) => withheld!.has(field)));
    if (withheld.size === 0) return [];
  }
  return [...(withheld ?? [])];
}

/**
 * Fields validation leaves alone for this filler: hidden ones (rules or permissions), and read-only
 * ones they left empty — not theirs to supply, so not demanded even when the schema requires them.
 */
export function notTheirs(hidden: ReadonlySet<string>, access: Readonly<Record<string, FieldAccess>> | undefined, data: Record<string, unknown>): ReadonlySet<string> {
  const keys = Object.keys(access ?? {}).filter((key) => access![key] === 'readOnly' && data[key] === undefined);
  return keys.length === 0 ? hidden : new Set([...hidden, ...keys]);
}
