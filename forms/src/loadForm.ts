/**
 * The single gate every definition passes before use: shape, semantics and rules (validateDefinition,
 * which runs analyzeRules: unknown references, cycles, refused operators) and the data schema compiled
 * with safe patterns (createFormValidator). A broken definition comes back as issues, never as a throw.
 */
import { validateDefinition } from './definition/validateDefinition.js';
import type { FormDefinition, Issue } from './definition/types.js';
import { createFormValidator, FormDefinitionError, type FormValidator } from './validation/index.js';

export type LoadedForm = { ok: true; definition: FormDefinition; validator: FormValidator } | { ok: false; issues: Issue[] };

export function loadForm(input: unknown): LoadedForm {
  const checked = validateDefinition(input);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  try {
    return { ok: true, definition: checked.definition, validator: createFormValidator(checked.definition) };
  } catch (error) {
    if (error instanceof FormDefinitionError) return { ok: false, issues: error.issues };
    throw error;
  }
}
