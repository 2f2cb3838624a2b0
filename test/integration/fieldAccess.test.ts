/**
 * Field permissions per step × role, enforced where data enters (the engine's injected validator,
 * the real forms package): a field hidden from the sender may not be sent, a read-only one may not
 * change from what the case holds, a required one is demanded; and a reader is not given what their
 * roles may not see.
 */
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine, createMemoryStore, defineWorkflow, stateKeyOf, type MachineEvent } from '@nongan/engine';
import { createEngineValidator, withholdData, type FormDefinition } from '@nongan/forms';

const inspection: FormDefinition = {
  id: 'inspection',
  version: '1.0.0',
  title: { zh: '巡查记录', en: 'Inspection record' },
  schema: {
    type: 'object',
    required: ['farmName'],
    properties: { farmName: { type: 'string', minLength: 2 }, stock: { type: 'integer', minimum: 0 }, note: { type: 'string', maxLength: 500 } },
    additionalProperties: false,
  },
  fields: {
    farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } },
    stock: { kind: 'integer', label: { zh: '存栏量', en: 'Stock' } },
    note: { kind: 'textarea', label: { zh: '巡查意见', en: 'Inspector note' } },
  },
  layout: { type: 'section', children: ['farmName', 'stock', 'note'].map((field) => ({ type: 'field' as const, field })) },
  access: {
    '*': { producer: { note: 'hidden' } },
    reviewing: { supervision: { farmName: 'readOnly', note: 'required' } },
  },
};

const workflow = defineWorkflow({
  id: 'inspect',
  version: 1,
  machine: setup({ types: { events: {} as MachineEvent } }).createMachine({
    initial: 'draft',
    states: { draft: { on: { SUBMIT: 'reviewing' } }, reviewing: { on: { REVIEW: 'reviewed' } }, reviewed: {} },
  }),
  start: { roles: ['producer'] },
  events: { SUBMIT: { roles: ['producer'], form: 'inspection' }, REVIEW: { roles: ['supervision'], form: 'inspection' } },
  access: { regionScoped: true, subjectRoles: ['producer'] },
});

const farm = { id: 'farm-user', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] };
const officer = { id: 'officer', roles: ['supervision'], region: 'jiyuan' };

async function submitted() {
  const engine = createEngine({ store: createMemoryStore(), workflows: [workflow], validate: createEngineValidator(() => inspection) });
  const { instanceId } = await engine.start('inspect', { actor: farm, region: 'jiyuan', subject: 'farm-1' });
  return { engine, instanceId };
}

const issuesOf = (error: { details?: { issues?: unknown } }) => error.details?.issues as Array<{ path: string; message: string; messageZh: string }>;

describe('field permissions where data enters', () => {
  it('a farm may not send the field hidden from it, and nothing is recorded for the attempt', async () => {
    const { engine, instanceId } = await submitted();
    const error = await engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '承留镇养殖场', note: '自评' } }, { actor: farm }).catch((e) => e);
    expect(error.code).toBe('invalid-data');
    expect(issuesOf(error)).toEqual([{ path: '/note', message: 'Inspector note is not yours to fill at this step; remove it', messageZh: '此环节您不能填写"巡查意见"，请删除后再提交' }]);
    expect(await engine.history(instanceId)).toHaveLength(1);
  });

  it('the reviewer must give the required note and may not change the read-only farm name; the same name passes', async () => {
    const { engine, instanceId } = await submitted();
    await engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '承留镇养殖场', stock: 420 } }, { actor: farm });

    const missing = await engine.send(instanceId, { type: 'REVIEW', data: { stock: 400 } }, { actor: officer }).catch((e) => e);
    expect(issuesOf(missing).map((i) => i.path)).toEqual(['/note']);

    const changed = await engine.send(instanceId, { type: 'REVIEW', data: { farmName: '另一个养殖场', stock: 400, note: '存栏与申报不符' } }, { actor: officer }).catch((e) => e);
    expect(issuesOf(changed)).toEqual([{ path: '/farmName', message: 'Farm name is read-only at this step and cannot change', messageZh: '"养殖场名称"在此环节只读，不能修改' }]);
    expect(await engine.history(instanceId)).toHaveLength(2);

    await engine.send(instanceId, { type: 'REVIEW', data: { farmName: '承留镇养殖场', stock: 400, note: '存栏与申报不符' } }, { actor: officer });
    expect((await engine.get(instanceId)).stateKey).toBe('reviewed');
  });

  it('a read-only field with nothing earlier to keep may not be filled at all', async () => {
    const engine = createEngine({
      store: createMemoryStore(),
      workflows: [workflow],
      // The farm's submission carries no farm name here (the base form's requirement lifted).
      validate: createEngineValidator(() => ({ ...inspection, schema: { ...inspection.schema, required: [] } })),
    });
    const { instanceId } = await engine.start('inspect', { actor: farm, region: 'jiyuan', subject: 'farm-1' });
    await engine.send(instanceId, { type: 'SUBMIT', data: { stock: 420 } }, { actor: farm });
    const error = await engine.send(instanceId, { type: 'REVIEW', data: { farmName: '补填的名称', note: '已核' } }, { actor: officer }).catch((e) => e);
    expect(issuesOf(error)).toEqual([{ path: '/farmName', message: 'Farm name is read-only at this step; leave it out', messageZh: '"养殖场名称"在此环节只读，请勿填写' }]);
  });

  it('a reader is given the entries without what their roles may not see', async () => {
    const { engine, instanceId } = await submitted();
    await engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '承留镇养殖场', stock: 420 } }, { actor: farm });
    await engine.send(instanceId, { type: 'REVIEW', data: { farmName: '承留镇养殖场', note: '存栏与申报不符' } }, { actor: officer });
    const review = (await engine.history(instanceId)).at(-1)!;
    const forFarm = withholdData(inspection, review.event.data!, stateKeyOf(review.stateBefore!), farm.roles);
    expect(forFarm).toEqual({ data: { farmName: '承留镇养殖场' }, withheld: ['note'] });
    expect(withholdData(inspection, review.event.data!, stateKeyOf(review.stateBefore!), officer.roles).withheld).toEqual([]);
  });
});
