/** Test fixtures: the forms package's every-kind form, and a small farm form built with commands. */
import { loadForm, type FormDefinition } from '@nongan/forms';
import { allKindsForm } from '../../forms/test/fixtures/allKinds.js';
import { addContainer, addField, createDesignerSession, setRequired, updateConstraints, updateField, type DesignerSession } from '../src/index.js';

export { allKindsForm };

export function expectLoads(definition: FormDefinition): void {
  const loaded = loadForm(definition);
  if (!loaded.ok) throw new Error(`definition does not load: ${JSON.stringify(loaded.issues, null, 1)}`);
}

/** 养殖场登记 (farm registration): a section with name, species, head count. */
export function buildFarmForm(): DesignerSession {
  const s = createDesignerSession({ id: 'farm', version: '1.0.0', title: { zh: '养殖场登记', en: 'Farm registration' }, schema: { type: 'object', properties: {} }, fields: {}, layout: { type: 'section', children: [] } });
  s.execute(addContainer('section', '/layout/children'));
  s.execute(addField({ kind: 'text', list: '/layout/children/0/children', key: 'farmName' }));
  s.execute(updateField('farmName', { label: { zh: '养殖场名称', en: 'Farm name' } }));
  s.execute(setRequired('farmName', true));
  s.execute(addField({ kind: 'select', list: '/layout/children/0/children', key: 'species' }));
  s.execute(
    updateField('species', {
      label: { zh: '畜种', en: 'Species' },
      options: [
        { value: 'pig', label: { zh: '生猪', en: 'Pigs' } },
        { value: 'cattle', label: { zh: '牛', en: 'Cattle' } },
      ],
    }),
  );
  s.execute(addField({ kind: 'integer', list: '/layout/children/0/children', key: 'headCount' }));
  s.execute(updateField('headCount', { label: { zh: '存栏量', en: 'Head in stock' }, unit: { zh: '头', en: 'head' } }));
  s.execute(updateConstraints('headCount', { minimum: 0, maximum: 100000 }));
  return s;
}
