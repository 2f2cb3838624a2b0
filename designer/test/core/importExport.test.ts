import { createFormValidator, MAX_DEFINITION_BYTES } from '@nongan/forms';
import { describe, expect, it } from 'vitest';
import { exportDefinition, importDefinition, importFile, importInto, updateField } from '../../src/index.js';
import { allKindsForm, buildFarmForm } from '../fixtures.js';

const withLabel = (label: string) => {
  const form = allKindsForm();
  form.fields.farmName!.label = { zh: label, en: label };
  return form;
};

describe('import and export', () => {
  it('round-trips: export → import gives the same definition', () => {
    const exported = exportDefinition(allKindsForm());
    expect(exported.ok).toBe(true);
    const imported = importDefinition(exported.ok ? exported.json : '');
    expect(imported).toEqual({ ok: true, definition: allKindsForm() });
  });

  it('a failed import reports path and reason in zh and en and leaves the open document untouched', () => {
    const session = buildFarmForm();
    const before = session.getSnapshot();
    const broken = allKindsForm();
    (broken.fields.farmName as { kind: string }).kind = 'slider';
    const result = importInto(session, JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe('/fields/farmName/kind');
    expect(result.issues[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(result.issues[0]?.message).toMatch(/[a-z]/);
    expect(session.getSnapshot()).toBe(before);
    expect(importInto(session, '{ not json').ok).toBe(false);
    expect(session.getSnapshot()).toBe(before);
  });

  it('keeps a script in a label as plain text', () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const result = importDefinition(JSON.stringify(withLabel(script)));
    expect(result.ok && result.definition.fields.farmName?.label.zh).toBe(script);
  });

  it('refuses __proto__ / constructor keys with their path', () => {
    const text = JSON.stringify(allKindsForm()).replace('"farmName":{"kind"', '"__proto__":{"polluted":true},"farmName":{"kind"');
    const result = importDefinition(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.some((i) => i.path.includes('__proto__'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ctor = importDefinition(JSON.stringify({ ...allKindsForm(), messages: { en: { constructor: 'x' } } }));
    expect(ctor.ok).toBe(false);
  });

  it('refuses patterns that cannot run in linear time, and runs nested-quantifier patterns in linear time', () => {
    const form = allKindsForm();
    (form.schema.properties as Record<string, Record<string, unknown>>).address!.pattern = '^(\\w+)\\s\\1$';
    const refused = importDefinition(form);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0]?.message).toMatch(/backreference/);
    expect(!refused.ok && refused.issues[0]?.messageZh).toMatch(/反向引用/);

    (form.schema.properties as Record<string, Record<string, unknown>>).address!.pattern = '^(x+x+)+y$';
    const accepted = importDefinition(form);
    expect(accepted.ok).toBe(true);
    // A backtracking engine would never finish this; forms matches patterns with RE2 (linear).
    const validator = createFormValidator(accepted.ok ? accepted.definition : form);
    const result = validator.validate({ address: `${'x'.repeat(20_000)}!` }, { fields: ['address'] });
    expect(JSON.stringify(result)).toMatch(/address/);
  });

  it('refuses a 10 MB text and a 10 MB file with a size error, before parsing or reading', async () => {
    const big = `{"id":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const text = importDefinition(big);
    expect(text.ok).toBe(false);
    expect(!text.ok && `${text.issues[0]?.message} ${text.issues[0]?.messageZh}`).toMatch(/large|bytes|MB|大/i);
    let read = false;
    const file = new Blob([big]);
    const spy = Object.assign(file, { text: () => ((read = true), Promise.resolve(big)) });
    const fromFile = await importFile(spy);
    expect(fromFile.ok).toBe(false);
    expect(!fromFile.ok && fromFile.issues[0]?.messageZh).toContain(`${MAX_DEFINITION_BYTES / 1024 / 1024} MB`);
    expect(read).toBe(false);
  });

  it('refuses to export a definition that would not load, with the issues', () => {
    const session = buildFarmForm();
    session.execute(updateField('species', { options: [{ value: 'pig', label: { zh: '猪', en: 'Pig' } }, { value: 'pig', label: { zh: '猪', en: 'Pig' } }] }));
    const exported = exportDefinition(session.getSnapshot().state.definition);
    expect(exported.ok).toBe(false);
    expect(!exported.ok && exported.issues.some((i) => i.path.startsWith('/fields/species/options'))).toBe(true);
  });
});
