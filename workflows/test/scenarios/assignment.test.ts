/**
 * 自动分配 on entering a batch's inspection: Kaizhou's grid officer (seed 003 §(十七) 网格定人) and
 * Luoyang town's season group for the village (seed 001 附件2), and only they then rapid-test the batch.
 */
import { describe, expect, it } from 'vitest';
import { KAIZHOU_GRIDS, REGION_DIVISIONS, sampleData, startCase, villageOf } from '../../src/index.js';
import { actorFor, chinaTime, makeEngine } from '../harness.js';

const batch = (origin: string) => ({ ...sampleData('kaizhou', 'sic-batch'), origin });

describe('grid and rotation assignment', () => {
  it('Kaizhou: a batch of a farm in 临江镇 goes to that grid\'s officer; a district-wide inspector sees it as taken', async () => {
    const { engine } = makeEngine(chinaTime('2026-05-06'));
    const linjiang = REGION_DIVISIONS.kaizhou.townships[0]!;
    const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: actorFor('kaizhou', 'producer', 'kz-farm-1'), region: 'kaizhou', subject: 'kz-farm-1', division: `${linjiang.code}201`, data: batch('重庆市开州区临江镇') });
    const record = await engine.get(instanceId);
    expect(record.work?.holder).toMatchObject({ id: KAIZHOU_GRIDS[0]!.officer.id, name: '临江镇监管站', role: 'inspector', how: 'auto' });
    const rapid = { type: 'RAPID_TEST', data: sampleData('kaizhou', 'sic-rapid-test') };
    await expect(engine.send(instanceId, rapid, { actor: actorFor('kaizhou', 'inspector') })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'held' } });
    const officer = { id: KAIZHOU_GRIDS[0]!.officer.id, name: '临江镇监管站', roles: ['supervision', 'inspector'], region: 'kaizhou', divisions: [linjiang.code] };
    await engine.send(instanceId, rapid, { actor: officer });
    expect((await engine.verify(instanceId)).ok).toBe(true);
  });

  it('Luoyang: 岑村 (east cluster) is group 1\'s in summer and group 3\'s in autumn; the village field decides', async () => {
    expect(villageOf('武进区洛阳镇岑村')).toBe('岑村');
    expect(villageOf('武进区洛阳镇')).toBeUndefined();
    for (const [date, name] of [['2026-05-06', '第一组（组长 王小虎）'], ['2026-08-03', '第三组（组长 谈一平）']] as const) {
      const { engine } = makeEngine(chinaTime(date));
      const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: actorFor('luoyang', 'producer', 'ly-farm-1'), region: 'luoyang', subject: 'ly-farm-1', division: '320412103', data: { ...batch('常州市武进区洛阳镇'), village: '岑村' } });
      expect((await engine.get(instanceId)).work?.holder).toMatchObject({ name, role: 'inspector', how: 'auto' });
    }
    const { engine } = makeEngine(chinaTime('2026-05-06'));
    const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: actorFor('luoyang', 'producer', 'ly-farm-2'), region: 'luoyang', subject: 'ly-farm-2', division: '320412103', data: { ...batch('常州市武进区洛阳镇岑村'), village: '天井' } });
    // The village field decides over the place of origin: 天井 is the west cluster, group 3's in summer.
    expect((await engine.get(instanceId)).work?.holder).toMatchObject({ name: '第三组（组长 谈一平）' });
  });
});
