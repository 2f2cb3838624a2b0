/** Setting or clearing one rule (visibleIf / requiredIf / readOnlyIf / compute) of a field. */
import type { Expression, FieldRules, LocalText } from '@nongan/forms';
import { DesignerError, type Command } from '../types.js';
import { edit, requireField, withField, without } from './edit.js';

export const RULE_KINDS = ['visibleIf', 'requiredIf', 'readOnlyIf', 'compute'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const t = (zh: string, en: string): LocalText => ({ zh, en });

/** `expression === undefined` removes the rule. Unknown fields and cycles are reported, not refused. */
export function setRule(key: string, rule: RuleKind, expression: Expression | undefined): Command {
  return edit('rule.set', expression === undefined ? t('删除规则', 'Remove rule') : t('设置规则', 'Set rule'), (state) => {
    requireField(state, key);
    if (!(RULE_KINDS as readonly string[]).includes(rule)) throw new DesignerError(`未知规则 "${rule}"`, `unknown rule "${rule}"`);
    if (expression !== undefined) assertJson(expression);
    const def = state.definition;
    const current: Record<string, Expression> = { ...(def.rules?.[key] ?? {}) };
    if (expression === undefined) delete current[rule];
    else current[rule] = expression;
    let rules = def.rules ?? {};
    rules = Object.keys(current).length ? withField(rules, key, current as FieldRules) : without(rules, key);
    const { rules: _old, ...rest } = def;
    return { ...state, definition: Object.keys(rules).length ? { ...rest, rules } : rest };
  });
}

function assertJson(value: unknown): void {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('undefined');
  } catch {
    throw new DesignerError('规则必须是 JSON 值', 'a rule must be a JSON value');
  }
}
