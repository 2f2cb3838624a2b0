/** Regional variants of 养殖场资质申请, the v2 base, and the licensing lifecycle's data contract. */
import type { FormDefinition, JsonSchema } from '../../src/definition/types.js';
import type { FormVariant } from '../../src/variants/types.js';
import { clone, farmBaseV1, MOBILE_PATTERN, speciesOptions, USCC_PATTERN } from '../definition/fixtures/farmQualification.js';

export const manureOptions = [
  { value: 'compost', label: { zh: '堆肥发酵', en: 'Composting' } },
  { value: 'biogas', label: { zh: '沼气工程', en: 'Biogas digester' } },
  { value: 'contracted', label: { zh: '委托第三方处理', en: 'Contracted third party' } },
];

/** Beijing: no free-text remarks, stricter scale threshold (500 head), manure plan required. */
export function beijingVariant(): FormVariant {
  return clone<FormVariant>({
    id: 'farm-qualification-beijing',
    version: '1.0.0',
    region: 'beijing',
    base: { id: 'farm-qualification', version: '1.0.0' },
    overlay: {
      hide: ['remarks'],
      relabel: {
        farmName: { label: { zh: '养殖场（单位）名称', en: 'Farm (entity) name' }, help: { zh: '与营业执照一致', en: 'As on the business licence' } },
        species: { label: { zh: '主要畜种', en: 'Main species' } },
      },
      tighten: { headCount: { minimum: 500 } },
      add: {
        manureTreatment: {
          schema: { type: 'string', enum: manureOptions.map((o) => o.value) },
          field: { kind: 'radio', label: { zh: '粪污处理方式', en: 'Manure treatment' }, options: manureOptions },
          required: true,
          after: 'headCount',
        },
      },
    },
  });
}

/** Inner Mongolia: pastoral region, camels on the species list. */
export function innerMongoliaVariant(): FormVariant {
  return {
    id: 'farm-qualification-inner-mongolia',
    version: '1.0.0',
    region: 'inner-mongolia',
    base: { id: 'farm-qualification', version: '1.0.0' },
    overlay: {
      options: { species: [...clone(speciesOptions), { value: 'camel', label: { zh: '骆驼', en: 'Camels' } }] },
    },
  };
}

/** v2 of the base: remarks removed, several species per farm (checkboxes), 600-head threshold, manure plan now provincial. */
export function farmBaseV2(): FormDefinition {
  const d = farmBaseV1();
  const props = d.schema.properties as Record<string, JsonSchema>;
  d.version = '2.0.0';
  delete props.remarks;
  delete d.fields.remarks;
  delete d.rules!.remarks;
  props.species = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: speciesOptions.map((o) => o.value) } };
  d.fields.species!.kind = 'checkboxes';
  props.headCount!.minimum = 600;
  props.manureTreatment = { type: 'string', enum: manureOptions.map((o) => o.value) };
  d.fields.manureTreatment = { kind: 'select', label: { zh: '粪污处理方式', en: 'Manure treatment' }, options: manureOptions };
  const section = (d.layout as any).steps[1].children[0];
  section.children = section.children.filter((n: any) => n.field !== 'remarks');
  section.children.push({ type: 'field', field: 'manureTreatment' });
  return d;
}

/** What the licensing lifecycle reads from a submitted application. */
export function licensingContract(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Farm licensing input',
    type: 'object',
    required: ['farmName', 'creditCode', 'species', 'headCount', 'contactMobile', 'herd'],
    properties: {
      farmName: { type: 'string', minLength: 1, maxLength: 200 },
      creditCode: { type: 'string', pattern: USCC_PATTERN },
      species: { enum: ['pig', 'cattle', 'sheep', 'poultry'] },
      headCount: { type: 'integer', minimum: 300 },
      contactMobile: { type: 'string', pattern: MOBILE_PATTERN },
      herd: {
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/herdRow' },
      },
    },
    $defs: {
      herdRow: {
        type: 'object',
        required: ['species', 'count'],
        properties: { species: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
      },
    },
  };
}
