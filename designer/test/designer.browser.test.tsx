/**
 * The designer as a whole in Chromium: an every-kind form renders with zero axe-core violations in
 * both languages; selecting and relabelling re-render only the touched field cards; a hostile JSON
 * import is refused with path + reason and leaves the open document as it was.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDesignerSession, createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { allKindsForm } from './fixtures.js';
import { axeViolations, labelled, mount, nextFrame, until } from './render.js';

describe('<Designer>', () => {
  it('renders an every-kind form (steps, tabs, columns) with no axe-core violations, zh and en', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const host = mount(<Designer store={createMemoryDesignerStore()} initialDefinition={allKindsForm()} locale={locale} />);
      await until(() => host.querySelector('[data-field=farmName]') && host.querySelector('.ngd-preview form'), 'designer and preview');
      expect(host.querySelectorAll('[data-field]')).toHaveLength(Object.keys(allKindsForm().fields).length);
      expect(await axeViolations()).toEqual([]);
    }
  });

  it('previews with the real renderer in zh/en and edit / read-only / print', async () => {
    const host = mount(<Designer store={createMemoryDesignerStore()} initialDefinition={allKindsForm()} />);
    const form = await until(() => host.querySelector<HTMLFormElement>('.ngd-preview form'), 'preview');
    expect(form.className).toContain('ng-form--edit');
    await userEvent.selectOptions(labelled<HTMLSelectElement>(host, '预览语言')!, 'en');
    await until(() => host.querySelector('.ngd-preview form')?.getAttribute('lang') === 'en', 'English preview');
    expect(host.querySelector('.ngd-preview')?.textContent).toContain('Farm name');
    await userEvent.selectOptions(labelled<HTMLSelectElement>(host, '预览模式')!, 'print');
    await until(() => host.querySelector('.ngd-preview form.ng-form--print'), 'print mode');
    await userEvent.selectOptions(labelled<HTMLSelectElement>(host, '预览模式')!, 'readonly');
    await until(() => host.querySelector('.ngd-preview form.ng-form--readonly'), 'read-only mode');
    // Live: an edit on the canvas reaches the preview once typing pauses.
    host.querySelector<HTMLButtonElement>('[data-field=farmName] .ngd-card-main')!.click();
    const en = await until(() => labelled<HTMLInputElement>(host, 'Label (English)'), 'English label input');
    await userEvent.fill(en, 'Name of the farm');
    await until(() => host.querySelector('.ngd-preview')?.textContent?.includes('Name of the farm'), 'preview follows the edit');
  });

  it('selecting a field and typing its label re-render that field card only, not the canvas', async () => {
    const renders: Record<string, number> = {};
    const session = createDesignerSession(allKindsForm());
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} onFieldRender={(k) => void (renders[k] = (renders[k] ?? 0) + 1)} />);
    await until(() => host.querySelector('[data-field=uscc]') && host.querySelector('.ngd[aria-busy=false]'), 'canvas, loaded');
    await nextFrame();
    const count = () => Object.entries(renders).filter(([, n]) => n > 0).map(([k]) => k).sort();
    for (const k of Object.keys(renders)) renders[k] = 0;
    host.querySelector<HTMLButtonElement>('[data-field=farmName] .ngd-card-main')!.click();
    await nextFrame();
    expect(count()).toEqual(['farmName']);
    for (const k of Object.keys(renders)) renders[k] = 0;
    host.querySelector<HTMLButtonElement>('[data-field=uscc] .ngd-card-main')!.click();
    await nextFrame();
    expect(count()).toEqual(['farmName', 'uscc']); // one loses the selection, one gains it
    for (const k of Object.keys(renders)) renders[k] = 0;
    const label = await until(() => labelled<HTMLInputElement>(host, '标签（中文）'), 'label input');
    label.focus();
    await userEvent.keyboard('号');
    await nextFrame();
    expect(count()).toEqual(['uscc']);
    expect(renders.uscc).toBe(1);
    expect(session.getSnapshot().state.definition.fields.uscc?.label.zh).toBe('统一社会信用代码号');
  });

  it('refuses a hostile import with path and reason, keeping the open document', async () => {
    const session = createDesignerSession(allKindsForm());
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} />);
    const input = await until(() => labelled<HTMLInputElement>(host, '导入 JSON'), 'import input');
    const before = session.getSnapshot();
    const hostile = JSON.stringify(allKindsForm()).replace('"farmName":{"kind"', '"__proto__":{"x":1},"farmName":{"kind"');
    await userEvent.upload(input, new File([hostile], 'hostile.json', { type: 'application/json' }));
    const issues = await until(() => host.querySelector('.ngd-import-issues'), 'import problems');
    expect(issues.textContent).toContain('__proto__');
    expect(issues.textContent).toContain('当前文档未改变');
    expect(session.getSnapshot()).toBe(before);

    // A script in a label imports as text: no element is created from it.
    const form = allKindsForm();
    form.title = { zh: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>', en: 'x' };
    form.id = 'imported';
    await userEvent.upload(input, new File([JSON.stringify(form)], 'ok.json', { type: 'application/json' }));
    await until(() => session.getSnapshot().state.definition.id === 'imported', 'imported');
    await until(() => host.querySelector('.ngd-preview h2.ng-title')?.textContent?.includes('<script>'), 'the hostile title shown as text');
    expect(host.querySelector('.ngd-preview script, .ngd-preview img[src=x]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('starts a blank form and opens stored documents from the document menu', async () => {
    const store = createMemoryDesignerStore();
    await store.publish({ kind: 'form', definition: allKindsForm() }, { effectiveFrom: '2026-01-01', note: '基础表单' });
    const host = mount(<Designer store={store} autosaveMs={0} />);
    await until(() => host.querySelector('.ngd[aria-busy=false]'), 'loaded');
    await userEvent.fill(labelled<HTMLInputElement>(host, '新表单编号')!, 'inspection-record');
    [...host.querySelectorAll('button')].find((b) => b.textContent === '新建空白表单')!.click();
    await until(() => labelled<HTMLInputElement>(host, '表单编号')?.value === 'inspection-record', 'blank form opened');
    [...host.querySelectorAll('button')].find((b) => b.textContent === '添加日期')!.click();
    await until(async () => (await store.getDraft('inspection-record')) !== undefined, 'draft autosaved');
    const menu = labelled<HTMLSelectElement>(host, '文档')!;
    menu.focus();
    await until(() => menu.querySelectorAll('option').length === 3, 'two documents listed');
    await userEvent.selectOptions(menu, 'farm-registration');
    [...host.querySelectorAll('button')].find((b) => b.textContent === '打开')!.click();
    await until(() => host.querySelector('[data-field=farmName]'), 'published form opened');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === '创建新版本')).toBe(true);
    await userEvent.selectOptions(menu, 'inspection-record');
    [...host.querySelectorAll('button')].find((b) => b.textContent === '打开')!.click();
    await until(() => host.querySelector('[data-field=date1]'), 'draft reopened');
    expect(await axeViolations()).toEqual([]);
  });
});
