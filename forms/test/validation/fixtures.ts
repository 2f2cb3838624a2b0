/**
 * Small inline form definitions for the validation tests: a slaughter report with a rows field
 * (物种明细: 畜种 + 头数), Chinese-format fields and one conditional requirement.
 */
import type { FieldSpec, FormDefinition, JsonSchema } from '../../src/definition/types.js';

/** A definition whose layout lists every field in one section. */
export function defineForm(schema: JsonSchema, fields: Record<string, FieldSpec>): FormDefinition {
  return {
    id: 'test-form',
    version: '1.0.0',
    title: { zh: '测试表单', en: 'Test form' },
    schema,
    fields,
    layout: { type: 'section', children: Object.keys(fields).map((field) => ({ type: 'field' as const, field })) },
  };
}

export const slaughterReport: FormDefinition = defineForm(
  {
    type: 'object',
    required: ['farmName', 'uscc', 'mobile', 'species'],
    properties: {
      farmName: { type: 'string', minLength: 2, maxLength: 50 },
      uscc: { type: 'string', format: 'cn-uscc' },
      ownerId: { type: 'string', format: 'cn-resident-id' },
      mobile: { type: 'string', format: 'cn-mobile' },
      division: { type: 'string', format: 'cn-division' },
      slaughterDate: { type: 'string', format: 'date' },
      quarantineNo: { type: 'string', pattern: '^[A-Z]{2}\\d{8}$' },
      species: { type: 'array', minItems: 1, items: { $ref: '#/$defs/speciesRow' } },
      hasDisease: { type: 'boolean' },
      diseaseNote: { type: 'string', minLength: 1 },
    },
    // Cross-field: a disease report needs a note.
    if: { properties: { hasDisease: { const: true } }, required: ['hasDisease'] },
    then: { required: ['diseaseNote'] },
    $defs: {
      speciesRow: {
        type: 'object',
        required: ['species', 'count'],
        properties: { species: { enum: ['pig', 'cattle', 'sheep'] }, count: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      },
    },
  },
  {
    farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } },
    uscc: { kind: 'text', label: { zh: '统一社会信用代码', en: 'Unified social credit code' } },
    ownerId: { kind: 'text', label: { zh: '负责人身份证号码', en: 'Owner resident ID' } },
    mobile: { kind: 'text', label: { zh: '联系电话', en: 'Mobile' } },
    division: { kind: 'division', label: { zh: '所在地区', en: 'Division' }, divisionLevel: 'county' },
    slaughterDate: { kind: 'date', label: { zh: '屠宰日期', en: 'Slaughter date' } },
    quarantineNo: { kind: 'text', label: { zh: '检疫证号', en: 'Quarantine certificate no.' } },
    species: {
      kind: 'rows',
      label: { zh: '物种明细', en: 'Species details' },
      columns: {
        species: {
          kind: 'select',
          label: { zh: '畜种', en: 'Species' },
          options: [
            { value: 'pig', label: { zh: '猪', en: 'Pig' } },
            { value: 'cattle', label: { zh: '牛', en: 'Cattle' } },
            { value: 'sheep', label: { zh: '羊', en: 'Sheep' } },
          ],
        },
        count: { kind: 'integer', label: { zh: '头数', en: 'Head count' }, unit: { zh: '头', en: 'head' } },
      },
    },
    hasDisease: { kind: 'switch', label: { zh: '是否发现疫病', en: 'Disease found' } },
    diseaseNote: { kind: 'textarea', label: { zh: '疫病说明', en: 'Disease note' } },
  },
);

/** Passes every rule of slaughterReport. USCC and ID check characters are worked out in formats.test.ts. */
export const validReport = {
  farmName: '洛阳市伊川县绿源养殖场',
  uscc: '91350100M000100Y43',
  ownerId: '11010519491231002X',
  mobile: '13812345678',
  division: '410329',
  slaughterDate: '2024-02-29',
  quarantineNo: 'HN12345678',
  species: [
    { species: 'pig', count: 120 },
    { species: 'cattle', count: 8 },
  ],
  hasDisease: false,
};
