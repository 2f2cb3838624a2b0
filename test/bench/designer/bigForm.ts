/** A 300-field form: 10 sections of 30 fields (text, integer, select in turn), as a real large form. */
import type { FieldSpec, FormDefinition, JsonSchema, LayoutNode } from '@nongan/forms';

export function bigForm(fieldCount = 300, perSection = 30): FormDefinition {
  const properties: Record<string, JsonSchema> = {};
  const fields: Record<string, FieldSpec> = {};
  const sections: LayoutNode[] = [];
  for (let i = 0; i < fieldCount; i++) {
    const key = `f${i}`;
    const kind = (['text', 'integer', 'select'] as const)[i % 3]!;
    if (kind === 'text') properties[key] = { type: 'string', maxLength: 100 };
    else if (kind === 'integer') properties[key] = { type: 'integer', minimum: 0 };
    else properties[key] = { type: 'string', enum: ['a', 'b'] };
    fields[key] = {
      kind,
      label: { zh: `字段 ${i + 1}`, en: `Field ${i + 1}` },
      ...(kind === 'select' ? { options: [{ value: 'a', label: { zh: '甲', en: 'A' } }, { value: 'b', label: { zh: '乙', en: 'B' } }] } : {}),
    };
    const s = Math.floor(i / perSection);
    sections[s] ??= { type: 'section', title: { zh: `第 ${s + 1} 部分`, en: `Part ${s + 1}` }, children: [] };
    (sections[s] as Extract<LayoutNode, { type: 'section' }>).children.push({ type: 'field', field: key });
  }
  return { id: 'big', version: '1.0.0', title: { zh: '大表单', en: 'Big form' }, schema: { type: 'object', properties }, fields, layout: { type: 'section', children: sections } };
}
