/**
 * Variant mode: the base form's fields with their lineage (inherited / overridden / added / hidden),
 * per field: hide, relabel, tighten; regional fields added after a base field; rebase onto a newer
 * base version with its conflicts to settle. The overlay keeps only differences (core/variant.ts).
 */
import { memo, useId, useState } from 'react';
import type { FieldKind, FieldRules, JsonSchema, Lineage } from '@nongan/forms';
import { PALETTE_FIELDS } from '../core/palette.js';
import { addVariantField, draftLineage, relabel, removeVariantField, setHidden, updateVariantField, setVariantOptions, setVariantRules, settleConflict, tighten } from '../core/variant.js';
import { DICTIONARIES } from '../core/dictionaries.js';
import { useDesignerEnv, useDesignerSelector, useRun, shallowEqualArrays } from './context.js';
import { Checkbox, NumberInput, Select, TextInput } from './inputs.js';
import { pick, say } from './text.js';
import { useWorkspace } from './workspace.js';

const LINEAGE: Record<Lineage, { zh: string; en: string }> = {
  inherited: { zh: '继承', en: 'inherited' },
  overridden: { zh: '已覆盖', en: 'overridden' },
  added: { zh: '新增', en: 'added' },
  hidden: { zh: '已隐藏', en: 'hidden' },
};

export function VariantMode() {
  const { locale } = useDesignerEnv();
  const workspace = useWorkspace();
  const region = useDesignerSelector((s) => s.state.variant?.variant.region ?? null);
  const baseRef = useDesignerSelector((s) => s.state.variant?.variant.base ?? null);
  const keys = useDesignerSelector((s) => (s.state.variant ? [...Object.keys(s.state.variant.base.fields), ...Object.keys(s.state.variant.variant.overlay.add ?? {})] : []), [], shallowEqualArrays);
  if (!region || !baseRef) return null;
  const newer = (workspace?.baseVersions ?? []).filter((v) => v.version !== baseRef.version && v.publishedAt && isNewer(v.version, baseRef.version));
  return (
    <section className="ngd-panel ngd-variant" aria-label={say(locale, '区域变体', 'Regional variant')}>
      <h2>
        {say(locale, `区域变体：${region}`, `Regional variant: ${region}`)} · {say(locale, `基于 ${baseRef.id}@${baseRef.version}`, `based on ${baseRef.id}@${baseRef.version}`)}
      </h2>
      <Conflicts />
      {newer.length > 0 && (
        <p>
          {newer.map((v) => (
            <button key={v.version} type="button" onClick={() => void workspace?.rebaseTo(v.version)}>
              {say(locale, `变基到基础表单 ${v.version}`, `Rebase onto base ${v.version}`)}
            </button>
          ))}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{say(locale, '字段', 'Field')}</th>
            <th scope="col">{say(locale, '来源', 'Lineage')}</th>
            <th scope="col">{say(locale, '区域设置', 'Regional settings')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <VariantFieldRow key={key} fieldKey={key} />
          ))}
        </tbody>
      </table>
      <AddRegionalField />
    </section>
  );
}

function isNewer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return a > b;
    if (x !== y) return x > y;
  }
  return false;
}

const VariantFieldRow = memo(function VariantFieldRow({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const lineage = useDesignerSelector((s) => (s.state.variant ? draftLineage(s.state.variant)[fieldKey] : undefined), [fieldKey]);
  const baseSpec = useDesignerSelector((s) => s.state.variant?.base.fields[fieldKey], [fieldKey]);
  const added = useDesignerSelector((s) => s.state.variant?.variant.overlay.add?.[fieldKey], [fieldKey]);
  const relabelled = useDesignerSelector((s) => s.state.variant?.variant.overlay.relabel?.[fieldKey], [fieldKey]);
  const tightening = useDesignerSelector((s) => s.state.variant?.variant.overlay.tighten?.[fieldKey], [fieldKey]);
  const baseProperty = useDesignerSelector((s) => ((s.state.variant?.base.schema.properties ?? {}) as Record<string, JsonSchema>)[fieldKey], [fieldKey]);
  const baseRequired = useDesignerSelector((s) => Array.isArray(s.state.variant?.base.schema.required) && (s.state.variant!.base.schema.required as string[]).includes(fieldKey), [fieldKey]);
  const spec = added?.field ?? baseSpec;
  if (!spec || !lineage) return null;
  const label = relabelled?.label ?? spec.label;
  const name = pick(label, locale) || fieldKey;
  const hidden = lineage === 'hidden';
  const type = (added?.schema ?? baseProperty)?.type;
  const bounds: Array<['minimum' | 'maximum' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems', string, string]> =
    type === 'number' || type === 'integer'
      ? [['minimum', '最小值', 'Minimum'], ['maximum', '最大值', 'Maximum']]
      : type === 'string'
        ? [['minLength', '最小长度', 'Min length'], ['maxLength', '最大长度', 'Max length']]
        : type === 'array'
          ? [['minItems', '最少条数', 'Min items'], ['maxItems', '最多条数', 'Max items']]
          : [];
  return (
    <tr data-variant-field={fieldKey}>
      <th scope="row">
        {name} <span className="ngd-kind">{fieldKey}</span>
      </th>
      <td>
        <span className={`ngd-lineage ngd-lineage--${lineage}`}>{say(locale, LINEAGE[lineage].zh, LINEAGE[lineage].en)}</span>
      </td>
      <td>
        {added ? (
          <>
            <TextInput label={say(locale, `字段标签（中文）：${fieldKey}`, `Field label (Chinese): ${fieldKey}`)} value={added.field.label.zh} disabled={locked} onChange={(v) => run(() => updateVariantField(fieldKey, (e) => ({ ...e, field: { ...e.field, label: { ...e.field.label, zh: v } } })), `${fieldKey}:alabel`)} />
            <TextInput label={say(locale, `字段标签（英文）：${fieldKey}`, `Field label (English): ${fieldKey}`)} value={added.field.label.en} disabled={locked} onChange={(v) => run(() => updateVariantField(fieldKey, (e) => ({ ...e, field: { ...e.field, label: { ...e.field.label, en: v } } })), `${fieldKey}:alabel`)} />
            <button type="button" disabled={locked} onClick={() => run(() => removeVariantField(fieldKey))}>
              {say(locale, `删除区域字段：${name}`, `Remove regional field: ${name}`)}
            </button>
          </>
        ) : (
          <>
            <Checkbox label={say(locale, `隐藏：${name}`, `Hide: ${name}`)} checked={hidden} disabled={locked} onChange={(v) => run(() => setHidden(fieldKey, v))} />
            {!hidden && (
              <details>
                <summary>{say(locale, `覆盖与收紧：${name}`, `Override and tighten: ${name}`)}</summary>
                <TextInput label={say(locale, `区域标签（中文）：${fieldKey}`, `Regional label (Chinese): ${fieldKey}`)} value={label.zh} disabled={locked} onChange={(v) => run(() => relabel(fieldKey, { label: { zh: v, en: label.en } }), `${fieldKey}:vlabel`)} />
                <TextInput label={say(locale, `区域标签（英文）：${fieldKey}`, `Regional label (English): ${fieldKey}`)} value={label.en} disabled={locked} onChange={(v) => run(() => relabel(fieldKey, { label: { zh: label.zh, en: v } }), `${fieldKey}:vlabel`)} />
                {bounds.map(([bound, zh, en]) => (
                  <NumberInput
                    key={bound}
                    label={say(locale, `${zh}（基础：${String(baseProperty?.[bound] ?? '无')}）：${fieldKey}`, `${en} (base: ${String(baseProperty?.[bound] ?? 'none')}): ${fieldKey}`)}
                    integer={bound !== 'minimum' && bound !== 'maximum'}
                    value={tightening?.[bound] as number | undefined}
                    disabled={locked}
                    onChange={(v) => run(() => tighten(fieldKey, { [bound]: v }), `${fieldKey}:t:${bound}`)}
                  />
                ))}
                {(spec.kind === 'select' || spec.kind === 'radio' || spec.kind === 'checkboxes') && <RegionalOptions fieldKey={fieldKey} />}
                <RegionalRules fieldKey={fieldKey} />
                {!baseRequired && <Checkbox label={say(locale, `本地区必填：${name}`, `Required in this region: ${name}`)} checked={tightening?.required === true} disabled={locked} onChange={(v) => run(() => tighten(fieldKey, { required: v ? true : undefined }))} />}
              </details>
            )}
          </>
        )}
      </td>
    </tr>
  );
});

function Conflicts() {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const conflicts = useDesignerSelector((s) => s.state.variant?.conflicts ?? []);
  if (!conflicts.length) return null;
  return (
    <div role="region" aria-label={say(locale, '变基冲突', 'Rebase conflicts')}>
      <h3 className="ngd-page-title">{say(locale, `变基冲突（${conflicts.length}）：处理后才能发布`, `Rebase conflicts (${conflicts.length}): settle them to publish`)}</h3>
      <ul>
        {conflicts.map((c, i) => (
          <li key={`${c.path}-${i}`}>
            <code>{c.path}</code> {locale === 'en' ? c.message : c.messageZh}{' '}
            <button type="button" disabled={locked} onClick={() => run(() => settleConflict(i, 'drop'))}>
              {say(locale, '放弃此差异', 'Drop this entry')}
            </button>{' '}
            <button type="button" disabled={locked} onClick={() => run(() => settleConflict(i, 'keep'))}>
              {say(locale, '保留', 'Keep')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddRegionalField() {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const keys = useDesignerSelector((s) => (s.state.variant ? Object.keys(s.state.variant.base.fields) : []), [], shallowEqualArrays);
  const [kind, setKind] = useState<FieldKind>('text');
  const [key, setKey] = useState('');
  const [after, setAfter] = useState('');
  const [required, setRequired] = useState(false);
  const afterId = useId();
  return (
    <fieldset>
      <legend>{say(locale, '新增区域字段', 'Add a regional field')}</legend>
      <Select label={say(locale, '控件类型', 'Kind')} value={kind} options={PALETTE_FIELDS.filter((p) => p.kind !== 'computed').map((p) => ({ value: p.kind, label: pick(p.label, locale) }))} onChange={setKind} />
      <TextInput label={say(locale, '字段键（可留空）', 'Field key (optional)')} value={key} onChange={setKey} />
      <label htmlFor={afterId}>{say(locale, '放在此字段之后', 'Place after')}</label>
      <select id={afterId} value={after} onChange={(e) => setAfter(e.target.value)}>
        <option value="">{say(locale, '（第一个分区末尾）', '(end of the first section)')}</option>
        {keys.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <Checkbox label={say(locale, '必填', 'Required')} checked={required} onChange={setRequired} />
      <button type="button" disabled={locked} onClick={() => run(() => addVariantField(kind, { ...(key ? { key } : {}), ...(after ? { after } : {}), required })) && setKey('')}>
        {say(locale, '新增', 'Add')}
      </button>
    </fieldset>
  );
}

/** Swap a choice field's option list for the region (from a dictionary), or go back to the base's. */
function RegionalOptions({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const current = useDesignerSelector((s) => s.state.variant?.variant.overlay.options?.[fieldKey], [fieldKey]);
  const id = useId();
  const chosen = current ? (Object.entries(DICTIONARIES).find(([, d]) => JSON.stringify(d.options) === JSON.stringify(current))?.[0] ?? 'custom') : '';
  return (
    <>
      <label htmlFor={id}>{say(locale, `区域选项：${fieldKey}`, `Regional options: ${fieldKey}`)}</label>
      <select id={id} value={chosen} disabled={locked} onChange={(e) => run(() => setVariantOptions(fieldKey, DICTIONARIES[e.target.value]?.options))}>
        <option value="">{say(locale, '（沿用基础表单选项）', "(the base form's options)")}</option>
        {chosen === 'custom' && <option value="custom">{say(locale, '（自定义）', '(custom)')}</option>}
        {Object.entries(DICTIONARIES).map(([key, d]) => (
          <option key={key} value={key}>
            {say(locale, d.label.zh, d.label.en)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * Replace a field's whole rule set for the region (JSON). Needed e.g. when the region hides a
 * field that a base rule reads: resolveVariant then asks for that rule to be overridden.
 */
function RegionalRules({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const current = useDesignerSelector((s) => s.state.variant?.variant.overlay.rules?.[fieldKey], [fieldKey]);
  const base = useDesignerSelector((s) => s.state.variant?.base.rules?.[fieldKey], [fieldKey]);
  const [text, setText] = useState(current ? JSON.stringify(current) : '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{say(locale, `区域规则（JSON，留空则沿用基础）：${fieldKey}`, `Regional rules (JSON; empty keeps the base's): ${fieldKey}`)}</label>
      <textarea
        id={id}
        className="ngd-raw"
        rows={2}
        disabled={locked}
        placeholder={base ? JSON.stringify(base) : '{"visibleIf": …}'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(null);
            run(() => setVariantRules(fieldKey, undefined), `${fieldKey}:vrules`);
            return;
          }
          try {
            const parsed = JSON.parse(e.target.value) as unknown;
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(say(locale, '需要对象，如 {"visibleIf": …}', 'an object is needed, e.g. {"visibleIf": …}'));
            setError(null);
            run(() => setVariantRules(fieldKey, parsed as FieldRules), `${fieldKey}:vrules`);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {error && (
        <p className="ngd-issues" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
