/**
 * One validator per form definition: the schema is checked and compiled ONCE (Ajv 2020, all errors,
 * our formats, patterns on re2js), then `validate` runs on every save, submit or keystroke.
 *
 * - Whole-form validation (`fields` omitted) is authoritative: it is what a submit must pass.
 * - `skip` lists hidden fields: they are not required and their values are ignored (removed from a
 *   shallow copy of the data before validating, so conditions over them see them as absent).
 * - `fields` validates only some top-level fields, for as-you-type feedback: each field's own subschema
 *   (compiled lazily, cached) plus whether the root `required` lists it. Root-level cross-field keywords
 *   (if/then/else, dependentRequired, allOf…, additionalProperties) are NOT evaluated in this mode.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FormDefinition, Issue, Locale } from '../definition/types.js';
import { collectSchemaIssues, compileFailureIssue } from './definitionChecks.js';
import { FormDefinitionError } from './errors.js';
import { addChineseFormats } from './formats.js';
import { toIssues } from './issueMessages.js';
import { UnsafePatternError, re2RegExp } from './patternSafety.js';
import { escapeSegment } from './pointer.js';
import { isSchemaObject } from './schemaWalk.js';

export interface ValidateOptions {
  /** Language of `Issue.message` (default 'en'); `Issue.messageZh` is always Chinese. */
  locale?: Locale;
  /** Hidden top-level fields: not required, values ignored. */
  skip?: ReadonlySet<string>;
  /** Top-level fields required by rules (`requiredIf`) on top of the schema's `required`. */
  require?: ReadonlySet<string>;
  /** Validate only these top-level fields (keystroke validation); see the module comment. */
  fields?: readonly string[];
}

export interface ValidationResult {
  ok: boolean;
  issues: Issue[];
}

export interface FormValidator {
  validate(data: unknown, options?: ValidateOptions): ValidationResult;
}

/** The key the root schema is registered under, so per-field validators can `$ref` into it. */
const ROOT_KEY = 'urn:nongan:form';
const NOTHING: ReadonlySet<string> = new Set();

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // Authored schemas: refuse unknown keywords and formats (typos), but do not demand `type` next to
    // every constraint nor complete tuples; `required` may name properties defined elsewhere (then: …).
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    $data: false,
    // `required: ['constructor']` must not be satisfied by Object.prototype.constructor.
    ownProperties: true,
    // Messages come from ajv-i18n, not Ajv's built-in English.
    messages: false,
    // collectSchemaIssues checked the schema against the 2020-12 meta-schema already (on the shared
    // definition Ajv); re-checking here would compile the meta-schema again for every form.
    validateSchema: false,
    code: { regExp: re2RegExp },
  });
  return addChineseFormats(ajv);
}

function fail(definition: FormDefinition, issues: Issue[]): never {
  throw new FormDefinitionError(issues, `${definition.id}@${definition.version}`);
}

function compileOrFail<T>(definition: FormDefinition, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    fail(definition, [error instanceof UnsafePatternError ? error.issue : compileFailureIssue(error)]);
  }
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A shallow copy without the hidden keys (Object.fromEntries defines `__proto__` as an own key, safely). */
function withoutKeys(data: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !skip.has(key)));
}

function isMissing(data: Record<string, unknown>, key: string): boolean {
  return !hasOwn(data, key) || data[key] === undefined;
}

/** A `required` (or `dependentRequired`) error at the root for a field the caller hides. */
function isHiddenRequirement(error: ErrorObject, skip: ReadonlySet<string>): boolean {
  if (error.instancePath !== '' || (error.keyword !== 'required' && error.keyword !== 'dependentRequired')) return false;
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  return typeof missing === 'string' && skip.has(missing);
}

export function createFormValidator(definition: FormDefinition): FormValidator {
  const ajv = newAjv();
  const schema = definition.schema;
  const problems = collectSchemaIssues(ajv, schema);
  if (problems.length > 0) fail(definition, problems);

  const root = compileOrFail(definition, () => {
    ajv.addSchema(schema, ROOT_KEY);
    const compiled = ajv.getSchema(ROOT_KEY);
    if (!compiled) throw new Error('the schema did not compile');
    return compiled;
  });

  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const rootRequired = new Set(Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : []);
  const fields = definition.fields;

  // Per-field validators: `{ properties: { key: { $ref: <root>#/properties/key } } }`, so `$ref`s inside the
  // field's schema still resolve against the root. Null = the schema does not describe that key.
  const fieldValidators = new Map<string, ValidateFunction | null>();
  const fieldValidator = (key: string): ValidateFunction | null => {
    let validator = fieldValidators.get(key);
    if (validator === undefined) {
      validator = hasOwn(properties, key)
        ? compileOrFail(definition, () =>
            ajv.compile({
              type: 'object',
              properties: { [key]: { $ref: `${ROOT_KEY}#/properties/${encodeURIComponent(escapeSegment(key))}` } },
            }),
          )
        : null;
      fieldValidators.set(key, validator);
    }
    return validator;
  };

  const validateAll = (data: unknown, skip: ReadonlySet<string>): { errors: ErrorObject[]; input: unknown } => {
    const input = skip.size > 0 && isSchemaObject(data) ? withoutKeys(data, skip) : data;
    if (root(input)) return { errors: [], input };
    const errors = root.errors ?? [];
    return { errors: skip.size > 0 ? errors.filter((e) => !isHiddenRequirement(e, skip)) : [...errors], input };
  };

  const validateSome = (data: Record<string, unknown>, keys: readonly string[], skip: ReadonlySet<string>): ErrorObject[] => {
    const errors: ErrorObject[] = [];
    for (const key of new Set(keys)) {
      if (skip.has(key)) continue;
      if (isMissing(data, key)) {
        if (rootRequired.has(key)) {
          errors.push({ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: key } });
        }
        continue;
      }
      const validator = fieldValidator(key);
      if (validator && !validator(data)) errors.push(...(validator.errors ?? []));
    }
    return errors;
  };

  return {
    validate(data, options = {}) {
      const locale = options.locale ?? 'en';
      const skip = options.skip ?? NOTHING;
      const { errors, input } =
        options.fields && isSchemaObject(data)
          ? { errors: validateSome(data, options.fields, skip), input: data }
          : validateAll(data, skip);
      if (options.require && isSchemaObject(data)) {
        const inScope = options.fields ? new Set(options.fields) : null;
        for (const key of options.require) {
          if (skip.has(key) || (inScope && !inScope.has(key)) || !isMissing(data, key) || rootRequired.has(key)) continue;
          errors.push({ keyword: 'required', instancePath: '', schemaPath: '#/rules/requiredIf', params: { missingProperty: key } });
        }
      }
      const issues = toIssues(errors, fields, input, locale, definition.messages);
      return { ok: issues.length === 0, issues };
    },
  };
}
