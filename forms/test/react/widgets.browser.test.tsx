/**
 * The widgets that talk to the browser, used the way a person uses them in Chromium: photos go to
 * real IndexedDB and only references reach the form value; files of the wrong type or size are
 * refused with a message; a signature is drawn with the pointer or typed; the division cascade
 * narrows province → city → county from the offline code data; table rows are added and removed;
 * and a definition over the size limit shows its problem instead of hanging the tab.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDexieAttachmentStore, MAX_DEFINITION_BYTES, type AttachmentRef } from '../../src/index.js';
import { formWith } from '../../stories/storyForms.js';
import { mountForm, until } from './render.js';

let latest: Record<string, unknown> = {};
const onChange = (value: Record<string, unknown>) => void (latest = value);
afterEach(() => void (latest = {}));

const png = (bytes: number, name = 'site.png') => new File([new Uint8Array(bytes).fill(137)], name, { type: 'image/png' });

describe('attachments', () => {
  it('keeps the Blob in IndexedDB and only its reference in the value; refuses wrong type and size', async () => {
    const attachments = createDexieAttachmentStore({ name: `attachments-${Date.now()}` });
    const host = mountForm({ definition: formWith(['photos']), onChange, services: { attachments } });
    const input = await until(() => host.querySelector<HTMLInputElement>('input[type=file]'), 'file input');

    await userEvent.upload(input, [png(2048)]);
    const refs = await until(() => (latest.photos as AttachmentRef[] | undefined)?.length === 1 && (latest.photos as AttachmentRef[]), 'one photo');
    expect(refs[0]).toMatchObject({ name: 'site.png', type: 'image/png', size: 2048 });
    expect((await attachments.get(refs[0]!.id))?.size).toBe(2048);

    await userEvent.upload(input, [new File(['x'], 'notes.txt', { type: 'text/plain' }), png(6 * 1024 * 1024, 'huge.png')]);
    await until(() => /notes\.txt/.test(host.textContent ?? '') && /huge\.png/.test(host.textContent ?? ''), 'refusals');
    expect((latest.photos as AttachmentRef[]).map((r) => r.name)).toEqual(['site.png']);

    await userEvent.click(await until(() => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('site.png')), 'remove button'));
    await until(() => (latest.photos as AttachmentRef[] | undefined)?.length === 0 || latest.photos === undefined, 'photo removed');
    await until(async () => (await attachments.get(refs[0]!.id)) === undefined, 'blob deleted');
  });
});

describe('signature', () => {
  it('draws with the pointer into a PNG data URL, or takes a typed name from the keyboard', async () => {
    const host = mountForm({ definition: formWith(['signature']), onChange });
    const canvas = await until(() => host.querySelector('canvas'), 'canvas');
    const box = canvas.getBoundingClientRect();
    const at = (type: string, x: number, y: number) =>
      canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: box.left + x, clientY: box.top + y, pointerId: 1, pointerType: 'pen' }));
    at('pointerdown', 10, 10);
    for (let x = 12; x < 120; x += 6) at('pointermove', x, 10 + (x % 30));
    at('pointerup', 120, 20);
    const drawn = await until(() => typeof latest.signature === 'string' && (latest.signature as string), 'drawn signature');
    expect(drawn).toMatch(/^data:image\/png;base64,/);

    const typedInput = host.querySelector<HTMLInputElement>('input[type=text]')!;
    await userEvent.type(typedInput, '王建国');
    await until(() => latest.signature !== drawn, 'typed signature');
    expect(latest.signature).toMatch(/^data:image\/png;base64,/);
    await userEvent.clear(typedInput);
    await until(() => latest.signature === undefined, 'cleared signature');
  });
});

describe('division cascade', () => {
  it('narrows province → city → county from the offline data and stores the county code', async () => {
    const host = mountForm({ definition: formWith(['division']), onChange });
    const selects = () => [...host.querySelectorAll('select')];
    await until(() => selects().length > 0, 'province select');
    await userEvent.selectOptions(selects()[0]!, '41');
    await until(() => selects()[1]?.querySelector('option[value="4190"]'), 'city options of Henan');
    await userEvent.selectOptions(selects()[1]!, '4190');
    await until(() => selects()[2]?.querySelector('option[value="419001"]'), 'county options');
    await userEvent.selectOptions(selects()[2]!, '419001');
    await until(() => latest.division === '419001', 'division value');
    expect(selects()[2]!.selectedOptions[0]?.textContent).toBe('济源市');
  });
});

describe('rows', () => {
  it('adds, fills and removes rows of species × head counts', async () => {
    const host = mountForm({ definition: formWith(['herds']), onChange, locale: 'en' });
    const add = await until(() => [...host.querySelectorAll('button')].find((b) => /add/i.test(b.textContent ?? '')), 'add row');
    await userEvent.click(add);
    await userEvent.click(add);
    await until(() => host.querySelectorAll('tbody tr').length === 2, 'two rows');
    // Option values are JSON-encoded (a choice may be a number); a person picks by label.
    await userEvent.selectOptions(host.querySelector<HTMLSelectElement>('tbody tr select')!, 'Sows');
    await userEvent.type(host.querySelector<HTMLInputElement>('tbody tr input')!, '420');
    await until(() => (latest.herds as Array<Record<string, unknown>>)?.[0]?.count === 420, 'first row filled');
    expect((latest.herds as Array<Record<string, unknown>>)[0]).toEqual({ kind: 'sow', count: 420 });
    await userEvent.click([...host.querySelectorAll<HTMLButtonElement>('tbody tr:nth-child(2) button')].at(-1)!);
    await until(() => host.querySelectorAll('tbody tr').length === 1, 'one row left');
    expect(latest.herds).toEqual([{ kind: 'sow', count: 420 }]);
  });
});

describe('oversized definition', () => {
  it('refuses a 10 MB definition with its size, without rendering it', async () => {
    const definition = formWith(['farmName']);
    definition.fields.farmName!.help = { zh: '说'.repeat(5 * 1024 * 1024), en: 'x' };
    const host = mountForm({ definition });
    const alert = await until(() => host.querySelector('[role=alert]'), 'problem list');
    expect(alert.textContent).toMatch(/MB|bytes|字节/);
    expect(host.querySelector('form')).toBeNull();
    expect(JSON.stringify(definition).length * 2).toBeGreaterThan(MAX_DEFINITION_BYTES * 4);
  });
});
