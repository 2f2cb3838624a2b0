/**
 * Differences between two versions, readable: microdiff's raw changes become lines such as
 * `修改 fields.farmName.label.zh："养殖场" → "养殖场名称"`, in both languages.
 */
import diff from 'microdiff';
import type { DesignDoc } from './types.js';

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  /** Dotted path inside the definition or variant (`fields.farmName.label.zh`). */
  path: string;
  before?: unknown;
  after?: unknown;
  text: string;
  textZh: string;
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

function body(doc: DesignDoc): Record<string, unknown> {
  return (doc.kind === 'form' ? doc.definition : doc.variant) as unknown as Record<string, unknown>;
}

export function diffDocs(before: DesignDoc, after: DesignDoc): Change[] {
  return diff(body(before), body(after)).map((d) => {
    const path = d.path.map(String).join('.');
    if (d.type === 'CREATE') return { kind: 'added', path, after: d.value, text: `added ${path}: ${show(d.value)}`, textZh: `新增 ${path}：${show(d.value)}` };
    if (d.type === 'REMOVE') return { kind: 'removed', path, before: d.oldValue, text: `removed ${path} (was ${show(d.oldValue)})`, textZh: `删除 ${path}（原为 ${show(d.oldValue)}）` };
    return { kind: 'changed', path, before: d.oldValue, after: d.value, text: `changed ${path}: ${show(d.oldValue)} → ${show(d.value)}`, textZh: `修改 ${path}：${show(d.oldValue)} → ${show(d.value)}` };
  });
}
