/**
 * Variant mode in Chromium: lineage marks, a regional field added after a base field, regional
 * options, and rebasing onto a newer base version with a conflict to settle before publishing.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { allKindsForm } from './fixtures.js';
import { axeViolations, button, labelled, mount, until } from './render.js';

describe('variant mode', () => {
  it('adds a regional field, swaps options, rebases onto a new base and settles the conflict', async () => {
    const store = createMemoryDesignerStore();
    await store.publish({ kind: 'form', definition: allKindsForm() }, { effectiveFrom: '2026-01-01', note: 'v1' });
    const host = mount(<Designer store={store} formId="farm-registration" region="kaizhou" autosaveMs={0} />);
    await until(() => host.querySelector('.ngd[aria-busy=false]') && button(host, '编辑区域变体'), 'loaded');
    expect(labelled<HTMLSelectElement>(host, '地区')?.value).toBe('kaizhou');
    button(host, '编辑区域变体')!.click();
    await until(() => host.querySelector('[data-variant-field=area]'), 'variant table');
    expect(host.querySelectorAll('.ngd-lineage--inherited').length).toBe(Object.keys(allKindsForm().fields).length);

    // Tighten area (to conflict later), add a regional field after the address, swap species options.
    host.querySelector<HTMLDetailsElement>('[data-variant-field=area] details')!.open = true;
    await userEvent.fill(labelled<HTMLInputElement>(host, '最大值（基础：无）：area')!, '3000');
    await userEvent.fill(labelled<HTMLInputElement>(host, '字段键（可留空）')!, 'manurePlan');
    await userEvent.selectOptions(labelled<HTMLSelectElement>(host, '放在此字段之后')!, 'address');
    button(host, '新增')!.click();
    await until(() => host.querySelector('[data-variant-field=manurePlan] .ngd-lineage--added'), 'added field marked');
    await userEvent.fill(labelled<HTMLInputElement>(host, '字段标签（中文）：manurePlan')!, '粪污处理方案');
    host.querySelector<HTMLDetailsElement>('[data-variant-field=species] details')!.open = true;
    await userEvent.selectOptions(labelled<HTMLSelectElement>(host, '区域选项：species')!, 'species');
    await until(() => host.querySelector('[data-variant-field=species] .ngd-lineage--overridden'), 'species overridden');
    await until(() => host.querySelector('.ngd-preview form')?.textContent?.includes('粪污处理方案'), 'added field in the preview');

    // A new base version lowers area's maximum below the region's 3000: rebase shows the conflict.
    const v2 = allKindsForm();
    v2.version = '1.1.0';
    (v2.schema.properties as Record<string, Record<string, unknown>>).area!.maximum = 2000;
    await store.publish({ kind: 'form', definition: v2 }, { effectiveFrom: '2026-06-01', note: 'v1.1' });
    button(host, '返回基础表单')!.click();
    await until(() => button(host, '编辑区域变体'), 'base mode');
    // The version list diffs 1.0.0 → 1.1.0 readably.
    (await until(() => button(host, '对比 1.0.0'), 'diff button')).click();
    const diff = await until(() => host.querySelector('[aria-label="版本差异"]'), 'diff');
    expect(diff.textContent).toContain('修改 version："1.0.0" → "1.1.0"');
    expect(diff.textContent).toContain('新增 schema.properties.area.maximum：2000');
    button(host, '编辑区域变体')!.click();
    const rebase = await until(() => button(host, '变基到基础表单 1.1.0'), 'rebase button');
    rebase.click();
    const conflicts = await until(() => host.querySelector('[aria-label="变基冲突"]'), 'conflicts');
    expect(conflicts.textContent).toContain('/overlay/tighten/area/maximum');
    await until(() => host.querySelector('.ngd-versions')?.textContent?.includes('变基冲突未处理'), 'publishing blocked');
    expect(host.textContent).toContain('基于 farm-registration@1.1.0');
    expect(await axeViolations()).toEqual([]);
    button(host, '放弃此差异')!.click();
    await until(() => !host.querySelector('[aria-label="变基冲突"]'), 'conflict settled');
    await userEvent.fill(labelled<HTMLTextAreaElement>(host, '变更说明')!, '开州：增加粪污处理方案');
    await until(() => button(host, '发布') && !button(host, '发布')!.disabled, 'publishable');
    button(host, '发布')!.click();
    await until(() => host.querySelector('[data-version="1.0.0"]'), 'variant published');
    const published = await store.getVersion('farm-registration-kaizhou', '1.0.0');
    expect(published?.doc.kind === 'variant' && published.doc.variant.base).toEqual({ id: 'farm-registration', version: '1.1.0' });
    expect(published?.doc.kind === 'variant' && Object.keys(published.doc.variant.overlay).sort()).toEqual(['add', 'options']);
  });
});
