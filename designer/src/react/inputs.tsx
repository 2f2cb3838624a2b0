/**
 * Small controlled inputs for the panels; each commits through a callback and labels itself.
 * `data-ngd-uncommitted` marks a box whose text is not (yet) part of the document: there Ctrl+Z is
 * the browser's own text undo, not the designer's (see Designer.tsx and the README).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { LocalText } from '@nongan/forms';

export const UNCOMMITTED = 'data-ngd-uncommitted';

/** The attribute for a box whose text is not (yet) in the document. */
export const uncommittedProps = (uncommitted: boolean) => (uncommitted ? { [UNCOMMITTED]: 'true' } : {});

export function TextInput({ label, value, onChange, disabled, multiline, uncommitted = false }: { label: string; value: string; onChange: (v: string) => void; disabled?: boolean; multiline?: boolean; uncommitted?: boolean }) {
  const id = useId();
  const mark = uncommittedProps(uncommitted);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} disabled={disabled} rows={2} onChange={(e) => onChange(e.target.value)} {...mark} />
      ) : (
        <input id={id} type="text" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} {...mark} />
      )}
    </>
  );
}

/** zh + en of one text. An all-empty text commits `undefined` (the setting is removed). */
export function LocalTextInput({ label, labelEn, value, onChange, disabled, optional }: { label: string; labelEn: string; value: LocalText | undefined; onChange: (v: LocalText | undefined) => void; disabled?: boolean; optional?: boolean }) {
  const zh = value?.zh ?? '';
  const en = value?.en ?? '';
  const commit = (next: LocalText) => onChange(optional && next.zh === '' && next.en === '' ? undefined : next);
  return (
    <>
      <TextInput label={`${label}（中文）`} value={zh} disabled={disabled} onChange={(v) => commit({ zh: v, en })} />
      <TextInput label={`${labelEn} (English)`} value={en} disabled={disabled} onChange={(v) => commit({ zh, en: v })} />
    </>
  );
}

/** A number that may be empty; keeps what is typed until it parses (e.g. "-" on the way to "-5"). */
export function NumberInput({ label, value, onChange, disabled, integer }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; disabled?: boolean; integer?: boolean }) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value && !(text === '' && value === undefined)) setText(value === undefined ? '' : String(value));
  }, [value]);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={integer ? 1 : 'any'}
        value={text}
        {...uncommittedProps(text === '' ? value !== undefined : Number(text) !== value)}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') onChange(undefined);
          else {
            const n = Number(e.target.value);
            if (Number.isFinite(n) && (!integer || Number.isInteger(n))) onChange(n);
          }
        }}
      />
    </>
  );
}

export function Checkbox({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

export function Select<T extends string>({ label, value, options, onChange, disabled }: { label: string; value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

export function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

export function IssueList({ issues, locale }: { issues: Array<{ path: string; message: string; messageZh: string }>; locale: 'zh-CN' | 'en' }) {
  if (!issues.length) return null;
  return (
    <div role="alert">
      <ul className="ngd-issues">
        {issues.map((i, n) => (
          <li key={n}>
            <code>{i.path || '/'}</code> {locale === 'en' ? i.message : i.messageZh}
          </li>
        ))}
      </ul>
    </div>
  );
}
