/**
 * The structured rule editor's model: AND/OR groups of "field · operator · value" conditions, and the
 * exact JsonLogic they stand for (both ways). Expressions the model cannot show (arithmetic,
 * `if`…) stay editable as raw JSON; `fromJsonLogic` then returns null instead of guessing.
 * `checkRule` runs forms' analyzeRules on the would-be definition, so unknown fields and cycles
 * are flagged while the rule is typed, before anything is committed.
 */
import { analyzeRules, type Expression, type FormDefinition, type Issue } from '@nongan/forms';
import type { RuleKind } from './commands/ruleCommands.js';

export const CONDITION_OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'in', 'contains', 'empty', 'notEmpty'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATOR_LABELS: Record<ConditionOperator, { zh: string; en: string }> = {
  '==': { zh: '等于', en: 'equals' },
  '!=': { zh: '不等于', en: 'does not equal' },
  '>': { zh: '大于', en: 'greater than' },
  '>=': { zh: '大于等于', en: 'at least' },
  '<': { zh: '小于', en: 'less than' },
  '<=': { zh: '小于等于', en: 'at most' },
  in: { zh: '属于其中之一', en: 'is one of' },
  contains: { zh: '包含', en: 'contains' },
  empty: { zh: '为空', en: 'is empty' },
  notEmpty: { zh: '不为空', en: 'is not empty' },
};

export interface Condition {
  field: string;
  operator: ConditionOperator;
  /** Ignored by empty / notEmpty; an array for `in`. */
  value?: unknown;
}

export interface RuleGroup {
  combinator: 'and' | 'or';
  items: Array<Condition | RuleGroup>;
}

export const isGroup = (item: Condition | RuleGroup): item is RuleGroup => 'combinator' in item;

export function conditionToJsonLogic(c: Condition): Expression {
  const v = { var: c.field };
  switch (c.operator) {
    case 'empty':
      return { '!': v };
    case 'notEmpty':
      return { '!!': v };
    case 'in':
      return { in: [v, Array.isArray(c.value) ? c.value : [c.value ?? null]] };
    case 'contains':
      return { in: [c.value ?? null, v] };
    default:
      return { [c.operator]: [v, c.value ?? null] };
  }
}

/** A group of one item is written as that item; an empty group is "no rule" (undefined). */
export function toJsonLogic(group: RuleGroup): Expression | undefined {
  const parts = group.items.map((item) => (isGroup(item) ? toJsonLogic(item) : conditionToJsonLogic(item))).filter((e) => e !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { [group.combinator]: parts };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function varName(v: unknown): string | null {
  if (!isObj(v) || Object.keys(v).length !== 1 || !('var' in v)) return null;
  const name = Array.isArray(v.var) ? v.var[0] : v.var;
  return typeof name === 'string' ? name : null;
}

function conditionFrom(expr: unknown): Condition | null {
  if (!isObj(expr)) return null;
  const keys = Object.keys(expr);
  if (keys.length !== 1) return null;
  const op = keys[0]!;
  const args = expr[op];
  if (op === '!' || op === '!!') {
    const field = varName(Array.isArray(args) ? args[0] : args);
    return field ? { field, operator: op === '!' ? 'empty' : 'notEmpty' } : null;
  }
  if (!Array.isArray(args) || args.length !== 2) return null;
  if (op === 'in') {
    const field = varName(args[0]);
    if (field && Array.isArray(args[1])) return { field, operator: 'in', value: args[1] };
    const inField = varName(args[1]);
    if (inField && !isObj(args[0])) return { field: inField, operator: 'contains', value: args[0] };
    return null;
  }
  if (!(['==', '!=', '>', '>=', '<', '<='] as string[]).includes(op)) return null;
  const field = varName(args[0]);
  if (!field || isObj(args[1]) || Array.isArray(args[1])) return null;
  return { field, operator: op as ConditionOperator, value: args[1] };
}

/** The structured form of an expression, or null when it is not conditions in AND/OR groups. */
export function fromJsonLogic(expr: Expression | undefined, depth = 0): RuleGroup | null {
  if (expr === undefined) return { combinator: 'and', items: [] };
  if (depth > 16) return null;
  if (isObj(expr) && Object.keys(expr).length === 1 && ('and' in expr || 'or' in expr)) {
    const combinator = 'and' in expr ? 'and' : 'or';
    const args = expr[combinator];
    if (!Array.isArray(args)) return null;
    const items: Array<Condition | RuleGroup> = [];
    for (const arg of args) {
      const c = conditionFrom(arg);
      if (c) items.push(c);
      else {
        const g = fromJsonLogic(arg, depth + 1);
        if (!g) return null;
        items.push(g);
      }
    }
    return { combinator, items };
  }
  const c = conditionFrom(expr);
  return c ? { combinator: 'and', items: [c] } : null;
}

/** Issues the rule would cause: those under this field's rule, and any dependency cycle. */
export function checkRule(definition: FormDefinition, key: string, rule: RuleKind, expression: Expression | undefined): Issue[] {
  const rules = { ...(definition.rules ?? {}) };
  const own: Record<string, Expression> = { ...(rules[key] ?? {}) };
  if (expression === undefined) delete own[rule];
  else own[rule] = expression;
  rules[key] = own;
  const issues = analyzeRules({ ...definition, rules });
  const prefix = `/rules/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/${rule}`;
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`) || i.message.startsWith('dependency cycle'));
}
