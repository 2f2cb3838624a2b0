/**
 * The engine validating event data through the real forms package (never importing it itself):
 * messages name fields by label, rule-hidden fields are neither required nor accepted, and the form
 * version lands in the journal.
 */
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine, createMemoryStore, defineWorkflow, type MachineEvent } from '@nongan/engine';
import { createEngineValidator, loadForm, type FormDefinition } from '@nongan/forms';

const application: FormDefinition = {
  id: 'application',
  version: '2.1.0',
  title: { zh: '资质申请', en: 'Qualification application' },
  schema: {
    type: 'object',
    required: ['farmName', 'species', 'headCount'],
    properties: {
      farmName: { type: 'string', minLength: 2 },
      species: { type: 'string', enum: ['pig', 'other'] },
      otherSpecies: { type: 'string' },
      headCount: { type: 'integer', minimum: 0 },
    },
    additionalProperties: false,
  },
  fields: {
    farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } },
    species: { kind: 'select', label: { zh: '畜种', en: 'Species' }, options: [{ value: 'pig', label: { zh: '生猪', en: 'Pigs' } }, { value: 'other', label: { zh: '其他', en: 'Other' } }] },
    otherSpecies: { kind: 'text', label: { zh: '其他畜种', en: 'Other species' } },
    headCount: { kind: 'integer', label: { zh: '存栏量', en: 'Head in stock' }, unit: { zh: '头', en: 'head' } },
  },
  layout: { type: 'section', children: ['farmName', 'species', 'otherSpecies', 'headCount'].map((field) => ({ type: 'field' as const, field })) },
  rules: { otherSpecies: { visibleIf: { '==': [{ var: 'species' }, 'other'] }, requiredIf: { '==': [{ var: 'species' }, 'other'] } } },
};

const workflow = defineWorkflow({
  id: 'apply',
  version: 1,
  machine: setup({ types: { events: {} as MachineEvent } }).createMachine({ initial: 'draft', states: { draft: { on: { SUBMIT: 'submitted' } }, submitted: {} } }),
  start: { roles: ['producer'] },
  events: { SUBMIT: { roles: ['producer'], form: 'application' } },
  access: { regionScoped: true, subjectRoles: ['producer'] },
});

const farm = { id: 'u1', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] };

async function setupCase() {
  const loaded = loadForm(application);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const validate = createEngineValidator(({ form }) => (form.id === 'application' ? loaded.definition : undefined));
  const engine = createEngine({ store: createMemoryStore(), workflows: [workflow], validate });
  const { instanceId } = await engine.start('apply', { actor: farm, region: 'jiyuan', subject: 'farm-1' });
  return { engine, instanceId };
}

describe('engine + forms', () => {
  it('refuses invalid data with label-named issues in both languages', async () => {
    const { engine, instanceId } = await setupCase();
    const error = await engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '场', species: 'other', headCount: -1 } }, { actor: farm }).catch((e) => e);
    expect(error.code).toBe('invalid-data');
    const issues = error.details.issues as Array<{ path: string; message: string; messageZh: string }>;
    expect(issues.map((i) => i.path).sort()).toEqual(['/farmName', '/headCount', '/otherSpecies']);
    expect(issues.find((i) => i.path === '/otherSpecies')).toMatchObject({ message: 'Other species: required', messageZh: '其他畜种：必填' });
    // People read this sentence: it names the problem by label, never the form's id or a JSON path.
    expect(error.messageZh).toContain('提交的数据不符合表单要求');
    expect(error.messageZh).toContain('3 处问题');
    expect(error.messageZh).not.toMatch(/application|\/farmName/);
    expect(error.message).not.toMatch(/application|\/farmName/);
  });

  it('refuses data for a field the rules hide, and accepts a valid submission with the form version journalled', async () => {
    const { engine, instanceId } = await setupCase();
    await expect(
      engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '济源养殖场', species: 'pig', otherSpecies: '驴', headCount: 400 } }, { actor: farm }),
    ).rejects.toMatchObject({ code: 'invalid-data', details: { issues: [{ path: '/otherSpecies' }] } });
    await engine.send(instanceId, { type: 'SUBMIT', data: { farmName: '济源养殖场', species: 'pig', headCount: 400 } }, { actor: farm });
    expect((await engine.history(instanceId)).at(-1)).toMatchObject({ form: { id: 'application', version: '2.1.0' }, stateAfter: 'submitted' });
  });
});
