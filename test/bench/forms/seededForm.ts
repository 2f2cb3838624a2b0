/**
 * A seeded form of N fields for the forms benchmark: mixed kinds in the proportions the lifecycles'
 * forms have (mostly text and numbers, some choices, dates, a few rows), Chinese titles, sections of
 * 25 fields in two-column grids. The same seed gives the same form, so runs are comparable.
 */
import type { FieldSpec, FormDefinition, JsonSchema, LayoutNode } from '@nongan/forms';

/** mulberry32: a tiny deterministic PRNG; Math.random cannot be seeded. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns = ['存栏量', '出栏量', '免疫头数', '检疫数量', '抽样批次', '养殖面积', '饲料用量', '兽药名称', '联系人', '检测结果', '复检日期', '整改措施'];
const t = (zh: string, en: string) => ({ zh, en });

type Made = { schema: JsonSchema; field: FieldSpec };

const makers: Array<[weight: number, make: (label: { zh: string; en: string }) => Made]> = [
  [30, (label) => ({ schema: { type: 'string', minLength: 2, maxLength: 40 }, field: { kind: 'text', label } })],
  [8, (label) => ({ schema: { type: 'string', maxLength: 500 }, field: { kind: 'textarea', label } })],
  [20, (label) => ({ schema: { type: 'integer', minimum: 0, maximum: 1_000_000 }, field: { kind: 'integer', label, unit: t('头', 'head') } })],
  [8, (label) => ({ schema: { type: 'number', minimum: 0 }, field: { kind: 'number', label, unit: t('亩', 'mu') } })],
  [10, (label) => ({
    schema: { type: 'string', enum: ['pig', 'cattle', 'sheep'] },
    field: { kind: 'select', label, options: [{ value: 'pig', label: t('生猪', 'Pigs') }, { value: 'cattle', label: t('牛', 'Cattle') }, { value: 'sheep', label: t('羊', 'Sheep') }] },
  })],
  [6, (label) => ({
    schema: { type: 'string', enum: ['pass', 'fail'] },
    field: { kind: 'radio', label, options: [{ value: 'pass', label: t('合格', 'Pass') }, { value: 'fail', label: t('不合格', 'Fail') }] },
  })],
  [6, (label) => ({ schema: { type: 'boolean' }, field: { kind: 'switch', label } })],
  [8, (label) => ({ schema: { type: 'string', format: 'date' }, field: { kind: 'date', label } })],
  [2, (label) => ({ schema: { type: 'string', format: 'cn-mobile' }, field: { kind: 'text', label } })],
  [2, (label) => ({
    schema: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, count: { type: 'integer', minimum: 1 } } } },
    field: { kind: 'rows', label, columns: { kind: { kind: 'text', label: t('类别', 'Kind') }, count: { kind: 'integer', label: t('头数', 'Head') } } },
  })],
];
const totalWeight = makers.reduce((sum, [w]) => sum + w, 0);

export const SECTION_SIZE = 25;

export function seededForm(n: number, seed = 2024): FormDefinition {
  const random = seeded(seed);
  const properties: Record<string, JsonSchema> = {};
  const fields: Record<string, FieldSpec> = {};
  for (let i = 0; i < n; i++) {
    const key = `f${String(i).padStart(4, '0')}`;
    const label = t(`${nouns[i % nouns.length]}（第${i + 1}项）`, `Item ${i + 1}`);
    // The middle field is where the benchmark types: always a validated text field.
    const pick = i === middleIndex(n) ? makers[0]![1] : choose(random());
    const made = pick(label);
    properties[key] = made.schema;
    fields[key] = made.field;
  }
  const keys = Object.keys(fields);
  const sections: LayoutNode[] = [];
  for (let s = 0; s * SECTION_SIZE < keys.length; s++) {
    const children = keys.slice(s * SECTION_SIZE, (s + 1) * SECTION_SIZE).map((field) => ({ type: 'field', field }) as LayoutNode);
    sections.push({ type: 'section', title: t(`第${s + 1}部分`, `Part ${s + 1}`), children: [{ type: 'columns', columns: 2, children }] });
  }
  return {
    id: `bench-${n}`,
    version: '1.0.0',
    title: t(`基准表单（${n} 项）`, `Benchmark form (${n} fields)`),
    schema: { type: 'object', required: keys.filter((_, i) => i % 10 === 0), properties },
    fields,
    layout: { type: 'section', children: sections },
  };
}

export const middleIndex = (n: number) => Math.floor(n / 2);
export const middleKey = (n: number) => `f${String(middleIndex(n)).padStart(4, '0')}`;

function choose(r: number): (label: { zh: string; en: string }) => Made {
  let at = r * totalWeight;
  for (const [weight, make] of makers) {
    if ((at -= weight) < 0) return make;
  }
  return makers[0]![1];
}

/** Data for the form that breaks exactly five constraints (for the full-validation measurement). */
export function dataWithFiveErrors(form: FormDefinition): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const broken: string[] = [];
  for (const [key, spec] of Object.entries(form.fields)) {
    const schema = (form.schema.properties as Record<string, JsonSchema>)[key]!;
    const breakIt = broken.length < 5 && (spec.kind === 'integer' || spec.kind === 'text') && !schema.format && Number(key.slice(1)) % 7 === 3;
    if (breakIt) broken.push(key);
    data[key] = valueFor(spec, schema, breakIt);
  }
  return data;
}

function valueFor(spec: FieldSpec, schema: JsonSchema, broken: boolean): unknown {
  switch (spec.kind) {
    case 'text':
      if (schema.format === 'cn-mobile') return broken ? '123' : '13903891234';
      return broken ? '济' : '济源市梨林镇';
    case 'textarea': return '按要求完成整改';
    case 'integer': return broken ? -1 : 120;
    case 'number': return 12.5;
    case 'select': return 'pig';
    case 'radio': return 'pass';
    case 'switch': return true;
    case 'date': return '2024-03-01';
    case 'rows': return [{ kind: '能繁母猪', count: 3 }];
    default: return undefined;
  }
}
