/**
 * A Jiyuan farm qualification application, cut down to the parts rules touch. Seed 002: a pig farm
 * with at least 5000 head in stock is a large farm and must attach its own testing report.
 */
import type { FieldSpec, FormDefinition } from '../../src/definition/types.js';

const t = (zh: string, en: string) => ({ zh, en });

const herdColumns: Record<string, FieldSpec> = {
  kind: { kind: 'select', label: t('品种', 'Species'), optionsFrom: 'species' },
  count: { kind: 'integer', label: t('存栏数', 'Head in stock'), unit: t('头', 'head') },
};

export function jiyuanApplication(): FormDefinition {
  return {
    id: 'jiyuan-farm-application',
    version: '1.0.0',
    title: t('济源市养殖场备案申请', 'Jiyuan farm registration application'),
    schema: {
      type: 'object',
      required: ['farmName', 'species', 'headCount'],
      properties: {
        farmName: { type: 'string' },
        declared: { type: 'boolean' },
        species: { type: 'string', enum: ['pig', 'cattle', 'sheep', 'poultry', 'other'] },
        otherSpecies: { type: 'string' },
        headCount: { type: 'integer', minimum: 0 },
        largeFarm: { type: 'boolean' },
        selfTestReport: { type: 'array', items: { type: 'object' } },
        reportDate: { type: 'string', format: 'date' },
        herds: {
          type: 'array',
          items: { type: 'object', properties: { kind: { type: 'string' }, count: { type: 'integer' } } },
        },
        herdTotal: { type: 'integer' },
      },
    },
    fields: {
      farmName: { kind: 'text', label: t('养殖场名称', 'Farm name') },
      declared: { kind: 'switch', label: t('已声明信息属实', 'Declared true') },
      species: {
        kind: 'select',
        label: t('主要养殖品种', 'Main species'),
        options: [
          { value: 'pig', label: t('生猪', 'Pigs') },
          { value: 'cattle', label: t('牛', 'Cattle') },
          { value: 'sheep', label: t('羊', 'Sheep') },
          { value: 'poultry', label: t('家禽', 'Poultry') },
          { value: 'other', label: t('其他', 'Other') },
        ],
      },
      otherSpecies: { kind: 'text', label: t('其他品种名称', 'Other species') },
      headCount: { kind: 'integer', label: t('存栏量', 'Head in stock'), unit: t('头', 'head') },
      largeFarm: { kind: 'computed', label: t('规模养殖场', 'Large farm') },
      selfTestReport: { kind: 'attachments', label: t('自检报告', 'Self-testing report'), accept: ['application/pdf'] },
      reportDate: { kind: 'date', label: t('报告日期', 'Report date') },
      herds: { kind: 'rows', label: t('分栏存栏明细', 'Herds'), columns: herdColumns },
      herdTotal: { kind: 'integer', label: t('明细合计', 'Herd total'), unit: t('头', 'head') },
    },
    layout: {
      type: 'section',
      children: ['farmName', 'declared', 'species', 'otherSpecies', 'headCount', 'largeFarm', 'selfTestReport', 'reportDate', 'herds', 'herdTotal'].map(
        (field) => ({ type: 'field' as const, field }),
      ),
    },
    rules: {
      farmName: { readOnlyIf: { var: 'declared' } },
      otherSpecies: {
        visibleIf: { '==': [{ var: 'species' }, 'other'] },
        requiredIf: { '==': [{ var: 'species' }, 'other'] },
      },
      largeFarm: {
        compute: { and: [{ '==': [{ var: 'species' }, 'pig'] }, { '>=': [{ var: 'headCount' }, 5000] }] },
      },
      selfTestReport: { visibleIf: { var: 'largeFarm' }, requiredIf: { var: 'largeFarm' } },
      // Shown once a report is attached; reads a field that may itself be hidden.
      reportDate: { visibleIf: { '!!': [{ var: 'selfTestReport' }] }, requiredIf: true },
      herdTotal: {
        compute: { reduce: [{ var: 'herds' }, { '+': [{ var: 'accumulator' }, { var: 'current.count' }] }, 0] },
      },
    },
  };
}

/** A minimal definition with the given fields (all `text` unless said) and rules. */
export function formWith(
  rules: FormDefinition['rules'],
  fields: Record<string, Partial<FieldSpec>> = {},
): FormDefinition {
  const keys = new Set([...Object.keys(fields), ...Object.keys(rules ?? {})]);
  // fromEntries defines own properties, so even a `__proto__` key stays a field.
  const specs: Record<string, FieldSpec> = Object.fromEntries(
    [...keys].map((key) => [key, { kind: 'text', label: { zh: key, en: key }, ...fields[key] } as FieldSpec]),
  );
  return {
    id: 'test',
    version: '0.0.1',
    title: { zh: '测试', en: 'Test' },
    schema: { type: 'object', properties: Object.fromEntries([...keys].map((k) => [k, {}])) },
    fields: specs,
    layout: { type: 'section', children: [...keys].map((field) => ({ type: 'field' as const, field })) },
    ...(rules ? { rules } : {}),
  };
}
