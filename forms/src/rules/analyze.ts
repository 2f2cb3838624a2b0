/**
 * Static analysis of a definition's rules, run when a definition is loaded or saved in the designer:
 * everything that would make a rule wrong at run time is found here, with a JSON pointer to it, so a
 * broken rule is fixed by its author instead of silently hiding a field from a farmer.
 *
 * Checks: the shape of `rules` (known fields, known rule names), each expression (JSON only, one
 * allow-listed operator per object, argument counts, literal `var` paths to known fields / rows
 * columns, no prototype keys), where `compute` may go, and dependency cycles among visibleIf/compute.
 *
 * Decision: any field kind may carry `compute` (it then becomes read-only and keeps its own
 * presentation, e.g. a `switch` for a yes/no or an `integer` with a unit) except `attachments` and
 * `signature`, which hold what a person uploaded or signed. A field of kind `computed` must have one.
 */
import type { FormDefinition, Issue } from '../definition/types.js';
import { buildRuleGraph, RULE_NAMES, type RuleName } from './dependencies.js';
import { childPointer, issue } from './issues.js';
import { FORBIDDEN_KEYS } from './operators.js';
import { inspectExpression } from './references.js';

/** Kinds whose value a person supplies and a rule cannot derive. */
const NOT_COMPUTABLE: ReadonlySet<string> = new Set(['attachments', 'signature']);

export function analyzeRules(definition: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const fields = definition.fields;
  const rules: unknown = definition.rules;

  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules))) {
    issues.push(issue('/rules', 'rules must be an object keyed by field', 'rules 必须是以字段为键的对象'));
    return issues;
  }
  const entries = Object.entries((rules ?? {}) as Record<string, unknown>);

  for (const [field, fieldRules] of entries) {
    const base = childPointer('/rules', field);
    if (!Object.hasOwn(fields, field)) {
      issues.push(issue(base, `rules for unknown field "${field}"`, `规则所属字段 "${field}" 不存在`));
    }
    if (fieldRules === null || typeof fieldRules !== 'object' || Array.isArray(fieldRules)) {
      issues.push(issue(base, 'the rules of a field must be an object', '字段的规则必须是对象'));
      continue;
    }
    for (const [name, expression] of Object.entries(fieldRules)) {
      const path = childPointer(base, name);
      if (!(RULE_NAMES as readonly string[]).includes(name)) {
        issues.push(
          issue(path, `unknown rule "${name}" (expected ${RULE_NAMES.join(', ')})`, `未知规则 "${name}"（应为 ${RULE_NAMES.join('、')}）`),
        );
        continue;
      }
      if (expression === undefined) continue;
      issues.push(...inspectExpression(expression, path, fields).issues);
    }
    const kind = Object.hasOwn(fields, field) ? fields[field]!.kind : undefined;
    if (kind && NOT_COMPUTABLE.has(kind) && (fieldRules as Record<string, unknown>).compute !== undefined) {
      issues.push(
        issue(childPointer(base, 'compute'), `a ${kind} field cannot be computed`, `${kind} 类型的字段不能由规则计算`),
      );
    }
  }

  for (const [field, spec] of Object.entries(fields)) {
    if (FORBIDDEN_KEYS.has(field)) {
      // Rules could never read it, and writing it into a plain object would replace the prototype.
      issues.push(issue(childPointer('/fields', field), `"${field}" is a reserved key`, `"${field}" 是保留键名，不能作为字段名`));
    }
    const entry = entries.find(([key]) => key === field)?.[1] as Record<string, unknown> | undefined;
    if (spec.kind === 'computed' && (entry === undefined || entry === null || typeof entry !== 'object' || entry.compute === undefined)) {
      issues.push(
        issue(childPointer('/fields', field, 'kind'), `computed field "${field}" has no compute rule`, `计算字段 "${field}" 缺少 compute 规则`),
      );
    }
  }

  const graph = buildRuleGraph(definition);
  for (const cycle of graph.cycles) {
    const [first, second] = cycle as [string, string];
    // Point at the rule of the first field that reads the next one in the cycle.
    const rule: RuleName = graph.readsOf(first, 'visibleIf').includes(second) ? 'visibleIf' : 'compute';
    const shown = cycle.join(' → ');
    issues.push(
      issue(
        childPointer('/rules', first, rule),
        `dependency cycle: ${shown} (each rule reads the next field)`,
        `规则循环依赖：${shown}（每条规则读取下一个字段）`,
      ),
    );
  }
  return issues;
}
