/**
 * Publishing in the designer is used at once by new cases: a new version of the batch form with an
 * extra required field, published today, is pinned by a case opened afterwards and enforced by the
 * engine on it; a case opened before keeps the built-in form. The region's own overlay stays on top of
 * a newly published base form.
 */
import { createEngine, createManualClock, createMemoryStore, isEngineError, type Engine } from '@nongan/engine';
import { createMemoryDesignerStore } from '@nongan/designer';
import type { FormDefinition } from '@nongan/forms';
import { BASE_FORMS, createRegionEngineOptions, pinsFor, sampleData } from '@nongan/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormCatalog, withRegionalOverlay } from '../../src/designs/formCatalog.js';
import { BUILT_IN_NOTE, seedDesigns } from '../../src/designs/seedDesigns.js';

function batchFormV2(): FormDefinition {
  const v1 = structuredClone(BASE_FORMS.get('sic-batch')!.definition);
  const schema = v1.schema as { properties: Record<string, unknown>; required: string[] };
  schema.properties.plot = { type: 'string', minLength: 2 };
  schema.required.push('plot');
  v1.fields.plot = { kind: 'text', label: { zh: '种植地块', en: 'Plot' } };
  (v1.layout as { children: unknown[] }).children.push({ type: 'field', field: 'plot' });
  return { ...v1, version: '1.1.0' };
}

const clock = createManualClock('2026-03-02T09:00:00+08:00');
const designs = createMemoryDesignerStore();
const catalog = new FormCatalog(designs, clock);
let engine: Engine;
const actor = { id: 'p', roles: ['producer'], region: 'luoyang', subjects: ['luoyang-p1'] };
const batch = () => ({ ...sampleData('luoyang', 'sic-batch') });
const start = (data: Record<string, unknown>, pins: Record<string, string>) =>
  engine.start('selfInspectToCertificate', { actor, region: 'luoyang', subject: 'luoyang-p1', data, pins: { ...pinsFor('luoyang', clock.now()), ...pins } });

beforeAll(async () => {
  await seedDesigns(designs);
  await catalog.reload();
  const options = createRegionEngineOptions({ store: createMemoryStore(), clock });
  engine = createEngine({ ...options, validate: catalog.validator(options.validate!) });
});

describe('forms published in the designer', () => {
  it('start from the built-in forms, which new cases need not pin', async () => {
    const docs = await designs.listDocuments();
    expect(docs.map((d) => d.docId)).toEqual(expect.arrayContaining(['sic-batch', 'sic-batch-inner-mongolia', 'qr-registration', 'qr-registration-jiyuan']));
    expect((await designs.listVersions('sic-batch'))[0]!.note).toBe(BUILT_IN_NOTE);
    expect(await seedDesigns(designs)).toBe(0);
    expect(catalog.pinsForNewCase('inner-mongolia')).toEqual({});
  });

  it('use a regional variant derived from the built-in one', async () => {
    const builtIn = await designs.getVersion('sic-batch-inner-mongolia', '1.0.0-inner-mongolia.1');
    if (builtIn?.doc.kind !== 'variant') throw new Error('built-in Inner Mongolia variant missing');
    const variant = { ...builtIn.doc.variant, version: '1.0.0-inner-mongolia.2', overlay: { ...builtIn.doc.variant.overlay, relabel: { ...builtIn.doc.variant.overlay.relabel, origin: { label: { zh: '产地（旗县）', en: 'Origin (banner)' } } } } };
    await designs.publish({ kind: 'variant', variant }, { effectiveFrom: '2026-03-01', note: '产地标注旗县' });
    await catalog.reload();
    const pins = catalog.pinsForNewCase('inner-mongolia');
    expect(pins).toEqual({ 'form:sic-batch': 'sic-batch-inner-mongolia@1.0.0-inner-mongolia.2' });
    const fields = Object.keys(catalog.definition('inner-mongolia', 'sic-batch', pins)!.fields);
    expect(fields).toEqual(expect.arrayContaining(['sumu', 'gacha']));
    expect(catalog.definition('inner-mongolia', 'sic-batch', pins)!.fields.origin!.label.zh).toBe('产地（旗县）');
  });

  it('keep the region overlay on a new base version', () => {
    const v2 = batchFormV2();
    expect(Object.keys(withRegionalOverlay(v2, 'luoyang').fields)).toEqual(expect.arrayContaining(['plot', 'village']));
    expect(Object.keys(withRegionalOverlay(v2, 'inner-mongolia').fields)).toEqual(expect.arrayContaining(['plot', 'sumu', 'gacha']));
    expect(withRegionalOverlay(v2, 'nowhere')).toBe(v2);
  });

  it('are pinned by new cases and enforced by the engine, while older cases keep the built-in form', async () => {
    const before = await start(batch(), catalog.pinsForNewCase('luoyang'));
    expect(catalog.pinsForNewCase('luoyang')).toEqual({});

    await designs.publish({ kind: 'form', definition: batchFormV2() }, { effectiveFrom: '2026-03-02', note: '增加种植地块' });
    await catalog.reload();
    const pins = catalog.pinsForNewCase('luoyang');
    expect(pins).toEqual({ 'form:sic-batch': 'sic-batch@1.1.0' });
    expect(Object.keys(catalog.startDefinition('luoyang', 'sic-batch')!.fields)).toContain('plot');

    const refused = await start(batch(), pins).catch((e: unknown) => e);
    expect(isEngineError(refused) && refused.code).toBe('invalid-data');
    const accepted = await start({ ...batch(), plot: '岑村东片3号地' }, pins);
    expect((await engine.get(accepted.instanceId)).pins['form:sic-batch']).toBe('sic-batch@1.1.0');

    const older = await engine.get(before.instanceId);
    expect(Object.keys(catalog.definition('luoyang', 'sic-batch', older.pins)!.fields)).not.toContain('plot');
  });

  it('are not used before their effective date', async () => {
    const later = { ...batchFormV2(), version: '1.2.0' };
    await designs.publish({ kind: 'form', definition: later }, { effectiveFrom: '2026-04-01', note: '下月生效' });
    await catalog.reload();
    expect(catalog.pinsForNewCase('luoyang')).toEqual({ 'form:sic-batch': 'sic-batch@1.1.0' });
  });
});
