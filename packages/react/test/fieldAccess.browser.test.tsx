/**
 * Field permissions in the widgets: at a step where a field is read-only for the person acting, the
 * case view shows it filled with what the case holds and not editable, and the engine accepts the
 * step; a timeline given a reader's journal says that something was withheld without showing it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createEngine, createManualClock, createMemoryStore, stateKeyOf, type Engine } from '@nongan/engine';
import { reviewWorkflow } from '@nongan/engine/samples';
import { createEngineValidator, withholdData, type FormDefinition } from '@nongan/forms';
import { CaseView } from '../src/CaseView.js';
import { EngineProvider } from '../src/EngineProvider.js';
import { Timeline } from '../src/Timeline.js';
import { applicationForm, reasonForm } from './fixtures/forms.js';
import { labelledReviewWorkflow } from './fixtures/labelledWorkflow.js';
import { actors, application, MONDAY } from './fixtures/setup.js';
import { axeViolations, buttonNamed, mount, text, unmount, until } from './render.js';

// After a return the farm corrects its figures, not the farm it applied for; the reviewer's own note stays internal.
const forms: Record<string, FormDefinition> = {
  application: { ...applicationForm, access: { returned: { producer: { farmName: 'readOnly' } } } },
  reason: {
    ...reasonForm,
    schema: { ...reasonForm.schema, properties: { ...(reasonForm.schema.properties as object), internal: { type: 'string', maxLength: 500 } } },
    fields: { ...reasonForm.fields, internal: { kind: 'textarea', label: { zh: '内部备注', en: 'Internal note' } } },
    layout: { type: 'section', children: [{ type: 'field', field: 'reason' }, { type: 'field', field: 'internal' }] },
    access: { '*': { producer: { internal: 'hidden' } } },
  },
};
const formFor = (_w: string, _e: string, _i: unknown, form: { id: string }) => forms[form.id];

async function returnedCase() {
  const engine = createEngine({
    store: createMemoryStore(),
    clock: createManualClock(MONDAY),
    workflows: [reviewWorkflow, labelledReviewWorkflow],
    validate: createEngineValidator(({ form }) => forms[form.id]),
  });
  await engine.start('qualification-demo', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'q-1' });
  await engine.send('q-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
  await engine.send('q-1', { type: 'RETURN', data: { reason: '存栏量与防疫记录不符', internal: '建议现场核查' } }, { actor: actors.supervision });
  return engine;
}

const withEngine = (engine: Engine, node: React.ReactNode) => mount(<EngineProvider engine={engine} locale="zh-CN">{node}</EngineProvider>);

afterEach(() => unmount());

describe('field permissions in the widgets', () => {
  it('shows a read-only field filled with what the case holds; the farm changes the rest and the engine accepts', async () => {
    const engine = await returnedCase();
    const host = withEngine(engine, <CaseView instanceId="q-1" actor={actors.farm} formFor={formFor} />);
    (await until(() => buttonNamed(host, '提交申请'), 'SUBMIT action')).click();
    const farmName = await until(() => host.querySelector<HTMLInputElement>('input[id$="-farmName"]'), 'farm name field');
    expect(farmName.value).toBe(application.farmName);
    expect(farmName.readOnly).toBe(true);
    expect(text(host)).toContain('灰色字段在此环节只读，沿用已填写的内容。');
    expect(await axeViolations(host)).toEqual([]);
    const headCount = host.querySelector<HTMLInputElement>('input[id$="-headCount"]')!;
    await userEvent.clear(headCount);
    await userEvent.type(headCount, '420');
    buttonNamed(host, '提交')!.click();
    await until(() => host.querySelector('.nw-success[role=status]'), 'success message');
    expect((await engine.history('q-1')).at(-1)).toMatchObject({ event: { type: 'SUBMIT', data: { farmName: application.farmName, headCount: 420 } } });
  });

  it('a timeline of a reader\'s journal says how much was withheld and never shows it', async () => {
    const engine = await returnedCase();
    // What the server answers the farm: its journal without the fields its roles may not see.
    const reader: Engine = {
      ...engine,
      history: async (id) =>
        (await engine.history(id)).map((entry) => {
          const definition = entry.form ? forms[entry.form.id] : undefined;
          if (!definition || !entry.event.data) return entry;
          const kept = withholdData(definition, entry.event.data, entry.stateBefore === null ? null : stateKeyOf(entry.stateBefore), actors.farm.roles);
          return kept.withheld.length === 0 ? entry : { ...entry, event: { ...entry.event, data: kept.data }, withheld: kept.withheld };
        }),
    };
    const host = withEngine(reader, <Timeline instanceId="q-1" />);
    const row = await until(() => [...host.querySelectorAll('li[data-seq]')].find((li) => text(li).includes('存栏量与防疫记录不符')), 'the return in the timeline');
    expect(text(row)).toContain('另有 1 项内容按字段权限不向您显示。');
    expect(text(host)).not.toContain('建议现场核查');
    expect(await axeViolations(host)).toEqual([]);
  });
});
