/**
 * `validateDefinition`: the one gate every stored, imported or designed form passes. Layers, each
 * run only when the previous one passed, so later checks can trust the shape they read:
 *   1. input: size before parsing, JSON syntax;
 *   2. plain bounded JSON: depth, forbidden keys (`__proto__`…), no cycles or non-JSON values;
 *   3. the definition meta-schema (Ajv);
 *   4. the data schema: 2020-12 meta-schema, local acyclic refs, object root, regex syntax;
 *   5. semantics: field ↔ property pairing, kind ↔ type, layout, rules keys;
 *   6. the rules themselves (`analyzeRules`): unknown references, dependency cycles, refused operators —
 *      so a definition that passes here can be rendered and evaluated, as `loadForm` promises.
 * Never throws; labels are kept as given (HTML in a label is text — the renderer never uses innerHTML).
 */
import type { FormDefinition, Issue, JsonSchema } from './types.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { ajvIssues, getDefinitionAjv } from './ajv.js';
import { capIssues, issue, pointer, q } from './issues.js';
import { scanJson } from './jsonScan.js';
import { definitionMetaSchema } from './metaSchema.js';
import { readInput } from './readInput.js';
import { checkDataSchema, checkPatterns } from './schemaCheck.js';
import { checkFieldKind } from './kindCheck.js';
import { checkLayout } from './layoutCheck.js';
import { analyzeRules } from '../rules/analyze.js';

export type ValidateDefinitionResult = { ok: true; definition: FormDefinition } | { ok: false; issues: Issue[] };

let metaValidator: ValidateFunction | undefined;

export function validateDefinition(input: unknown): ValidateDefinitionResult {
  try {
    const issues = check(input);
    return issues.ok ? issues : { ok: false, issues: capIssues(issues.issues) };
  } catch (error) {
    // A safety net: no input should get here, but a checker bug must not become the caller's crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [issue('', `definition could not be checked: ${reason}`, `无法检查定义：${reason}`)] };
  }
}

function check(input: unknown): ValidateDefinitionResult {
  const read = readInput(input);
  if (!read.ok) return read;
  const value = read.value;

  const scanIssues = scanJson(value);
  if (scanIssues.length) return { ok: false, issues: scanIssues };

  metaValidator ??= getDefinitionAjv().compile(definitionMetaSchema);
  if (!metaValidator(value)) return { ok: false, issues: ajvIssues(metaValidator.errors, '', value) };

  const definition = value as FormDefinition;
  const issues = checkDataSchema(definition.schema);
  if (issues.length) return { ok: false, issues };

  issues.push(
    ...checkPatterns(definition.schema),
    ...checkFields(definition),
    ...checkRuleKeys(definition),
    ...checkAccessKeys(definition),
    ...checkLayout(definition),
  );
  if (issues.length) return { ok: false, issues };
  const ruleIssues = analyzeRules(definition);
  return ruleIssues.length ? { ok: false, issues: ruleIssues } : { ok: true, definition };
}

/** Every property has a field and vice versa; each field's kind fits its property schema. */
function checkFields(definition: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const schema = definition.schema;
  const properties = schema.properties as Record<string, unknown>;
  const has = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key);
  for (const key of Object.keys(properties)) {
    if (!has(definition.fields, key)) {
      issues.push(issue(pointer('/fields', key), `schema property ${q(key)} has no field entry`, `模式属性 ${q(key)} 没有对应的字段定义`));
    }
  }
  for (const [key, spec] of Object.entries(definition.fields)) {
    if (!has(properties, key)) {
      issues.push(issue(pointer('/schema/properties', key), `field ${q(key)} has no schema property`, `字段 ${q(key)} 没有对应的模式属性`));
      continue;
    }
    issues.push(
      ...checkFieldKind(spec, properties[key], {
        root: schema as JsonSchema,
        fieldPath: pointer('/fields', key),
        schemaPath: pointer('/schema/properties', key),
        hasCompute: definition.rules?.[key]?.compute !== undefined,
      }),
    );
  }
  return issues;
}

/** Rules are keyed by field; a rule for a missing field would never run and hides a typo. */
function checkRuleKeys(definition: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  for (const key of Object.keys(definition.rules ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(definition.fields, key)) {
      issues.push(issue(pointer('/rules', key), `rules for unknown field ${q(key)}`, `规则引用了不存在的字段 ${q(key)}`));
    }
  }
  return issues;
}

/** Permissions name top-level fields (states and roles belong to the lifecycle; the workflows check those). */
function checkAccessKeys(definition: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  for (const [state, byRole] of Object.entries(definition.access ?? {})) {
    for (const [role, byField] of Object.entries(byRole)) {
      for (const key of Object.keys(byField)) {
        if (!Object.prototype.hasOwnProperty.call(definition.fields, key)) {
          issues.push(issue(pointer('/access', state, role, key), `field permissions for unknown field ${q(key)}`, `字段权限引用了不存在的字段 ${q(key)}`));
        }
      }
    }
  }
  return issues;
}
