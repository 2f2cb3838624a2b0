/** Type tests: data types inferred from form schemas (checked by `pnpm typecheck`). */
import { expectTypeOf } from 'vitest';
import { defineForm, type FormData } from '../src/definition/inferData.js';

const application = defineForm({
  id: 'qualification-application',
  version: '1.0.0',
  title: { zh: '养殖场资质申请', en: 'Farm qualification application' },
  schema: {
    type: 'object',
    properties: {
      farmName: { type: 'string', minLength: 2 },
      headCount: { type: 'integer', minimum: 0 },
      species: { type: 'string', enum: ['pig', 'cattle', 'sheep', 'poultry'] },
      vaccinated: { type: 'boolean' },
      batches: {
        type: 'array',
        items: { type: 'object', properties: { species: { type: 'string' }, count: { type: 'integer' } }, required: ['species', 'count'], additionalProperties: false },
      },
    },
    required: ['farmName', 'headCount', 'species'],
    additionalProperties: false,
  },
  fields: {
    farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } },
    headCount: { kind: 'integer', label: { zh: '存栏数', en: 'Head count' }, unit: { zh: '头', en: 'head' } },
    species: { kind: 'select', label: { zh: '畜种', en: 'Species' } },
    vaccinated: { kind: 'switch', label: { zh: '已免疫', en: 'Vaccinated' } },
    batches: { kind: 'rows', label: { zh: '批次', en: 'Batches' } },
  },
  layout: { type: 'section', children: [{ type: 'field', field: 'farmName' }] },
});

type Application = FormData<typeof application>;

expectTypeOf<Application['farmName']>().toEqualTypeOf<string>();
expectTypeOf<Application['headCount']>().toEqualTypeOf<number>();
expectTypeOf<Application['species']>().toEqualTypeOf<'pig' | 'cattle' | 'sheep' | 'poultry'>();
// Optional properties stay optional.
expectTypeOf<Application['vaccinated']>().toEqualTypeOf<boolean | undefined>();
expectTypeOf<NonNullable<Application['batches']>[number]>().toEqualTypeOf<{ species: string; count: number }>();
// @ts-expect-error a property the schema does not declare
type Missing = Application['notAField'];

// A definition not built with defineForm has no literal schema: its data is an open record.
expectTypeOf<FormData<{ schema: object }>>().toEqualTypeOf<Record<string, unknown>>();
