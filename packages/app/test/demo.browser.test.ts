/**
 * The engine demo (the main job until the portal lands), in real Chromium on real IndexedDB: a farm
 * opens and submits an application, an officer of another region is refused by the engine, the
 * reviewer approves, and a fresh page on the same database finds everything as it was.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { reviewWorkflow, sampleValidator, warningWorkflow } from '@nongan/engine/samples';
import { demoActors, exampleData, describeError } from '../src/demoSetup.js';
import { renderDemo } from '../src/render.js';

const dbName = `demo-test-${Date.now()}`;

function mount() {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const clock = createManualClock(Date.parse('2026-03-02T01:00:00Z'));
  const engine = createEngine({ store: createDexieStore({ name: dbName }), workflows: [reviewWorkflow, warningWorkflow], validate: sampleValidator, clock });
  renderDemo(root, { engine, clock, actors: demoActors, exampleData, describeError, saveClock: () => {} });
  return root;
}

async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not found: ${what}`);
}

const button = (root: HTMLElement, text: string) => () => [...root.querySelectorAll('button')].find((b) => b.textContent === text || b.textContent?.startsWith(text));
const message = (root: HTMLElement) => root.querySelector('#message')?.textContent ?? '';
const actAs = (root: HTMLElement, key: string) => {
  const select = root.querySelector<HTMLSelectElement>('#actor')!;
  select.value = key;
  select.dispatchEvent(new Event('change'));
};

describe('engine demo page', () => {
  it('runs a case through the UI with the engine deciding who may act, and survives a reload', async () => {
    const root = mount();
    (await until(button(root, '新建资质申请'), 'new application button')).click();
    await until(() => message(root).includes('Case opened'), 'case opened');
    (await until(() => root.querySelector<HTMLButtonElement>('td button'), 'case row')).click();
    (await until(button(root, 'SUBMIT'), 'SUBMIT action')).click();
    await until(() => message(root).includes('SUBMIT ✓'), 'submitted');

    // Another region's officer is offered nothing on this case.
    actAs(root, 'beijing');
    await until(() => root.textContent?.includes('Actions for this role: 无 / none'), 'no actions offered');

    actAs(root, 'supervision');
    (await until(button(root, 'APPROVE'), 'APPROVE action')).click();
    await until(() => message(root).includes('APPROVE ✓'), 'approved');
    expect(root.textContent).toContain('review.final');
    expect(root.textContent).toContain('Journal verified (3 entries)');

    // A new page on the same IndexedDB database finds the case where it was.
    const reloaded = mount();
    await until(() => reloaded.querySelector('td button'), 'case row after reload');
    expect(reloaded.textContent).toContain('review.final');
  });

  it('shows the engine\'s bilingual refusal for invalid event data', async () => {
    const root = mount();
    (await until(button(root, '新建资质申请'), 'new application button')).click();
    await until(() => message(root).includes('Case opened'), 'case opened');
    const rows = await until(() => (root.querySelectorAll('td button').length >= 2 ? root.querySelectorAll<HTMLButtonElement>('td button') : null), 'two cases');
    const draft = [...rows].find((b) => b.closest('tr')?.textContent?.includes('draft'))!;
    draft.click();
    const data = await until(() => root.querySelector<HTMLTextAreaElement>('textarea'), 'data field');
    data.value = JSON.stringify({ farmName: '', headCount: 350 });
    (await until(button(root, 'SUBMIT'), 'SUBMIT action')).click();
    await until(() => message(root).includes('invalid') || message(root).includes('does not satisfy'), 'refusal');
    expect(message(root)).toContain('提交的数据不符合表单要求');
    expect(message(root)).toContain('/farmName');
  });
});
