/**
 * Refusals that state the rule (seed 002), on a Jiyuan case: the farm below the scale threshold,
 * a self-test from a farm that is not large or with too few samples, a claim over the recorded heads;
 * each says the rule's numbers and what was entered, and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { sampleData, startCase } from '../../src/index.js';
import { actorFor, chinaTime, makeEngine } from '../harness.js';

const FARM = 'jy-farm-refusals';
const farm = actorFor('jiyuan', 'producer', FARM);
const supervision = actorFor('jiyuan', 'supervision');
const district = actorFor('jiyuan', 'district');

async function qualified(stock: number) {
  const { engine, clock } = makeEngine(chinaTime('2024-10-15'));
  const { instanceId } = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '济源市规则测试养殖场', year: 2024 } });
  return { engine, clock, instanceId, qualify: async () => {
    await engine.send(instanceId, { type: 'SUBMIT', data: { species: 'pig', stock, annualOutput: stock * 2 } }, { actor: farm });
    await engine.send(instanceId, { type: 'INITIAL_APPROVE' }, { actor: supervision });
    await engine.send(instanceId, { type: 'FINAL_APPROVE' }, { actor: district });
    await engine.send(instanceId, { type: 'NOTIFY_QUALIFIED' }, { actor: district });
  } };
}

describe('qualification review refusals (seed 002)', () => {
  it('below the scale threshold of the pinned 2024 version: the thresholds and what was entered', async () => {
    const { engine, instanceId } = await qualified(0);
    const error = await engine.send(instanceId, { type: 'SUBMIT', data: { species: 'pig', stock: 299, annualOutput: 10 } }, { actor: farm }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rule-refused', details: { rule: 'seed 002 §三(一)', path: '/stock' } });
    expect((error as Error & { messageZh: string }).messageZh).toBe('不符合办理条件：生猪养殖场须存栏≥300头或年出栏≥500头方可申请（本次填报存栏299头、年出栏10头）');
    expect((error as Error).message).toContain('a farm keeping pigs needs a stock of at least 300 or an annual output of at least 500');
    expect(await engine.history(instanceId)).toHaveLength(1);
  });

  it('a self-test from a farm below the large-farm size, and one with 19 livestock samples', async () => {
    const small = await qualified(800);
    await small.qualify();
    const report = { ...sampleData('jiyuan', 'qr-antibody-report'), samples: 20 };
    await expect(small.engine.send(small.instanceId, { type: 'SELF_TEST_REPORT', data: report }, { actor: farm })).rejects.toMatchObject({
      code: 'rule-refused',
      messageZh: expect.stringContaining('仅大型规模养殖场（猪5000头、牛1000头、羊2000只、禽50000只以上）可自行开展免疫抗体检测'),
    });
    const large = await qualified(6000);
    await large.qualify();
    await expect(large.engine.send(large.instanceId, { type: 'SELF_TEST_REPORT', data: { ...report, samples: 19 } }, { actor: farm })).rejects.toMatchObject({
      code: 'rule-refused',
      messageZh: '不符合办理条件：家畜每次检测样品不少于20份（本次19份）',
      details: { path: '/samples' },
    });
    expect((await large.engine.send(large.instanceId, { type: 'SELF_TEST_REPORT', data: { ...report, samples: 20 } }, { actor: farm })).stateKey).not.toBe('immunisation');
  });
});
