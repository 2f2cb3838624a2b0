/**
 * The structured rule editor for one field: pick the rule (visible if / required if / read-only if /
 * computed), build AND/OR groups of "field · operator · value", see the JsonLogic it makes and edit
 * that JSON directly. Unknown fields and cycles are flagged as you type (forms' analyzeRules on the
 * would-be definition), before anything is committed.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Expression, FieldSpec, FormDefinition } from '@nongan/forms';
import { RULE_KINDS, setRule, type RuleKind } from '../core/commands/ruleCommands.js';
import { checkRule, CONDITION_OPERATORS, fromJsonLogic, isGroup, OPERATOR_LABELS, toJsonLogic, type Condition, type ConditionOperator, type RuleGroup } from '../core/ruleModel.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import { Group, IssueList, Select, uncommittedProps } from './inputs.js';
import { pick, say } from './text.js';

const RULE_LABELS: Record<RuleKind, { zh: string; en: string }> = {
  visibleIf: { zh: '显示条件', en: 'Visible if' },
  requiredIf: { zh: '必填条件', en: 'Required if' },
  readOnlyIf: { zh: '只读条件', en: 'Read-only if' },
  compute: { zh: '计算公式', en: 'Computed value' },
};

export function RuleEditor({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const [rule, setRuleKind] = useState<RuleKind>('visibleIf');
  const expression = useDesignerSelector((s) => s.state.definition.rules?.[fieldKey]?.[rule], [fieldKey, rule]);
  // What rule analysis depends on: the rules and each field's kind/columns — not labels, so typing a
  // label does not re-run the analysis of a 300-field form.
  const fields = useDesignerSelector((s) => s.state.definition.fields, [], sameShape);
  const rules = useDesignerSelector((s) => s.state.definition.rules);
  const rawId = useId();
  const [raw, setRaw] = useState(() => show(expression));
  const [rawError, setRawError] = useState<string | null>(null);
  useEffect(() => {
    // Keep what is being typed when it already says the same thing (no cursor jumps while typing).
    const typed = safeParse(raw);
    if (typed.ok && show(typed.value) === show(expression)) return;
    setRaw(show(expression));
    setRawError(null);
  }, [expression]);
  const group = fromJsonLogic(expression);
  // Structured edits are one undo step each; typing in the raw JSON is one step per typing run.
  const commit = (next: Expression | undefined, typing = false) => run(() => setRule(fieldKey, rule, next), typing ? `${fieldKey}:raw:${rule}` : undefined);
  const pending = rawError === null ? safeParse(raw) : undefined;
  const candidate = pending?.ok ? pending.value : expression;
  const issues = useMemo(() => checkRule({ fields, rules } as FormDefinition, fieldKey, rule, candidate), [fields, rules, fieldKey, rule, show(candidate)]);
  const others = Object.entries(fields).filter(([k]) => k !== fieldKey);
  return (
    <Group legend={say(locale, '规则', 'Rules')}>
      <Select label={say(locale, '规则类型', 'Rule')} value={rule} options={RULE_KINDS.map((r) => ({ value: r, label: `${say(locale, RULE_LABELS[r].zh, RULE_LABELS[r].en)}${definitionHas(rules?.[fieldKey], r) ? ' ●' : ''}` }))} onChange={setRuleKind} />
      {group && rule !== 'compute' ? (
        <GroupEditor group={group} fields={others} onChange={(g) => commit(toJsonLogic(g))} depth={0} disabled={locked} />
      ) : (
        rule !== 'compute' && <p>{say(locale, '此规则无法用条件编辑器表示，请编辑下方 JSON。', 'This rule cannot be shown as conditions; edit the JSON below.')}</p>
      )}
      <label htmlFor={rawId}>{say(locale, 'JsonLogic 原文', 'Raw JsonLogic')}</label>
      <textarea
        id={rawId}
        className="ngd-raw"
        rows={3}
        value={raw}
        {...uncommittedProps(rawError !== null)}
        disabled={locked}
        onChange={(e) => {
          setRaw(e.target.value);
          const parsed = safeParse(e.target.value);
          if (!parsed.ok) return setRawError(say(locale, `JSON 无效：${parsed.error}`, `invalid JSON: ${parsed.error}`));
          setRawError(null);
          commit(parsed.value, true);
        }}
      />
      {rawError && <p className="ngd-issues" role="alert">{rawError}</p>}
      <IssueList issues={issues} locale={locale} />
      {expression !== undefined && (
        <button type="button" disabled={locked} onClick={() => commit(undefined)}>
          {say(locale, '删除此规则', 'Remove this rule')}
        </button>
      )}
      <span className="ngd-visually-hidden">{pick(fields[fieldKey]?.label, locale)}</span>
    </Group>
  );
}

function sameShape(a: Record<string, FieldSpec>, b: Record<string, FieldSpec>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k]!.kind === b[k]!.kind && a[k]!.columns === b[k]!.columns && a[k]!.options === b[k]!.options);
}

const definitionHas = (rules: object | undefined, r: string) => rules !== undefined && (rules as Record<string, unknown>)[r] !== undefined;
const show = (e: Expression | undefined) => (e === undefined ? '' : JSON.stringify(e));

function safeParse(text: string): { ok: true; value: Expression | undefined } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as Expression };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function GroupEditor({ group, fields, onChange, depth, disabled }: { group: RuleGroup; fields: Array<[string, FieldSpec]>; onChange: (g: RuleGroup) => void; depth: number; disabled: boolean }) {
  const { locale } = useDesignerEnv();
  const first = fields[0]?.[0] ?? '';
  const setItem = (i: number, item: Condition | RuleGroup | null) => onChange({ ...group, items: item === null ? group.items.filter((_, j) => j !== i) : group.items.map((x, j) => (j === i ? item : x)) });
  return (
    <div className="ngd-rule-group" role="group" aria-label={say(locale, `条件组（第 ${depth + 1} 层）`, `Condition group (level ${depth + 1})`)}>
      <Select
        label={say(locale, '组合方式', 'Combine with')}
        value={group.combinator}
        disabled={disabled}
        options={[
          { value: 'and', label: say(locale, '全部满足（AND）', 'all of (AND)') },
          { value: 'or', label: say(locale, '任一满足（OR）', 'any of (OR)') },
        ]}
        onChange={(combinator) => onChange({ ...group, combinator })}
      />
      {group.items.map((item, i) =>
        isGroup(item) ? (
          <GroupEditor key={i} group={item} fields={fields} depth={depth + 1} disabled={disabled} onChange={(g) => setItem(i, g.items.length ? g : null)} />
        ) : (
          <ConditionRow key={i} index={i} condition={item} fields={fields} disabled={disabled} onChange={(c) => setItem(i, c)} />
        ),
      )}
      <div>
        <button type="button" disabled={disabled || !first} onClick={() => onChange({ ...group, items: [...group.items, { field: first, operator: '==', value: '' }] })}>
          {say(locale, '添加条件', 'Add condition')}
        </button>
        {depth < 3 && (
          <button type="button" disabled={disabled || !first} onClick={() => onChange({ ...group, items: [...group.items, { combinator: group.combinator === 'and' ? 'or' : 'and', items: [{ field: first, operator: '==', value: '' }] }] })}>
            {say(locale, '添加条件组', 'Add group')}
          </button>
        )}
      </div>
    </div>
  );
}

function ConditionRow({ index, condition, fields, onChange, disabled }: { index: number; condition: Condition; fields: Array<[string, FieldSpec]>; onChange: (c: Condition | null) => void; disabled: boolean }) {
  const { locale } = useDesignerEnv();
  const spec = fields.find(([k]) => k === condition.field)?.[1];
  const known = spec !== undefined;
  const numeric = spec?.kind === 'number' || spec?.kind === 'integer';
  const parse = (text: string): unknown => (numeric && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text === 'true' && spec?.kind === 'switch' ? true : text === 'false' && spec?.kind === 'switch' ? false : text);
  const n = index + 1;
  const noValue = condition.operator === 'empty' || condition.operator === 'notEmpty';
  return (
    <div className="ngd-cond">
      <select aria-label={say(locale, `条件 ${n} 的字段`, `Field of condition ${n}`)} value={condition.field} disabled={disabled} onChange={(e) => onChange({ ...condition, field: e.target.value })}>
        {!known && <option value={condition.field}>{say(locale, `未知字段 ${condition.field}`, `unknown field ${condition.field}`)}</option>}
        {fields.map(([k, s]) => (
          <option key={k} value={k}>
            {pick(s.label, locale) || k}
          </option>
        ))}
      </select>
      <select aria-label={say(locale, `条件 ${n} 的运算符`, `Operator of condition ${n}`)} value={condition.operator} disabled={disabled} onChange={(e) => onChange({ ...condition, operator: e.target.value as ConditionOperator, ...(e.target.value === 'in' ? { value: [] } : {}) })}>
        {CONDITION_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {say(locale, OPERATOR_LABELS[op].zh, OPERATOR_LABELS[op].en)}
          </option>
        ))}
      </select>
      {!noValue &&
        (spec?.options && condition.operator !== 'in' ? (
          <select aria-label={say(locale, `条件 ${n} 的取值`, `Value of condition ${n}`)} value={String(condition.value ?? '')} disabled={disabled} onChange={(e) => onChange({ ...condition, value: spec.options!.find((o) => String(o.value) === e.target.value)?.value ?? e.target.value })}>
            <option value="">—</option>
            {spec.options.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {pick(o.label, locale)}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            aria-label={say(locale, `条件 ${n} 的取值${condition.operator === 'in' ? '（逗号分隔）' : ''}`, `Value of condition ${n}${condition.operator === 'in' ? ' (comma separated)' : ''}`)}
            value={Array.isArray(condition.value) ? condition.value.join(',') : String(condition.value ?? '')}
            disabled={disabled}
            onChange={(e) => onChange({ ...condition, value: condition.operator === 'in' ? e.target.value.split(',').map((s) => parse(s.trim())) : parse(e.target.value) })}
          />
        ))}
      <button type="button" disabled={disabled} aria-label={say(locale, `删除条件 ${n}`, `Remove condition ${n}`)} onClick={() => onChange(null)}>
        ✕
      </button>
    </div>
  );
}
