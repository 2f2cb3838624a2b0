/**
 * Names a data location the way the user sees it: by field LABEL, not by JSON pointer.
 * `/species/1/count` → 物种明细 第2行 头数 / Species details row 2 Head count (rows use `columns` labels).
 * Labels are returned verbatim as text: escaping is the renderer's job, and nothing here interprets them.
 */
import type { FieldSpec, LocalText } from '../definition/types.js';

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** The bilingual label of the location `segments` (already unescaped); null for the whole form. */
export function labelAt(fields: Record<string, FieldSpec>, segments: readonly string[]): LocalText | null {
  if (segments.length === 0) return null;
  const zh: string[] = [];
  const en: string[] = [];
  // Where the next segment is looked up: a map of specs (top level, or a row's columns), or inside one spec.
  let specs: Record<string, FieldSpec> | undefined = fields;
  let spec: FieldSpec | undefined;
  for (const segment of segments) {
    const named = specs ? own(specs, segment) : undefined;
    if (named) {
      zh.push(named.label.zh);
      en.push(named.label.en);
      spec = named;
      specs = undefined;
    } else if (spec && INDEX.test(segment)) {
      const n = Number(segment) + 1;
      if (spec.columns) {
        zh.push(`第${n}行`);
        en.push(`row ${n}`);
        specs = spec.columns;
        spec = undefined;
      } else {
        zh.push(`第${n}项`);
        en.push(`item ${n}`);
      }
    } else {
      // Not described by the definition (an extra property, a nested object): show the key itself.
      zh.push(segment);
      en.push(segment);
      spec = undefined;
      specs = undefined;
    }
  }
  return { zh: zh.join(' '), en: en.join(' ') };
}

/** The field spec that presents the location `segments` (a row's column inside a rows field), if any. */
export function specAt(fields: Record<string, FieldSpec>, segments: readonly string[]): FieldSpec | undefined {
  let specs: Record<string, FieldSpec> | undefined = fields;
  let spec: FieldSpec | undefined;
  for (const segment of segments) {
    const named = specs ? own(specs, segment) : undefined;
    if (named) {
      spec = named;
      specs = undefined;
    } else if (spec && INDEX.test(segment)) {
      specs = spec.columns;
      if (spec.columns) spec = undefined;
    } else {
      return undefined;
    }
  }
  return spec;
}
