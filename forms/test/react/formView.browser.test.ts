/**
 * The renderer in real Chromium: every kind and layout renders with bound labels, axe-core finds no
 * violations, typing re-renders only the typed field (and fields whose rules read it), errors are
 * announced, drafts survive a remount, and a broken definition shows its problems instead of crashing.
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryDraftStore } from '../../src/index.js';
import { allKindsForm } from '../fixtures/allKinds.js';
import { mountForm, until } from './render.js';

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('FormView', () => {
  it('renders every step with labelled controls and no axe-core violations (zh and en)', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const host = mountForm({ definition: allKindsForm(), locale, value: { species: 'pig', scale: 'large' } });
      await until(() => host.querySelector('form'), 'form');
      const input = host.querySelector<HTMLInputElement>('input[type=text]')!;
      expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toContain(locale === 'en' ? 'Farm name' : '养殖场名称');
      expect(await axeViolations(host)).toEqual([]);
    }
  });

  it('re-renders only the typed field, and the fields whose rules read it', async () => {
    const renders: Record<string, number> = {};
    const onFieldRender = (key: string) => void (renders[key] = (renders[key] ?? 0) + 1);
    const host = mountForm({ definition: allKindsForm(), value: { species: 'pig', headCount: 4990 }, onFieldRender });
    const name = await until(() => host.querySelector<HTMLInputElement>('input[type=text]'), 'farm name');
    for (const key of Object.keys(renders)) renders[key] = 0;
    await userEvent.type(name, '济源');
    expect(Object.entries(renders).filter(([, n]) => n > 0).map(([k]) => k)).toEqual(['farmName']);
    expect(name.value).toBe('济源');
  });

  it('announces errors once a field is left, by label, and wires aria-invalid / aria-describedby', async () => {
    const host = mountForm({ definition: allKindsForm(), locale: 'zh-CN' });
    const mobile = await until(() => [...host.querySelectorAll<HTMLInputElement>('input[type=text]')].find((i) => i.id.endsWith('-mobile')), 'mobile');
    await userEvent.type(mobile, '12345');
    await userEvent.tab();
    await until(() => mobile.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    const error = document.getElementById(mobile.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    // Beside the field, the message does not repeat the label already above it.
    expect(error.textContent).toContain('应为 11 位手机号码');
    expect(error.textContent).not.toContain('联系电话');
    expect(error.getAttribute('aria-live')).toBe('polite');
  });

  it('moves through steps with the keyboard and stops on a step with errors', async () => {
    const host = mountForm({ definition: allKindsForm(), locale: 'en' });
    const next = await until(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Next'), 'next');
    next.focus();
    await userEvent.keyboard('{Enter}');
    // Required fields of step 1 are empty: the wizard stays and focuses the first invalid field.
    expect(host.querySelector('[aria-current=step]')?.textContent).toBe('Basics');
    expect(document.activeElement?.id).toMatch(/-farmName$/);
  });

  it('switches tabs with arrow keys, and re-renders rule dependents only', async () => {
    const form = allKindsForm();
    const steps = form.layout.type === 'steps' ? form.layout.steps : [];
    const tabsOnly = { ...form, layout: steps[1]!.children[0]! };
    const renders: Record<string, number> = {};
    const host = mountForm({ definition: tabsOnly, locale: 'en', value: { species: 'pig', headCount: 4990 }, onFieldRender: (key) => void (renders[key] = (renders[key] ?? 0) + 1) });
    const tabs = await until(() => host.querySelectorAll<HTMLButtonElement>('[role=tab]'), 'tabs');
    tabs[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(document.getElementById(tabs[1]!.getAttribute('aria-controls')!)!.hidden).toBe(false);
    await userEvent.keyboard('{ArrowRight}');
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');

    // headCount feeds the computed largeFarm (seed 002: ≥5000 pigs): typing re-renders exactly those two.
    for (const key of Object.keys(renders)) renders[key] = 0;
    const headCount = host.querySelector<HTMLInputElement>('input[type=number][id$="-headCount"]')!;
    await userEvent.clear(headCount);
    await userEvent.type(headCount, '5000');
    expect(Object.entries(renders).filter(([, n]) => n > 0).map(([k]) => k).sort()).toEqual(['headCount', 'largeFarm']);
    expect(host.querySelector('output[id$="-largeFarm"]')?.textContent).toBe('Yes');
  });

  it('lays every step out in read-only and print modes, with values as text and no axe-core violations', async () => {
    for (const mode of ['readonly', 'print'] as const) {
      const host = mountForm({ definition: allKindsForm(), locale: 'en', mode, value: { farmName: '济源养殖场', species: 'pig', vaccines: ['fmd', 'ppr'], headCount: 320, herds: [{ kind: 'sow', count: 20 }] } });
      expect(host.textContent).toContain('Pigs');
      expect(host.textContent).toContain('FMD、PPR');
      expect(host.textContent).toContain('320 head');
      expect(host.textContent).toContain('Sows');
      expect(host.querySelector('input, select, textarea')).toBeNull();
      expect(await axeViolations(host)).toEqual([]);
    }
  });

  it('restores an autosaved draft on the next mount', async () => {
    const store = createMemoryDraftStore();
    const draft = { store, key: 'farm-1', debounceMs: 10 };
    const host = mountForm({ definition: allKindsForm(), draft });
    const name = await until(() => host.querySelector<HTMLInputElement>('input[type=text]'), 'farm name');
    await userEvent.type(name, '伊川绿源养殖场');
    await until(async () => (await store.load('farm-1'))?.value.farmName === '伊川绿源养殖场', 'draft saved');
    await new Promise((r) => setTimeout(r, 50));
    const again = mountForm({ definition: allKindsForm(), draft });
    const restored = await until(() => again.querySelector<HTMLInputElement>('input[type=text]'), 'restored field');
    expect(restored.value).toBe('伊川绿源养殖场');
  });

  it('shows the problems of a broken definition instead of crashing, and renders labels as text', async () => {
    const broken = { ...allKindsForm(), layout: { type: 'section', children: [{ type: 'field', field: 'nope' }] } };
    const host = mountForm({ definition: broken });
    expect(host.querySelector('[role=alert]')?.textContent).toContain('/layout');
    const hostile = allKindsForm();
    hostile.fields.farmName!.label = { zh: '<img src=x onerror="window.pwned=1">名称', en: '<script>window.pwned=1</script>' };
    const shown = mountForm({ definition: hostile });
    await until(() => shown.querySelector('label'), 'label');
    expect(shown.querySelector('img[src=x]')).toBeNull();
    expect(shown.textContent).toContain('<img src=x');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});
