/**
 * Adapter from forms to the engine's injected validator: the engine names a form (id, version) and
 * hands over event data; the host resolves the definition (base or regional variant) and this checks
 * the data the way the renderer does — rules evaluated, hidden fields neither required nor kept.
 */
import type { FormDefinition, Issue } from './definition/types.js';
import { evaluateRules, requiredFields, submittableData } from './rules/index.js';
import { createFormValidator, type FormValidator } from './validation/index.js';

export interface EngineFormRequest {
  form: { id: string; version?: string };
  region: string;
  pins: Record<string, string>;
}

/** Same shape as `@nongan/engine`'s EventDataValidator, without importing the engine. */
export type EngineDataValidator = (
  form: { id: string; version?: string },
  data: Record<string, unknown>,
  context: { region: string; pins: Record<string, string> },
) => { ok: true; formVersion: string } | { ok: false; formVersion?: string; issues: Issue[] };

export function createEngineValidator(resolve: (request: EngineFormRequest) => FormDefinition | undefined): EngineDataValidator {
  const compiled = new WeakMap<FormDefinition, FormValidator>();
  return (form, data, context) => {
    const definition = resolve({ form, region: context.region, pins: context.pins });
    if (!definition) {
      const where = `${form.id}${form.version ? `@${form.version}` : ''} (${context.region})`;
      return { ok: false, issues: [{ path: '', message: `form ${where} is not available`, messageZh: `表单 ${where} 不存在` }] };
    }
    let validator = compiled.get(definition);
    if (!validator) compiled.set(definition, (validator = createFormValidator(definition)));
    const state = evaluateRules(definition, data);
    const result = validator.validate(submittableData(definition, state), { skip: state.hidden, require: requiredFields(state) });
    // Data for a hidden field is refused rather than silently stored: the journal keeps what was sent.
    const hiddenSent = [...state.hidden].filter((key) => data[key] !== undefined);
    const issues = [
      ...result.issues,
      ...hiddenSent.map((key) => ({ path: `/${key}`, message: `${key} is hidden by the form's rules and must not be sent`, messageZh: `${key} 按表单规则隐藏，不应提交` })),
    ];
    return issues.length === 0 ? { ok: true, formVersion: definition.version } : { ok: false, formVersion: definition.version, issues };
  };
}
