/**
 * What blocks publishing the open document: a definition that would not load, a variant that does
 * not resolve, open rebase conflicts, or a lifecycle contract the (resolved) form no longer meets.
 */
import { loadForm, type FormDefinition, type Issue, type JsonSchema } from '@nongan/forms';
import type { DesignDoc } from '../store/types.js';
import type { DesignerState } from './types.js';
import { contractStatus, resolveDraft } from './variant.js';

/** Contracts by BASE form id (a variant is checked against its base form's contract). */
export type Contracts = Record<string, JsonSchema>;

export interface PublishCheck {
  ok: boolean;
  /** The definition the check ran on (resolved variant in variant mode), when it could be built. */
  definition: FormDefinition | null;
  issues: Issue[];
  /** null: no contract applies to this form. */
  contract: { ok: boolean; problems: Issue[] } | null;
}

export function checkPublishable(state: DesignerState, contracts: Contracts = {}): PublishCheck {
  const baseId = state.variant ? state.variant.base.id : state.definition.id;
  const contract = Object.hasOwn(contracts, baseId) ? contracts[baseId] : undefined;
  let definition: FormDefinition | null = null;
  const issues: Issue[] = [];
  if (state.variant) {
    for (const c of state.variant.conflicts) issues.push({ path: c.path, message: `unsettled rebase conflict: ${c.message}`, messageZh: `变基冲突未处理：${c.messageZh}` });
    const resolved = resolveDraft(state.variant);
    if (resolved.ok) definition = resolved.definition;
    else issues.push(...resolved.issues);
  } else {
    definition = state.definition;
  }
  if (definition) {
    const loaded = loadForm(definition);
    if (!loaded.ok) issues.push(...loaded.issues);
  }
  const contractResult = definition ? contractStatus(definition, contract) : null;
  if (contractResult && !contractResult.ok) {
    issues.push(...contractResult.problems.map((p) => ({ ...p, message: `lifecycle contract: ${p.message}`, messageZh: `流程数据契约：${p.messageZh}` })));
  }
  return { ok: issues.length === 0, definition, issues, contract: contractResult };
}

/** The document to store for the open state. */
export function documentOf(state: DesignerState): DesignDoc {
  return state.variant ? { kind: 'variant', variant: state.variant.variant } : { kind: 'form', definition: state.definition };
}
