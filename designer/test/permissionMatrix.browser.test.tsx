/**
 * The field-permission matrix in Chromium: configuration staff pick a step, set a field per role,
 * and the form a person of that role fills at that step renders accordingly; each change undoes;
 * names only (no field, role or state keys); axe-clean.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { accessAt } from '@nongan/forms';
import { FormView } from '@nongan/forms/react';
import { createDesignerSession, type PermissionStep } from '../src/index.js';
import { DesignerProvider } from '../src/react/Designer.js';
import { PermissionMatrix } from '../src/react/PermissionMatrix.js';
import { allKindsForm } from './fixtures.js';
import { axeViolations, mount, unmount, until } from './render.js';

const t = (zh: string, en: string) => ({ zh, en });
const steps: PermissionStep[] = [
  { state: '*', label: t('所有环节（默认值，含发起）', 'Every step'), roles: [{ role: 'producer', label: t('生产主体', 'Producer'), fills: true }, { role: 'supervision', label: t('动物卫生监督机构', 'Supervision'), fills: false }] },
  { state: 'review', label: t('审核', 'Review'), roles: [{ role: 'producer', label: t('生产主体', 'Producer'), fills: false }, { role: 'supervision', label: t('动物卫生监督机构', 'Supervision'), fills: true }] },
];

afterEach(() => unmount());

describe('PermissionMatrix', () => {
  it('sets a field per step and role; the form of that role at that step follows; undo restores', async () => {
    const session = createDesignerSession(allKindsForm());
    const host = mount(
      <DesignerProvider session={session}>
        <PermissionMatrix steps={steps} />
      </DesignerProvider>,
    );
    const stepSelect = await until(() => [...host.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === '环节'), 'step picker');
    expect([...stepSelect.options].map((o) => o.text)).toEqual(['所有环节（默认值，含发起）', '审核']);
    await userEvent.selectOptions(stepSelect, 'review');
    const farmNameLabel = allKindsForm().fields.farmName!.label.zh;
    const cell = await until(() => host.querySelector<HTMLSelectElement>(`select[aria-label="${farmNameLabel} · 动物卫生监督机构"]`), 'farm name × supervision cell');
    expect(cell.value).toBe('editable');
    await userEvent.selectOptions(cell, 'readOnly');
    expect(session.getSnapshot().state.definition.access).toEqual({ review: { supervision: { farmName: 'readOnly' } } });
    // The '*' row is every step's default: a field hidden from the producer there is hidden at review too.
    await userEvent.selectOptions(stepSelect, '*');
    const mobileLabel = allKindsForm().fields.mobile!.label.zh;
    await userEvent.selectOptions(await until(() => host.querySelector<HTMLSelectElement>(`select[aria-label="${mobileLabel} · 生产主体"]`), 'mobile × producer'), 'hidden');
    await userEvent.selectOptions(stepSelect, 'review');
    await until(() => host.querySelector<HTMLSelectElement>(`select[aria-label="${mobileLabel} · 生产主体"]`)?.value === 'hidden', 'inherited hidden shown at review');
    // No keys on screen: the table speaks in labels.
    const shown = host.querySelector('fieldset')!.innerText;
    for (const key of ['farmName', 'supervision', 'producer', 'readOnly', 'review']) expect(shown).not.toContain(key);
    expect(await axeViolations(host)).toEqual([]);

    // The form a producer fills at review: the mobile is not there.
    const definition = session.getSnapshot().state.definition;
    const form = mount(<FormView definition={definition} access={accessAt(definition.access, { state: 'review', role: 'producer' })} />);
    await until(() => form.querySelector('form'), 'the producer\'s form');
    expect(form.querySelector('[id$="-mobile"]')).toBeNull();
    expect(form.querySelector('[id$="-farmName"]')).not.toBeNull();

    session.undo();
    session.undo();
    expect(session.getSnapshot().state.definition.access).toBeUndefined();
  });

  it('says what to do when no step uses the form yet', async () => {
    const host = mount(
      <DesignerProvider session={createDesignerSession(allKindsForm())}>
        <PermissionMatrix steps={[]} />
      </DesignerProvider>,
    );
    expect(host.textContent).toContain('此表单尚未用于任何业务环节');
    expect(await axeViolations(host)).toEqual([]);
  });
});
