/**
 * Variant mode UI in Chromium, by keyboard: move a field down / up / "move to…", tighten a pattern
 * (a refused pattern shows its reason and is not stored), relabel help and unit; the overlay keeps
 * only differences; zero axe-core violations with every panel open.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDesignerSession, createMemoryDesignerStore, startVariant } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { allKindsForm } from './fixtures.js';
import { axeViolations, button, labelled, mount, nextFrame, until } from './render.js';

const rows = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('[data-variant-field]')].map((r) => r.dataset.variantField);

describe('variant mode: move, pattern, help and unit', () => {
  it('by keyboard: moves fields, refuses a backreference pattern with its reason, stores a good one, relabels help and unit', async () => {
    const base = allKindsForm();
    const session = createDesignerSession(base, startVariant(base, 'beijing'));
    const overlay = () => session.getSnapshot().state.variant!.variant.overlay;
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} autosaveMs={0} />);
    await until(() => host.querySelector('[data-variant-field=uscc]') && host.querySelector('.ngd[aria-busy=false]'), 'variant table');
    expect(rows(host).slice(0, 3)).toEqual(['farmName', 'uscc', 'mobile']);

    // Move uscc down with the keyboard; focus stays on the button that moved it.
    const down = button(host, '下移：统一社会信用代码')!;
    down.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => rows(host)[2] === 'uscc', 'uscc moved below mobile');
    await nextFrame();
    await nextFrame();
    expect(document.activeElement).toBe(down);
    expect(overlay().move).toEqual([{ field: 'uscc', after: 'mobile' }]);
    expect(host.querySelector('[data-variant-field=uscc] .ngd-lineage--overridden')).not.toBeNull();
    // …and back up: back at its base place, nothing is stored.
    button(host, '上移：统一社会信用代码')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => rows(host)[1] === 'uscc', 'uscc back');
    expect(overlay()).toEqual({});

    // "Move to…": pick the field to follow from a list (any section).
    const moveTo = button(host, '移到…：统一社会信用代码')!;
    moveTo.focus();
    await userEvent.keyboard('{Enter}');
    const after = await until(() => labelled<HTMLSelectElement>(host, '放在此字段之后：uscc'), 'place-after list');
    expect(document.activeElement).toBe(after);
    await userEvent.selectOptions(after, 'species');
    await until(() => rows(host).indexOf('uscc') === rows(host).indexOf('species') + 1, 'uscc after species');
    expect(overlay().move).toEqual([{ field: 'uscc', after: 'species' }]);
    expect(labelled(host, '放在此字段之后：uscc')).toBeUndefined();
    await until(() => document.activeElement === moveTo, 'focus back on "Move to…"');

    // Pattern on address (the base has none), typed: a backreference is refused with its reason.
    host.querySelector<HTMLDetailsElement>('[data-variant-field=address] details')!.open = true;
    const pattern = labelled<HTMLInputElement>(host, '正则格式（基础：无，留空则不限）：address')!;
    pattern.focus();
    await userEvent.keyboard('^(北京)\\1');
    const alert = await until(() => host.querySelector('[data-variant-field=address] [role=alert]'), 'pattern refused');
    expect(alert.textContent).toContain('反向引用');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect(overlay().tighten).toBeUndefined();
    await userEvent.keyboard('{Backspace}{Backspace}.*');
    await until(() => !host.querySelector('[data-variant-field=address] [role=alert]'), 'acceptable pattern');
    expect(overlay().tighten).toEqual({ address: { pattern: '^(北京).*' } });

    // Help and unit relabelled; equal to the base is not stored.
    host.querySelector<HTMLDetailsElement>('[data-variant-field=headCount] details')!.open = true;
    await userEvent.fill(labelled<HTMLInputElement>(host, '区域单位（英文，留空沿用基础）：headCount')!, 'animals');
    await userEvent.fill(labelled<HTMLInputElement>(host, '区域单位（中文，留空沿用基础）：headCount')!, '只');
    await userEvent.fill(labelled<HTMLInputElement>(host, '区域帮助说明（中文，留空沿用基础）：headCount')!, '含种畜');
    host.querySelector<HTMLDetailsElement>('[data-variant-field=farmName] details')!.open = true;
    await userEvent.fill(labelled<HTMLInputElement>(host, '区域帮助说明（中文，留空沿用基础）：farmName')!, '与营业执照一致');
    expect(overlay().relabel).toEqual({ headCount: { unit: { zh: '只', en: 'animals' }, help: { zh: '含种畜', en: '' } } });
    await until(() => host.querySelector('.ngd-preview')?.textContent?.includes('含种畜'), 'preview shows the regional help');

    expect(await axeViolations()).toEqual([]);
  });

  it('shows a refused pattern in English in an English designer', async () => {
    const base = allKindsForm();
    const session = createDesignerSession(base, startVariant(base, 'beijing'));
    const host = mount(<Designer store={createMemoryDesignerStore()} session={session} autosaveMs={0} locale="en" />);
    await until(() => host.querySelector('[data-variant-field=address]') && host.querySelector('.ngd[aria-busy=false]'), 'variant table');
    host.querySelector<HTMLDetailsElement>('[data-variant-field=address] details')!.open = true;
    const pattern = labelled<HTMLInputElement>(host, 'Pattern (base: none; empty for none): address')!;
    pattern.focus();
    await userEvent.keyboard('(?=a)');
    const alert = await until(() => host.querySelector('[data-variant-field=address] [role=alert]'), 'pattern refused');
    expect(alert.textContent).toContain('lookahead');
    expect(session.getSnapshot().state.variant!.variant.overlay).toEqual({});
    expect(await axeViolations()).toEqual([]);
  });
});
