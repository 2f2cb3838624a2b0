/**
 * Evaluates a definition's rules against form data: which fields are visible, required, read-only,
 * and what the computed fields hold.
 *
 * Semantics the rest of the form relies on:
 * - A rule reads other fields' *views*: the field's value, or null when visibleIf hides it. So hiding
 *   propagates — a rule reading a hidden field sees null, exactly as if it were never filled.
 * - Computed values are recomputed in dependency order on every evaluation (a value the caller put in
 *   `data` for a computed field is overwritten). NaN / ±Infinity / undefined become null (not JSON).
 * - `values` keeps what the user typed into fields that are now hidden, so showing a field again
 *   restores it; {@link submittableData} is what leaves the form.
 * - A rule that fails at run time (json-logic-js throws, e.g. `*` over an empty list) counts as null.
 * - Definitions whose rules analyzeRules rejects are refused with {@link RulesError}: a published
 *   definition was analysed when saved, so this only fires on a definition that skipped the designer.
 * - Analysis, graph and rewritten expressions are cached per definition object: treat a definition as
 *   immutable once evaluated (published versions are).
 */
import type { Expression, FieldRules, FormDefinition } from '../definition/types.js';
import type { FieldAccess } from '../access/fieldAccess.js';
import { analyzeRules } from './analyze.js';
import { buildRuleGraph, rulesOf, type RuleGraph } from './dependencies.js';
import { RulesError } from './issues.js';
import { applySafeLogic, registerSafeOperations, toSafeLogic, truthy } from './operators.js';

export interface RuleState {
  /** The data with computed fields recomputed in dependency order (hidden fields' values kept). */
  values: Record<string, unknown>;
  visible: Record<string, boolean>;
  /** Schema-required or requiredIf, and false when hidden. */
  required: Record<string, boolean>;
  /** `field.readOnly`, readOnlyIf, or computed. */
  readOnly: Record<string, boolean>;
  hidden: ReadonlySet<string>;
}

export interface EvaluateOptions {
  /** Fields whose value changed since `previous`; only they and their dependents are re-evaluated. */
  changed?: readonly string[];
  /** The state of the same definition for data that differs from `data` only in `changed`. */
  previous?: RuleState;
  /**
   * The filler's field permissions at this step (see `accessAt`): a hidden one is hidden like a
   * visibleIf would hide it, a read-only one cannot be edited (nor is it demanded), a required one is.
   * Must be the same object for a `previous` state.
   */
  access?: Readonly<Record<string, FieldAccess>>;
}

interface CompiledField {
  key: string;
  rules: { [K in keyof FieldRules]?: unknown };
  computed: boolean;
  schemaRequired: boolean;
  readOnly: boolean;
}

interface Compiled {
  graph: RuleGraph;
  fields: Map<string, CompiledField>;
}

const cache = new WeakMap<FormDefinition, Compiled>();

function compile(definition: FormDefinition): Compiled {
  let compiled = cache.get(definition);
  if (compiled) return compiled;
  const issues = analyzeRules(definition);
  if (issues.length > 0) throw new RulesError(issues);
  const required = new Set(Array.isArray(definition.schema.required) ? (definition.schema.required as unknown[]) : []);
  const fields = new Map<string, CompiledField>();
  for (const [key, spec] of Object.entries(definition.fields)) {
    const rules = rulesOf(definition, key) ?? {};
    const safe: CompiledField['rules'] = {};
    for (const name of ['visibleIf', 'requiredIf', 'readOnlyIf', 'compute'] as const) {
      if (rules[name] !== undefined) safe[name] = toSafeLogic(rules[name]);
    }
    fields.set(key, {
      key,
      rules: safe,
      computed: safe.compute !== undefined,
      schemaRequired: required.has(key),
      readOnly: spec.readOnly === true,
    });
  }
  compiled = { graph: buildRuleGraph(definition), fields };
  cache.set(definition, compiled);
  return compiled;
}

/** JSON has no NaN, Infinity or undefined: a computed value that is one of them is null. */
function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * Evaluates one expression against `data` on its own (designer previews, tests). Operators outside
 * the allow-list throw {@link RulesError}; data access never reaches prototypes
 * (`{ "var": "__proto__" }` is null). Field references are not checked — that is analyzeRules' job.
 */
export function evaluateExpression(expression: Expression, data: unknown): unknown {
  registerSafeOperations();
  return applySafeLogic(toSafeLogic(expression), data);
}

export function evaluateRules(
  definition: FormDefinition,
  data: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): RuleState {
  const { graph, fields } = compile(definition);
  registerSafeOperations();
  const previous = options.previous;
  // Incremental only with both a previous state and the list of what changed since it.
  let redo: Set<string> | undefined;
  if (previous && options.changed) {
    redo = new Set<string>();
    for (const key of options.changed) {
      redo.add(key);
      for (const dependent of graph.dependentsOf(key)) redo.add(dependent);
    }
  }
  const fresh = (key: string) => redo === undefined || redo.has(key);
  const access = options.access ?? {};

  const values: Record<string, unknown> = { ...data };
  const visible: Record<string, boolean> = {};
  const required: Record<string, boolean> = {};
  const readOnly: Record<string, boolean> = {};
  const hidden = new Set<string>();
  // What rules see: own properties only (null prototype), hidden fields as null.
  const view: Record<string, unknown> = Object.create(null);
  const run = (logic: unknown) => applySafeLogic(logic, view);

  // Pass 1, in dependency order: visibility and computed values, which other rules read.
  for (const key of graph.order) {
    const field = fields.get(key)!;
    if (fresh(key)) {
      const { visibleIf, compute } = field.rules;
      visible[key] = access[key] !== 'hidden' && (visibleIf === undefined || truthy(run(visibleIf)));
      if (field.computed) values[key] = toJsonValue(run(compute));
    } else {
      visible[key] = previous!.visible[key] ?? true;
      if (field.computed) values[key] = previous!.values[key];
    }
    if (!visible[key]) hidden.add(key);
    view[key] = visible[key] ? (values[key] ?? null) : null;
  }

  // Pass 2: required / read-only, whose results no rule reads, with every view known.
  for (const key of graph.order) {
    const field = fields.get(key)!;
    if (fresh(key)) {
      const { requiredIf, readOnlyIf } = field.rules;
      const requiredNow = access[key] === 'required' || field.schemaRequired || (requiredIf !== undefined && truthy(run(requiredIf)));
      // A field this filler may only read is not theirs to supply.
      required[key] = visible[key]! && requiredNow && access[key] !== 'readOnly';
      readOnly[key] = access[key] === 'readOnly' || field.readOnly || field.computed || (readOnlyIf !== undefined && truthy(run(readOnlyIf)));
    } else {
      required[key] = previous!.required[key] ?? false;
      readOnly[key] = previous!.readOnly[key] ?? false;
    }
  }
  return { values, visible, required, readOnly, hidden };
}

/**
 * The data to submit: the current values (computed ones recomputed) without hidden fields — whose
 * values were never shown as part of the answer — and without keys that are not fields of the form.
 */
export function submittableData(definition: FormDefinition, state: RuleState): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(definition.fields)) {
    if (state.hidden.has(key) || !Object.hasOwn(state.values, key)) continue;
    result[key] = state.values[key];
  }
  return result;
}

/** Fields required now (schema `required` or `requiredIf`, never when hidden): what validation must demand. */
export function requiredFields(state: RuleState): ReadonlySet<string> {
  return new Set(Object.keys(state.required).filter((key) => state.required[key]));
}
