import { describe, expect, it } from 'vitest';
import { accessAt, withheldFields, withholdData, type FieldAccessMatrix } from '../../src/access/index.js';
import { createFormController } from '../../src/controller/formController.js';
import { validateDefinition } from '../../src/definition/validateDefinition.js';
import type { FormDefinition } from '../../src/definition/types.js';
import { resolveVariant } from '../../src/variants/resolve.js';

const matrix: FieldAccessMatrix = {
  '*': { '*': { note: 'hidden' }, supervision: { note: 'editable' } },
  review: { supervision: { farmName: 'readOnly', note: 'required' } },
  'review.initial': { supervision: { farmName: 'editable' } },
};

const form: FormDefinition = {
  id: 'inspection',
  version: '1.0.0',
  title: { zh: '巡查记录', en: 'Inspection record' },
  schema: { type: 'object', required: ['farmName'], properties: { farmName: { type: 'string' }, stock: { type: 'integer' }, note: { type: 'string' } }, additionalProperties: false },
  fields: {
    farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } },
    stock: { kind: 'integer', label: { zh: '存栏量', en: 'Stock' } },
    note: { kind: 'textarea', label: { zh: '巡查意见', en: 'Inspector note' } },
  },
  layout: { type: 'section', children: [{ type: 'field', field: 'farmName' }, { type: 'field', field: 'stock' }, { type: 'field', field: 'note' }] },
  access: matrix,
};

describe('field permissions per step × role', () => {
  it('resolves the most specific entry: a role beats *, a deeper state beats a shallower one, which beats *', () => {
    expect(accessAt(matrix, { state: 'draft', role: 'producer' })).toEqual({ note: 'hidden' });
    expect(accessAt(matrix, { state: 'draft', role: 'supervision' })).toEqual({});
    expect(accessAt(matrix, { state: 'review.final', role: 'supervision' })).toEqual({ farmName: 'readOnly', note: 'required' });
    expect(accessAt(matrix, { state: 'review.initial', role: 'supervision' })).toEqual({ note: 'required' });
    // Parallel states: every active path applies.
    expect(accessAt(matrix, { state: 'review.final,archive.open', role: 'supervision' })).toEqual({ farmName: 'readOnly', note: 'required' });
    expect(accessAt(matrix, { state: null, role: 'producer' })).toEqual({ note: 'hidden' });
    expect(accessAt(undefined, { state: 'review', role: 'producer' })).toEqual({});
  });

  it('withholds from a reader only what every one of their roles may not see', () => {
    expect(withheldFields(matrix, 'review', ['producer'])).toEqual(['note']);
    expect(withheldFields(matrix, 'review', ['producer', 'supervision'])).toEqual([]);
    expect(withholdData(form, { farmName: '甲', note: '存栏与申报不符' }, 'review', ['producer'])).toEqual({ data: { farmName: '甲' }, withheld: ['note'] });
    // Nothing withheld that was not there.
    expect(withholdData(form, { farmName: '甲' }, 'review', ['producer'])).toEqual({ data: { farmName: '甲' }, withheld: [] });
  });

  it('a controller shows a hidden field as hidden, a read-only one as read-only, and demands a required one', () => {
    const controller = createFormController(form, { initialValue: { farmName: '甲' }, access: accessAt(matrix, { state: 'review', role: 'supervision' }) });
    expect(controller.getField('farmName')).toMatchObject({ readOnly: true, required: false });
    expect(controller.getField('note')).toMatchObject({ visible: true, required: true });
    expect(controller.validateAll().map((issue) => issue.path)).toEqual(['/note']);
    const farm = createFormController(form, { access: accessAt(matrix, { state: 'draft', role: 'producer' }) });
    expect(farm.getField('note').visible).toBe(false);
    farm.setValue('note', 'x');
    expect(farm.getSubmittable()).not.toHaveProperty('note');
  });

  it('the definition gate names permissions for a field the form does not have, and a mode it does not know', () => {
    const unknownField = validateDefinition({ ...form, access: { review: { supervision: { remark: 'hidden' } } } });
    expect(unknownField.ok).toBe(false);
    if (!unknownField.ok) expect(unknownField.issues[0]).toMatchObject({ path: '/access/review/supervision/remark', messageZh: expect.stringContaining('remark') });
    const unknownMode = validateDefinition({ ...form, access: { review: { supervision: { note: 'secret' } } } });
    expect(unknownMode.ok).toBe(false);
    if (!unknownMode.ok) expect(unknownMode.issues[0]!.path).toBe('/access/review/supervision/note');
  });

  it('a regional variant replaces the permissions of the states it names, and a field it hides takes its permissions along', () => {
    const { definition } = resolveVariant(form, {
      id: 'inspection',
      version: '1.0.0-jiyuan.1',
      region: 'jiyuan',
      base: { id: 'inspection', version: '1.0.0' },
      overlay: { hide: ['stock'], access: { review: { supervision: { stock: 'readOnly', note: 'editable' } } } },
    });
    expect(definition.access!.review).toEqual({ supervision: { note: 'editable' } });
    expect(definition.access!['*']).toEqual(matrix['*']);
  });
});
