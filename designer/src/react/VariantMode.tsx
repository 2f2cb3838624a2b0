/**
 * Variant mode: the base form's fields with their lineage (inherited / overridden / added / hidden),
 * listed in the variant's layout order; per field: hide, move (↑/↓ or "place after"), relabel
 * (label, help, unit), tighten (bounds, pattern — checked as typed with forms' checkPattern);
 * regional fields added after a base field; rebase onto a newer
 * base version with its conflicts to settle. The overlay keeps only differences (core/variant.ts).
 */
import { memo, useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { checkPattern, type FieldKind, type FieldRules, type Issue, type JsonSchema, type Lineage } from '@nongan/forms';
import { PALETTE_FIELDS } from '../core/palette.js';
import { addVariantField, draftLineage, moveVariantField, moveVariantFieldBy, relabel, removeVariantField, setHidden, updateVariantField, setVariantOptions, setVariantRules, settleConflict, tighten, variantFieldOrder } from '../core/variant.js';
import { DICTIONARIES } from '../core/dictionaries.js';
import { useDesignerEnv, useDesignerSelector, useRun, shallowEqualArrays } from './context.js';
import { Checkbox, IssueList, NumberInput, Select, TextInput, uncommittedProps } from './inputs.js';
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
  const keys = useDesignerSelector((s) => (s.state.variant ? variantFieldOrder(s.state.variant) : []), [], shallowEqualArrays);
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
        {!hidden && <Position fieldKey={fieldKey} name={name} />}
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
                {type === 'string' && (spec.kind === 'text' || spec.kind === 'textarea') && <RegionalPattern fieldKey={fieldKey} basePattern={typeof baseProperty?.pattern === 'string' ? baseProperty.pattern : undefined} stored={tightening?.pattern} />}
                <RegionalText fieldKey={fieldKey} what="help" zh="帮助说明" en="Help text" value={relabelled?.help ?? spec.help} />
                {(type === 'number' || type === 'integer' || spec.unit) && <RegionalText fieldKey={fieldKey} what="unit" zh="单位" en="Unit" value={relabelled?.unit ?? spec.unit} />}
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

/**
 * Where the field sits in the region's form: ↑/↓ (one step among the visible fields, in document
 * order) and "place after" (any field, across sections). Stored as `overlay.move`, only differences.
 */
function Position({ fieldKey, name }: { fieldKey: string; name: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const [choosing, setChoosing] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const done = () => {
    setChoosing(false);
    requestAnimationFrame(() => toggle.current?.focus());
  };
  // The row moves in the table: keep keyboard focus on the button that moved it.
  const keepFocus = (e: MouseEvent<HTMLButtonElement>) => {
    const button = e.currentTarget;
    requestAnimationFrame(() => {
      if (button.isConnected && document.activeElement !== button) button.focus();
    });
  };
  return (
    <div className="ngd-variant-position">
      <button type="button" disabled={locked} onClick={(e) => run(() => moveVariantFieldBy(fieldKey, -1)) && keepFocus(e)}>
        {say(locale, '上移', 'Move up')}
        <span className="ngd-visually-hidden">{say(locale, `：${name}`, `: ${name}`)}</span>
      </button>{' '}
      <button type="button" disabled={locked} onClick={(e) => run(() => moveVariantFieldBy(fieldKey, 1)) && keepFocus(e)}>
        {say(locale, '下移', 'Move down')}
        <span className="ngd-visually-hidden">{say(locale, `：${name}`, `: ${name}`)}</span>
      </button>{' '}
      <button ref={toggle} type="button" disabled={locked} aria-expanded={choosing} onClick={() => setChoosing((v) => !v)}>
        {say(locale, '移到…', 'Move to…')}
        <span className="ngd-visually-hidden">{say(locale, `：${name}`, `: ${name}`)}</span>
      </button>
      {/* The list of every field is rendered on demand only: a 300-field form would otherwise carry 300 × 300 options. */}
      {choosing && <PlaceAfter fieldKey={fieldKey} onDone={done} />}
    </div>
  );
}

function PlaceAfter({ fieldKey, onDone }: { fieldKey: string; onDone: () => void }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const after = useDesignerSelector((s) => s.state.variant?.variant.overlay.move?.find((m) => m.field === fieldKey)?.after ?? '', [fieldKey]);
  const others = useDesignerSelector((s) => (s.state.variant ? variantFieldOrder(s.state.variant).filter((k) => k !== fieldKey && !(s.state.variant!.variant.overlay.hide ?? []).includes(k)) : []), [fieldKey], shallowEqualArrays);
  const id = useId();
  return (
    <>
      {' '}
      <label htmlFor={id}>{say(locale, `放在此字段之后：${fieldKey}`, `Place after: ${fieldKey}`)}</label>
      <select
        id={id}
        autoFocus
        value={others.includes(after) ? after : ''}
        disabled={locked}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        onChange={(e) => run(() => moveVariantField(fieldKey, e.target.value === '' ? null : e.target.value)) && onDone()}
      >
        <option value="">{say(locale, '（基础表单中的位置）', '(its place in the base form)')}</option>
        {others.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * A stricter `pattern` for the region (only where the base has none: two patterns cannot be
 * compared). Checked as typed with forms' checkPattern: a refused pattern (backreference,
 * lookaround, invalid…) shows its reason and is not stored — the overlay keeps no pattern until
 * the text is acceptable.
 */
function RegionalPattern({ fieldKey, basePattern, stored }: { fieldKey: string; basePattern: string | undefined; stored: string | undefined }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const [text, setText] = useState(stored ?? '');
  const [problem, setProblem] = useState<Issue | null>(null);
  const id = useId();
  const errorId = useId();
  // Undo / redo / a rebase changed the stored pattern: show it (a refused text stays until edited).
  useEffect(() => {
    if (stored !== undefined) {
      setText(stored);
      setProblem(null);
    } else if (problem === null) setText('');
  }, [stored]);
  if (basePattern !== undefined) {
    return <p>{say(locale, `正则格式：基础表单已规定 ${basePattern}，区域不能更改`, `Pattern: the base form sets ${basePattern}; a region cannot change it`)}</p>;
  }
  const coalesce = `${fieldKey}:t:pattern`;
  return (
    <>
      <label htmlFor={id}>{say(locale, `正则格式（基础：无，留空则不限）：${fieldKey}`, `Pattern (base: none; empty for none): ${fieldKey}`)}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        value={text}
        disabled={locked}
        aria-invalid={problem !== null}
        {...uncommittedProps(problem !== null)}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          const issue = value === '' ? null : checkPattern(value, `/overlay/tighten/${fieldKey}/pattern`);
          setProblem(issue);
          if (issue) {
            if (stored !== undefined) run(() => tighten(fieldKey, { pattern: undefined }), coalesce);
          } else run(() => tighten(fieldKey, { pattern: value === '' ? undefined : value }), coalesce);
        }}
      />
      {problem && (
        <div id={errorId}>
          <IssueList issues={[problem]} locale={locale} />
        </div>
      )}
    </>
  );
}

/** Regional help text or unit (zh + en); all empty (or equal to the base's) falls back to the base's. */
function RegionalText({ fieldKey, what, zh, en, value }: { fieldKey: string; what: 'help' | 'unit'; zh: string; en: string; value: { zh: string; en: string } | undefined }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const current = { zh: value?.zh ?? '', en: value?.en ?? '' };
  const commit = (next: { zh: string; en: string }) => run(() => relabel(fieldKey, { [what]: next }), `${fieldKey}:v${what}`);
  return (
    <>
      <TextInput label={say(locale, `区域${zh}（中文，留空沿用基础）：${fieldKey}`, `Regional ${en.toLowerCase()} (Chinese; empty keeps the base's): ${fieldKey}`)} value={current.zh} disabled={locked} onChange={(v) => commit({ ...current, zh: v })} />
      <TextInput label={say(locale, `区域${zh}（英文，留空沿用基础）：${fieldKey}`, `Regional ${en.toLowerCase()} (English; empty keeps the base's): ${fieldKey}`)} value={current.en} disabled={locked} onChange={(v) => commit({ ...current, en: v })} />
    </>
  );
}

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
      <TextInput label={say(locale, '字段键（可留空）', 'Field key (optional)')} value={key} onChange={setKey} uncommitted />
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
        {...uncommittedProps(error !== null)}
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
