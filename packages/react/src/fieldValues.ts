/**
 * A form value as people read it in the history and read-only views: an option by its label, a
 * yes/no in words, a number with its unit (years and other numbers below 10,000 without a digit
 * separator: "2026年", not "2,026"), long text shortened, nothing rendered as markup.
 */
import type { FieldSpec } from '@nongan/forms';
import { pick, type Locale, type LocalText } from './text.js';

/** What the history needs of a form: its title and how each field is presented. */
export interface FormPresentation {
  title: LocalText;
  fields: Readonly<Record<string, Pick<FieldSpec, 'label' | 'kind' | 'options' | 'unit' | 'columns'>>>;
}

const MAX_VALUE = 80;

export function numberText(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { useGrouping: Math.abs(value) >= 10_000, maximumFractionDigits: 6 });
}

/** One value, by the field it belongs to when known. */
export function valueText(value: unknown, locale: Locale, spec?: FormPresentation['fields'][string]): string {
  if (value === null || value === undefined || value === '') return '—';
  const option = spec?.options?.find((o) => o.value === value);
  if (option) return pick(option.label, locale);
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value === 'number') return spec?.unit ? `${numberText(value, locale)} ${pick(spec.unit, locale)}` : numberText(value, locale);
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  if (Array.isArray(value)) {
    const parts = value.slice(0, 3).map((item) => (spec?.columns && isObject(item) ? rowText(item, locale, spec.columns) : valueText(item, locale, spec)));
    const more = value.length > 3 ? (locale === 'en' ? ` … (${value.length} items)` : ` …（共 ${value.length} 项）`) : '';
    return `${parts.join(locale === 'en' ? '; ' : '；')}${more}`;
  }
  if (isObject(value)) {
    if (typeof value.name === 'string') return value.name;
    return rowText(value, locale, spec?.columns);
  }
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object's parts by their column labels; parts with no label known are shown by value only. */
function rowText(value: Record<string, unknown>, locale: Locale, columns?: FieldSpec['columns']): string {
  const entries = Object.entries(value);
  const text = entries
    .slice(0, 3)
    .map(([k, v]) => {
      const column = columns?.[k];
      const shown = valueText(v, locale, column);
      return column ? `${pick(column.label, locale)} ${shown}` : shown;
    })
    .join(locale === 'en' ? ', ' : '，');
  return entries.length > 3 ? `${text} …` : text;
}
