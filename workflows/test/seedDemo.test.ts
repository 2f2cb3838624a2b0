/** seedDemo: every region gets cases in a mix of states, every journal verifies, seeding twice adds nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { REGION_IDS, regionProfile, seedDemo, verifyCertificate, type BatchContext } from '../src/index.js';
import { makeEngine, warmFormValidators } from './harness.js';

describe('seedDemo', () => {
  beforeAll(warmFormValidators);

  it.each(REGION_IDS)('seeds %s with cases of every lifecycle it runs, in several states', async (region) => {
    const { engine } = makeEngine('2026-04-15');
    const report = await seedDemo(engine, { region });
    const lifecycles = new Set(report.created.map((c) => c.workflowId));
    expect([...lifecycles].sort()).toEqual([...regionProfile(region).lifecycles].sort());
    for (const lifecycle of lifecycles) {
      const states = new Set(report.created.filter((c) => c.workflowId === lifecycle).map((c) => c.stateKey));
      expect(states.size, `${region} ${lifecycle}: ${[...states].join(', ')}`).toBeGreaterThanOrEqual(4);
    }
    for (const { instanceId } of report.created) expect((await engine.verify(instanceId)).ok).toBe(true);
    const again = await seedDemo(engine, { region });
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(report.created.length);
  });

  it('lets Beijing warning cases suspend and revoke certified farms through messages', async () => {
    const { engine } = makeEngine('2026-04-15');
    await seedDemo(engine, { region: 'beijing' });
    const farm3 = await engine.query({ workflowId: 'certification', subject: 'beijing-cert-farm-3' });
    expect(farm3.map((r) => r.stateKey)).toEqual(['suspendedByWarning']);
    const farm6 = await engine.query({ workflowId: 'certification', subject: 'beijing-cert-farm-6' });
    expect(farm6.map((r) => r.stateKey)).toEqual(['revoked']);
  });

  it('issues demo certificates anyone can verify', async () => {
    const { engine } = makeEngine('2026-04-15');
    await seedDemo(engine, { region: 'luoyang' });
    const certified = await engine.query({ workflowId: 'selfInspectToCertificate', state: 'certified' });
    expect(certified.length).toBe(3);
    for (const record of certified) {
      const { certificate } = record.context as BatchContext;
      expect((await verifyCertificate(engine, certificate!.code)).status).toBe('valid');
    }
  });

  it('refuses an unknown region in both languages', async () => {
    const { engine } = makeEngine();
    await expect(seedDemo(engine, { region: 'shanghai' as never })).rejects.toMatchObject({ code: 'invalid-input', messageZh: expect.stringContaining('未知地区') });
  });
});
