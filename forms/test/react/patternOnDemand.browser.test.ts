/**
 * A page that imports only the renderer (`@nongan/forms/react`): a form whose schema has a `pattern`
 * loads the linear-time engine on demand and validates with it; this file imports nothing from the
 * core entry, so nothing else provided the engine.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mountForm, until } from './render.js';

const definition = {
  id: 'ear-tag',
  version: '1.0.0',
  title: { zh: '耳标登记', en: 'Ear tag' },
  schema: { type: 'object', properties: { tag: { type: 'string', pattern: '^[0-9]{15}$' } } },
  fields: { tag: { kind: 'text', label: { zh: '耳标号', en: 'Ear tag number' } } },
  layout: { type: 'section', children: [{ type: 'field', field: 'tag' }] },
};

describe('pattern engine on demand', () => {
  it('renders a pattern form after loading the engine, and validates with it', async () => {
    const host = mountForm({ definition, locale: 'en' });
    const input = await until(() => host.querySelector<HTMLInputElement>('input[type=text]'), 'the form');
    await userEvent.type(input, '1234');
    await userEvent.tab();
    await until(() => input.getAttribute('aria-invalid') === 'true', 'pattern error');
    expect(host.textContent).toContain('Ear tag number');
    await userEvent.clear(input);
    await userEvent.type(input, '156000000012345');
    await until(() => input.getAttribute('aria-invalid') !== 'true', 'valid tag');
  });

  it('still refuses a hostile pattern with a clear problem list', async () => {
    const hostile = { ...definition, schema: { type: 'object', properties: { tag: { type: 'string', pattern: '^(a)\\1$' } } } };
    const host = mountForm({ definition: hostile });
    const alert = await until(() => host.querySelector('[role=alert]'), 'problem list');
    expect(alert.textContent).toMatch(/反向引用|backreference/);
  });
});
