/**
 * Forms: every region's variant of every form it uses resolves through @nongan/forms, passes the
 * lifecycle's contract, and accepts the shared sample data; the engine validates event data with
 * the region's variant.
 */
import { checkContract, createFormValidator, evaluateRules, submittableData } from '@nongan/forms';
import { describe, expect, it } from 'vitest';
import { BASE_FORMS, REGION_IDS, formIdsOfRegion, formsFor, sampleData, startCase } from '../src/index.js';
import { actorFor, makeEngine } from './harness.js';

const cases = REGION_IDS.flatMap((region) => formIdsOfRegion(region).map((formId) => [region, formId] as const));

describe('regional form variants', () => {
  it('covers every form each region uses', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const region of REGION_IDS) expect([...formsFor(region).keys()].sort()).toEqual(formIdsOfRegion(region).sort());
  });

  it.each(cases)('%s / %s passes the lifecycle contract and accepts the sample', (region, formId) => {
    const definition = formsFor(region).get(formId)!;
    const contract = checkContract(definition, BASE_FORMS.get(formId)!.contract);
    expect(contract.problems).toEqual([]);
    const data = sampleData(region, formId);
    const state = evaluateRules(definition, data);
    expect(createFormValidator(definition).validate(submittableData(definition, state), { skip: state.hidden }).issues).toEqual([]);
  });

  it('detects a variant that breaks a contract (the check can fail)', () => {
    const definition = structuredClone(formsFor('jiyuan').get('qr-application')!);
    (definition.schema.properties as Record<string, Record<string, unknown>>).stock = { type: 'number' };
    expect(checkContract(definition, BASE_FORMS.get('qr-application')!.contract).ok).toBe(false);
  });

  it('applies the overlays: Inner Mongolia asks for 苏木乡镇 and 嘎查村, Luoyang for the village, Luoyang rapid tests are colloidal gold only', () => {
    expect(formsFor('inner-mongolia').get('sic-batch')!.schema.required).toEqual(expect.arrayContaining(['sumu', 'gacha']));
    expect(formsFor('kaizhou').get('sic-batch')!.schema.required).not.toContain('sumu');
    expect(formsFor('luoyang').get('sic-batch')!.fields.village?.kind).toBe('select');
    expect(formsFor('luoyang').get('sic-rapid-test')!.fields.method?.options?.map((o) => o.value)).toEqual(['colloidal-gold']);
    expect(formsFor('beijing').get('cert-application')!.version).toBe('1.0.0-beijing.1');
  });
});

describe('the engine validates with the region\'s variant', () => {
  it('refuses an Inner Mongolia batch without 嘎查村 but accepts the same data in Kaizhou', async () => {
    const { engine } = makeEngine();
    const data = sampleData('kaizhou', 'sic-batch');
    const imActor = actorFor('inner-mongolia', 'producer', 'p1');
    const error = await startCase(engine, 'selfInspectToCertificate', { actor: imActor, region: 'inner-mongolia', subject: 'p1', data }).catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid-data' });
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/gacha', '/sumu']);
    const ok = await startCase(engine, 'selfInspectToCertificate', { actor: actorFor('kaizhou', 'producer', 'p1'), region: 'kaizhou', subject: 'p1', data });
    expect((await engine.history(ok.instanceId))[0]!.form).toEqual({ id: 'sic-batch', version: '1.0.0-kaizhou.1' });
  });

  it('refuses a lifecycle the region does not run, and a start without the parameter pin', async () => {
    const { engine } = makeEngine();
    const data = sampleData('luoyang', 'cert-application');
    const error = await startCase(engine, 'certification', { actor: actorFor('luoyang', 'producer', 'f'), region: 'luoyang', subject: 'f', data }).catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid-data', messageZh: expect.stringContaining('未开展 certification') });
    const unpinned = await engine
      .start('certification', { actor: actorFor('beijing', 'producer', 'f'), region: 'beijing', subject: 'f', data: sampleData('beijing', 'cert-application') })
      .catch((e) => e);
    expect(unpinned).toMatchObject({ code: 'invalid-data', messageZh: expect.stringContaining('pins.params') });
    const oldPin = await engine
      .start('qualificationReview', { actor: actorFor('jiyuan', 'producer', 'f'), region: 'jiyuan', subject: 'f', data: sampleData('jiyuan', 'qr-registration'), pins: { params: 'jiyuan@2024-10-10' } })
      .catch((e) => e);
    expect(oldPin).toMatchObject({ code: 'invalid-data', message: expect.stringContaining('jiyuan@2025-09-01') });
  });
});
