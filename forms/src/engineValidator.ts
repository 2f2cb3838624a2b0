/**
 * Adapter from forms to the engine's injected validator: the engine names a form (id, version) and
 * hands over event data; the host resolves the definition (base or regional variant) and this checks
 * the data the way the renderer does — rules evaluated, hidden fields neither required nor kept.
 */
import type { FormDefinition, Issue } from './definition/types.js';
import { evaluateRules, requiredFields, submittableData } from './rules/index.js';
import { FormDefinitionError, type FormValidator } from './validation/index.js';
import { loadForm } from './loadForm.js';
import { accessAt, notTheirs } from './access/fieldAccess.js';
import { hiddenSent, readOnlyChanged, readOnlySent } from './access/accessIssues.js';

export interface EngineFormRequest {
  form: { id: string; version?: string };
  region: string;
  pins: Record<string, string>;
}

/**
 * Where the data is sent, for the form's field permissions: the case's state (null for a start
 * form), the sender's acting role, and the values the case already holds for this form (read only
 * when a read-only field was sent). Without a role no permissions apply.
 */
export interface EngineStepPlace {
  state?: string | null;
  role?: string;
  earlier?: () => Promise<Record<string, unknown>>;
}

type Outcome = { ok: true; formVersion: string } | { ok: false; formVersion?: string; issues: Issue[] };

/** Same shape as `@nongan/engine`'s EventDataValidator, without importing the engine. */
export type EngineDataValidator = (
  form: { id: string; version?: string },
  data: Record<string, unknown>,
  context: { region: string; pins: Record<string, string> } & EngineStepPlace,
) => Outcome | Promise<Outcome>;

/**
 * Keys the form does not declare, at the top level and in table rows. The one rule for every form:
 * they are refused, never stripped, so a caller learns of its mistake and nothing rides along into
 * the journal unseen (an undeclared 1 MB field used to be stored as sent).
 */
export function undeclaredFields(definition: FormDefinition, data: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = Object.hasOwn(definition.fields, key) ? definition.fields[key] : undefined;
    if (!field) {
      issues.push(undeclared(`/${key}`, key));
      continue;
    }
    if (!field.columns || !Array.isArray(value)) continue;
    value.forEach((row, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return;
      for (const column of Object.keys(row)) {
        if (!Object.hasOwn(field.columns!, column)) issues.push(undeclared(`/${key}/${i}/${column}`, column));
      }
    });
    if (issues.length >= 20) break;
  }
  return issues;
}

function undeclared(path: string, key: string): Issue {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return { path, message: `the form has no field ${shown}; remove it`, messageZh: `表单中没有字段 ${shown}，请删除后再提交` };
}

export function createEngineValidator(resolve: (request: EngineFormRequest) => FormDefinition | undefined): EngineDataValidator {
  const compiled = new WeakMap<FormDefinition, FormValidator>();
  return (form, data, context) => {
    const definition = resolve({ form, region: context.region, pins: context.pins });
    if (!definition) {
      const where = `${form.id}${form.version ? `@${form.version}` : ''} (${context.region})`;
      return { ok: false, issues: [{ path: '', message: `form ${where} is not available`, messageZh: `表单 ${where} 不存在` }] };
    }
    let validator = compiled.get(definition);
    if (!validator) {
      // A definition that is not sound (a rule cycle, a bad pattern) is the form's fault, not the
      // data's: it is thrown, and the engine reports it as `invalid-definition`, never as bad data.
      const checked = loadForm(definition);
      if (!checked.ok) throw new FormDefinitionError(checked.issues, `${definition.id}@${definition.version}`);
      compiled.set(definition, (validator = checked.validator));
    }
    const access = context.role === undefined ? {} : accessAt(definition.access, { state: context.state ?? null, role: context.role });
    const state = evaluateRules(definition, data, { access });
    const result = validator.validate(submittableData(definition, state), { skip: notTheirs(state.hidden, access, data), require: requiredFields(state) });
    // Data for a hidden field is refused rather than silently stored: the journal keeps what was sent.
    const hiddenByRules = [...state.hidden].filter((key) => data[key] !== undefined && access[key] !== 'hidden');
    const issues = [
      ...undeclaredFields(definition, data),
      ...result.issues,
      ...hiddenByRules.map((key) => ({ path: `/${key}`, message: `${key} is hidden by the form's rules and must not be sent`, messageZh: `${key} 按表单规则隐藏，不应提交` })),
      ...hiddenSent(definition, access, data),
    ];
    const outcome = (all: Issue[]): Outcome => (all.length === 0 ? { ok: true, formVersion: definition.version } : { ok: false, formVersion: definition.version, issues: all });
    const readOnly = readOnlySent(access, data);
    // Only a read-only field that was sent needs the case's earlier values (a journal read).
    if (readOnly.length === 0 || issues.length > 0) return outcome(issues);
    const earlier = context.earlier ? context.earlier() : Promise.resolve({});
    return earlier.then((values) => outcome(readOnlyChanged(definition, readOnly, data, values)));
  };
}
