/**
 * Definitions for the stories, cut from the all-kinds fixture (a Jiyuan-style farm registration) so each
 * story shows real labels, constraints and rules rather than placeholder text.
 */
import type { FieldKind, FormDefinition, LayoutNode } from '../src/definition/types.js';
import { inspectExpression } from '../src/rules/references.js';
import { allKindsForm } from '../test/fixtures/allKinds.js';

const t = (zh: string, en: string) => ({ zh, en });

/** A form holding only `keys` (in that order) from the all-kinds form, with the rules among them. */
export function formWith(keys: string[], title = t('字段示例', 'Field example')): FormDefinition {
  const full = allKindsForm();
  const schema = full.schema as { required?: string[]; properties: Record<string, unknown> };
  // Keep the rules of kept fields that read only kept fields.
  const readsOnlyKept = (rule: object) =>
    Object.values(rule).every((expression) => [...inspectExpression(expression, '', full.fields).reads].every((key) => keys.includes(key)));
  const rules = Object.fromEntries(Object.entries(full.rules ?? {}).filter(([key, rule]) => keys.includes(key) && readsOnlyKept(rule)));
  return {
    ...full,
    id: `story-${keys.join('-')}`,
    title,
    schema: {
      type: 'object',
      required: (schema.required ?? []).filter((key) => keys.includes(key)),
      properties: Object.fromEntries(keys.map((key) => [key, schema.properties[key]])),
    },
    fields: Object.fromEntries(keys.map((key) => [key, full.fields[key]!])),
    rules,
    layout: { type: 'section', title, children: keys.map((field) => ({ type: 'field', field }) as LayoutNode) },
  };
}

/** The field of the all-kinds form that shows each kind (computed needs its inputs beside it). */
export const fieldsByKind: Record<FieldKind, string[]> = {
  text: ['farmName'],
  textarea: ['address'],
  number: ['area'],
  integer: ['headCount'],
  select: ['species'],
  radio: ['scale'],
  checkboxes: ['vaccines'],
  switch: ['organic'],
  date: ['registeredOn'],
  dateRange: ['period'],
  division: ['division'],
  attachments: ['photos'],
  signature: ['signature'],
  rows: ['herds'],
  computed: ['species', 'headCount', 'largeFarm'],
};

/** The all-kinds form with its top layout replaced, to show one layout kind at a time. */
export function formWithLayout(layout: LayoutNode, title = t('布局示例', 'Layout example')): FormDefinition {
  return { ...allKindsForm(), id: 'story-layout', title, layout };
}

export const filledValue: Record<string, unknown> = {
  farmName: '济源市绿源生猪养殖场',
  uscc: '91350100M000100Y43',
  mobile: '13903891234',
  address: '河南省济源市梨林镇大许村',
  species: 'pig',
  scale: 'large',
  vaccines: ['fmd'],
  headCount: 5200,
  area: 36.5,
  organic: false,
  registeredOn: '2024-03-01',
  period: { start: '2024-03-01', end: '2024-12-31' },
  division: '419001',
  herds: [
    { kind: 'sow', count: 420 },
    { kind: 'finisher', count: 4780 },
  ],
};

/** Values that break five constraints at once: for the error stories. */
export const invalidValue: Record<string, unknown> = {
  farmName: '济',
  uscc: '91350100M000100Y44',
  mobile: '1390389',
  species: 'pig',
  headCount: -5,
  registeredOn: '2024-02-30',
};
