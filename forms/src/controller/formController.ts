/**
 * The framework-free state of one filled form: values, rule results and errors, with subscriptions
 * per field. A change to one field re-evaluates only the rules that depend on it, validates only the
 * fields whose value or rule result changed, and notifies only those fields' listeners; the React
 * layer subscribes each field to its own slice, so typing never re-renders the whole form.
 */
import { buildRuleGraph, evaluateRules, requiredFields, submittableData, type RuleState } from '../rules/index.js';
import { createFormValidator, type FormValidator } from '../validation/index.js';
import type { FormDefinition, Issue, Locale } from '../definition/types.js';
import { notTheirs, type FieldAccess } from '../access/fieldAccess.js';

export interface FieldState {
  value: unknown;
  visible: boolean;
  required: boolean;
  readOnly: boolean;
  /** Issues of this field (and of its rows' cells), in the current locale. */
  issues: readonly Issue[];
  /** Shown once the user has left the field or tried to submit: no red on untouched fields. */
  touched: boolean;
}

export interface FormController {
  readonly definition: FormDefinition;
  getField(key: string): FieldState;
  getValues(): Readonly<Record<string, unknown>>;
  /** Data to submit: hidden fields dropped, computed fields current. */
  getSubmittable(): Record<string, unknown>;
  setValue(key: string, value: unknown): void;
  touch(key: string): void;
  /** Validates everything and marks every field touched; returns the issues. */
  validateAll(): Issue[];
  /** Whether `validateAll` ran (a submit was tried): from then on the form lists its problems at the top. */
  wasValidated(): boolean;
  setLocale(locale: Locale): void;
  subscribe(key: string, listener: () => void): () => void;
  /** Any change at all (for autosave). */
  subscribeAll(listener: () => void): () => void;
}

export interface FormControllerOptions {
  initialValue?: Record<string, unknown>;
  locale?: Locale;
  /** Reuse a compiled validator (compiling once per definition, not per mount). */
  validator?: FormValidator;
  /** The filler's field permissions at this step (`accessAt(definition.access, …)`). */
  access?: Readonly<Record<string, FieldAccess>>;
}

const EMPTY: readonly Issue[] = Object.freeze([]);

function sameIssues(a: readonly Issue[], b: readonly Issue[]): boolean {
  return a.length === b.length && a.every((issue, i) => issue.path === b[i]!.path && issue.message === b[i]!.message);
}

export function createFormController(definition: FormDefinition, options: FormControllerOptions = {}): FormController {
  const keys = Object.keys(definition.fields);
  const validator = options.validator ?? createFormValidator(definition);
  const graph = buildRuleGraph(definition);
  let locale: Locale = options.locale ?? 'zh-CN';
  const access = options.access;
  let rules: RuleState = evaluateRules(definition, { ...(options.initialValue ?? {}) }, { access });
  const issues = new Map<string, readonly Issue[]>();
  const touched = new Set<string>();
  let validated = false;
  const snapshots = new Map<string, FieldState>();
  const listeners = new Map<string, Set<() => void>>();
  const allListeners = new Set<() => void>();

  const fieldOf = (path: string): string => path.split('/')[1] ?? '';

  function stateOf(key: string): FieldState {
    return {
      value: rules.values[key],
      visible: rules.visible[key] ?? true,
      required: rules.required[key] ?? false,
      readOnly: rules.readOnly[key] ?? false,
      issues: touched.has(key) ? (issues.get(key) ?? EMPTY) : EMPTY,
      touched: touched.has(key),
    };
  }

  /** Re-validates `fields` (all when omitted), stores their issues and returns them. */
  function revalidate(fields?: readonly string[]): Issue[] {
    const scope = { locale, skip: notTheirs(rules.hidden, access, rules.values), require: requiredFields(rules), ...(fields ? { fields } : {}) };
    const result = validator.validate(rules.values, scope);
    const byField = new Map<string, Issue[]>();
    for (const issue of result.issues) {
      const key = fieldOf(issue.path);
      byField.set(key, [...(byField.get(key) ?? []), issue]);
    }
    for (const key of fields ?? keys) issues.set(key, byField.get(key) ?? EMPTY);
    return result.issues;
  }

  function notify(fields: Iterable<string>): void {
    for (const key of fields) {
      const next = stateOf(key);
      const prev = snapshots.get(key);
      if (
        prev &&
        prev.value === next.value &&
        prev.visible === next.visible &&
        prev.required === next.required &&
        prev.readOnly === next.readOnly &&
        prev.touched === next.touched &&
        sameIssues(prev.issues, next.issues)
      ) {
        continue;
      }
      snapshots.set(key, next);
      for (const listener of listeners.get(key) ?? []) listener();
    }
    for (const listener of allListeners) listener();
  }

  return {
    definition,
    getField(key) {
      let snapshot = snapshots.get(key);
      if (!snapshot) snapshots.set(key, (snapshot = stateOf(key)));
      return snapshot;
    },
    getValues: () => rules.values,
    getSubmittable: () => submittableData(definition, rules),
    setValue(key, value) {
      const affected = [key, ...graph.dependentsOf(key)];
      rules = evaluateRules(definition, { ...rules.values, [key]: value }, { changed: [key], previous: rules, access });
      revalidate(affected);
      notify(affected);
    },
    touch(key) {
      if (touched.has(key)) return;
      touched.add(key);
      revalidate([key]);
      notify([key]);
    },
    wasValidated: () => validated,
    validateAll() {
      validated = true;
      for (const key of keys) touched.add(key);
      const found = revalidate();
      notify(keys);
      return found;
    },
    setLocale(next) {
      if (next === locale) return;
      locale = next;
      revalidate(keys.filter((k) => touched.has(k)));
      notify(keys);
    },
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => set!.delete(listener);
    },
    subscribeAll(listener) {
      allListeners.add(listener);
      return () => allListeners.delete(listener);
    },
  };
}
