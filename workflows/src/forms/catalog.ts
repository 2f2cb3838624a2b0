/**
 * The form catalogue: every base form with its contract, the forms each lifecycle names, and each
 * region's resolved variants (base + overlay through @nongan/forms' resolveVariant), cached.
 */
import { loadForm, resolveVariant, type FormDefinition, type FormVariant } from '@nongan/forms';
import { LIFECYCLES } from '../lifecycles/index.js';
import { regionProfile } from '../regions/index.js';
import type { LifecycleId, RegionId } from '../regions/types.js';
import { certificationForms, warningForms } from './base/certification.js';
import { commonForms } from './base/common.js';
import { qualificationForms } from './base/qualification.js';
import { selfInspectionForms } from './base/selfInspection.js';
import type { BaseForm } from './formKit.js';
import { inputError } from '../calc/inputError.js';
import { REGIONAL_OVERLAYS } from './regionalOverlays.js';

export const BASE_FORMS: ReadonlyMap<string, BaseForm> = new Map(
  [...commonForms, ...qualificationForms, ...certificationForms, ...warningForms, ...selfInspectionForms].map((f) => [f.definition.id, f]),
);

// Base forms must pass the forms package's gate (definition, rules, schema) before anything uses them.
for (const [id, form] of BASE_FORMS) {
  const loaded = loadForm(form.definition);
  if (!loaded.ok) throw new Error(`base form ${id} is invalid: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
}

/** Form ids a lifecycle names (start form and event forms), in declaration order. */
export function formIdsOf(lifecycle: LifecycleId): string[] {
  const workflow = LIFECYCLES[lifecycle];
  const ids = [workflow.start.form?.id, ...Object.values(workflow.events).map((e) => e.form?.id)].filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** Form ids a region uses: the forms of the lifecycles it runs. */
export function formIdsOfRegion(region: RegionId): string[] {
  return [...new Set(regionProfile(region).lifecycles.flatMap(formIdsOf))];
}

/** The region's variant of a base form, as the forms package stores it. */
function baseForm(formId: string): BaseForm {
  const base = BASE_FORMS.get(formId);
  if (!base) throw inputError('formId', `no base form ${String(formId)}`, `没有基础表单 ${String(formId)}`);
  return base;
}

export function variantOf(region: RegionId, formId: string): FormVariant {
  regionProfile(region);
  const base = baseForm(formId);
  return {
    id: formId,
    version: `${base.definition.version}-${region}.1`,
    region,
    base: { id: formId, version: base.definition.version },
    overlay: REGIONAL_OVERLAYS[region][formId]?.overlay ?? {},
  };
}

const resolvedCache = new Map<RegionId, ReadonlyMap<string, FormDefinition>>();

/** Every form a region uses, resolved (base + the region's overlay). */
export function resolvedFormsOf(region: RegionId): ReadonlyMap<string, FormDefinition> {
  let forms = resolvedCache.get(region);
  if (!forms) {
    forms = new Map(formIdsOfRegion(region).map((id) => [id, resolveVariant(BASE_FORMS.get(id)!.definition, variantOf(region, id)).definition]));
    resolvedCache.set(region, forms);
  }
  return forms;
}

/** Valid data for a form in a region: the base sample plus the region's required additions. */
export function sampleData(region: RegionId, formId: string): Record<string, unknown> {
  regionProfile(region);
  const base = baseForm(formId);
  return structuredClone({ ...base.sample, ...(REGIONAL_OVERLAYS[region][formId]?.sample ?? {}) });
}
