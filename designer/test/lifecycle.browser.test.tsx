/**
 * The governed lifecycle of a form in real Chromium on real IndexedDB (Dexie): add a rule with the
 * structured editor (unknown fields flagged as typed), undo/redo, publish an immutable version,
 * create a Beijing variant that hides a field and tightens a constraint, publish it, then remount
 * on the same database and find everything as it was. axe-core finds no violations on the way.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { addField, createDexieDesignerStore, updateField } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { buildFarmForm } from './fixtures.js';
import { axeViolations, button, labelled, mount, unmount, until } from './render.js';

function farmWithRemarks() {
  const s = buildFarmForm();
  s.execute(addField({ kind: 'textarea', list: '/layout/children/0/children', key: 'remarks' }));
  s.execute(updateField('remarks', { label: { zh: '备注', en: 'Remarks' } }));
  return s.getSnapshot().state.definition;
}

const contracts = { farm: { type: 'object', required: ['farmName'], properties: { headCount: { type: 'integer', minimum: 0 } } } };

async function type(el: HTMLElement, text: string) {
  el.focus();
  await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
  if (text) await userEvent.keyboard(text.replace(/[{[]/g, (c) => c + c));
}

describe('rules, publishing, variants and reload', () => {
  it('keeps everything across a remount on the same IndexedDB', async () => {
    const dbName = `designer-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    let store = createDexieDesignerStore({ name: dbName });
    let host = mount(<Designer store={store} formId="farm" initialDefinition={farmWithRemarks()} contracts={contracts} autosaveMs={50} />);

    // A rule on headCount: visible if species == pig, built with the structured editor.
    (await until(() => host.querySelector<HTMLButtonElement>('[data-field=headCount] .ngd-card-main'), 'headCount card')).click();
    (await until(() => button(host, '添加条件'), 'add condition')).click();
    const fieldSelect = await until(() => labelled<HTMLSelectElement>(host, '条件 1 的字段'), 'condition field');
    await userEvent.selectOptions(fieldSelect, 'species');
    await userEvent.selectOptions(await until(() => labelled<HTMLSelectElement>(host, '条件 1 的取值'), 'value select'), 'pig');
    const raw = labelled<HTMLTextAreaElement>(host, 'JsonLogic 原文')!;
    await until(() => raw.value === '{"==":[{"var":"species"},"pig"]}', 'raw JsonLogic');

    // Typing an unknown field in the raw rule is flagged at once.
    await type(raw, '{"==":[{"var":"speces"},"pig"]}');
    await until(() => host.querySelector('.ngd-props .ngd-issues')?.textContent?.includes('speces'), 'unknown field flagged');
    // Undo restores the structured rule; redo brings the typo back; undo again.
    button(host, /^撤销/)!.click();
    await until(() => raw.value === '{"==":[{"var":"species"},"pig"]}', 'undone');
    button(host, /^重做/)!.click();
    await until(() => raw.value.includes('speces'), 'redone');
    button(host, /^撤销/)!.click();
    await until(() => raw.value === '{"==":[{"var":"species"},"pig"]}' && !host.querySelector('.ngd-props .ngd-issues'), 'rule fixed');
    expect(await axeViolations()).toEqual([]);

    // Publish 1.0.0 with an effective date and a note.
    await until(() => host.textContent?.includes('✓ 满足流程数据契约'), 'contract ok');
    await type(labelled<HTMLTextAreaElement>(host, '变更说明')!, '首次发布');
    const dateInput = labelled<HTMLInputElement>(host, '生效日期')!;
    await userEvent.fill(dateInput, '2026-01-01');
    await until(() => !button(host, '发布')?.disabled, 'publish enabled').catch((e) => {
      throw new Error(`${e}: ${host.querySelector('.ngd-versions')?.textContent} note=${labelled<HTMLTextAreaElement>(host, '变更说明')?.value}`);
    });
    button(host, '发布')!.click();
    await until(() => host.querySelector('[data-version="1.0.0"]'), 'version listed');
    expect(host.querySelector('[data-version="1.0.0"]')?.textContent).toContain('2026-01-01');
    // Published: locked until a new version is started.
    await until(() => button(host, '创建新版本'), 'locked');
    expect(button(host, '添加单行文本')?.disabled).toBe(true);

    // Beijing variant: hide remarks, tighten headCount maximum to 500.
    button(host, '编辑区域变体')!.click();
    const hide = await until(() => labelled<HTMLInputElement>(host, '隐藏：备注'), 'variant table');
    hide.click();
    await until(() => host.querySelector('[data-variant-field=remarks] .ngd-lineage--hidden'), 'remarks hidden');
    host.querySelector<HTMLDetailsElement>('[data-variant-field=headCount] details')!.open = true;
    await type(labelled<HTMLInputElement>(host, '最大值（基础：100000）：headCount')!, '500');
    await until(() => host.querySelector('[data-variant-field=headCount] .ngd-lineage--overridden'), 'headCount overridden');
    expect(host.querySelector('[data-variant-field=farmName] .ngd-lineage--inherited')).not.toBeNull();
    // A looser value is refused at publish time: try 200000, see the problem, then go back to 500.
    await type(labelled<HTMLInputElement>(host, '最大值（基础：100000）：headCount')!, '200000');
    await until(() => host.querySelector('.ngd-versions .ngd-issues')?.textContent?.includes('宽松'), 'looser refused');
    await type(labelled<HTMLInputElement>(host, '最大值（基础：100000）：headCount')!, '500');
    // Hiding a field the lifecycle contract requires blocks publishing; unhide it again.
    labelled<HTMLInputElement>(host, '隐藏：养殖场名称')!.click();
    await until(() => host.textContent?.includes('✗ 不满足流程数据契约'), 'contract broken');
    labelled<HTMLInputElement>(host, '隐藏：养殖场名称')!.click();
    await until(() => host.textContent?.includes('✓ 满足流程数据契约'), 'contract met again');
    expect(await axeViolations()).toEqual([]);
    await type(labelled<HTMLTextAreaElement>(host, '变更说明')!, '北京：不收集备注，存栏上限 500');
    await until(() => !button(host, '发布')?.disabled, 'variant publishable');
    button(host, '发布')!.click();
    await until(() => host.querySelector('[data-version="1.0.0"]') && button(host, '创建新版本'), 'variant published');

    // Back to the base: start 1.1.0 and relabel farmName (an autosaved draft).
    button(host, '返回基础表单')!.click();
    await until(() => host.querySelector('[data-field=farmName]') && button(host, '创建新版本'), 'base again');
    button(host, '创建新版本')!.click();
    (await until(() => host.querySelector<HTMLButtonElement>('[data-field=farmName] .ngd-card-main'), 'farmName card')).click();
    await type((await until(() => labelled<HTMLInputElement>(host, '标签（中文）'), 'label input')), '养殖场（单位）名称');
    await until(async () => (await store.getDraft('farm'))?.doc.kind === 'form', 'autosaved');
    await until(() => store.getDraft('farm').then((d) => d?.doc.kind === 'form' && d.doc.definition.fields.farmName?.label.zh === '养殖场（单位）名称'), 'draft saved');

    // "Reload": unmount, a new store object on the same database, mount again.
    unmount();
    store.close();
    store = createDexieDesignerStore({ name: dbName });
    host = mount(<Designer store={store} formId="farm" contracts={contracts} />);
    await until(() => host.querySelector('[data-field=farmName] .ngd-card-main')?.textContent?.includes('养殖场（单位）名称'), 'draft restored').catch(async (e) => {
      throw new Error(`${e}: ${host.querySelector('.ngd-canvas')?.textContent} | ${JSON.stringify(await store.getDraft('farm')).slice(0, 300)} | ${host.querySelector('.ngd-status')?.textContent}`);
    });
    expect(labelled<HTMLInputElement>(host, '版本号')?.value).toBe('1.1.0');
    expect((await until(() => host.querySelector('[data-version="1.0.0"]'), 'base versions')).textContent).toContain('首次发布');
    (await until(() => host.querySelector<HTMLButtonElement>('[data-field=headCount] .ngd-card-main'), 'headCount')).click();
    await until(() => labelled<HTMLTextAreaElement>(host, 'JsonLogic 原文')?.value === '{"==":[{"var":"species"},"pig"]}', 'rule kept');
    button(host, '编辑区域变体')!.click();
    await until(() => host.querySelector('[data-variant-field=remarks] .ngd-lineage--hidden'), 'variant restored: remarks hidden');
    host.querySelector<HTMLDetailsElement>('[data-variant-field=headCount] details')!.open = true;
    expect(labelled<HTMLInputElement>(host, '最大值（基础：100000）：headCount')?.value).toBe('500');
    await until(() => host.querySelector('[data-version="1.0.0"]')?.textContent?.includes('北京'), 'variant version listed');
    const published = await store.getVersion('farm-beijing', '1.0.0');
    expect(published?.doc.kind === 'variant' && published.doc.variant.overlay).toEqual({ hide: ['remarks'], tighten: { headCount: { maximum: 500 } } });
    expect(await axeViolations()).toEqual([]);
    unmount();
    store.close();
  });
});
