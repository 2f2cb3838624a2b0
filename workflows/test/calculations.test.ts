/** Scale thresholds, evaluation, coverage and quotas — expected values worked out from the seed texts. */
import { describe, expect, it } from 'vitest';
import {
  averagePassRate,
  certificateCoverage,
  certificateCoverageTarget,
  isLargeFarm,
  meetsScaleThreshold,
  minimumSamples,
  monitoringQuota,
  parametersInForce,
  samplingQuota,
  shareOf,
} from '../src/index.js';

const seedVersion = parametersInForce('jiyuan', '2025-08-31').values.qualification!;
const nationalVersion = parametersInForce('jiyuan', '2025-09-01').values.qualification!;

describe('scale thresholds (seed 002 §三(一); national rule from 2025-09-01)', () => {
  it('picks the version by date', () => {
    expect(parametersInForce('jiyuan', '2024-10-10').id).toBe('jiyuan@2024-10-10');
    expect(parametersInForce('jiyuan', '2025-08-31').id).toBe('jiyuan@2024-10-10');
    expect(parametersInForce('jiyuan', '2025-09-01').id).toBe('jiyuan@2025-09-01');
    expect(() => parametersInForce('jiyuan', '2024-10-09')).toThrow(/no parameters in force/);
  });

  it.each([
    // [species, stock, output, seed version, national version]
    ['pig', 300, 0, true, false], // seed: 存栏300头 suffices; national: only 出栏≥500 counts
    ['pig', 299, 499, false, false],
    ['pig', 0, 500, true, true], // 年出栏500头 under both
    ['dairyCattle', 100, 0, true, true], // 奶牛存栏100头 under both
    ['beefCattle', 120, 0, true, false], // seed 肉牛存栏100头; national only 出栏≥50
    ['beefCattle', 0, 50, true, true],
    ['sheep', 0, 150, true, false], // seed 羊出栏100只; national 出栏≥200
    ['sheep', 0, 200, true, true],
    ['layer', 2000, 0, true, true],
    ['broiler', 5000, 0, true, false], // seed 肉鸡存栏5000只; national only 出栏≥10,000
    ['broiler', 0, 10_000, true, true],
    ['duck', 2000, 0, true, true], // seed: 鸭、鹅、鸟类参照蛋鸡
    ['goose', 1999, 0, false, false],
  ] as const)('%s stock %i output %i → seed %s, national %s', (species, stock, annualOutput, seed, national) => {
    expect(meetsScaleThreshold(species, { stock, annualOutput }, seedVersion.scaleThresholds)).toBe(seed);
    expect(meetsScaleThreshold(species, { stock, annualOutput }, nationalVersion.scaleThresholds)).toBe(national);
  });

  it('classifies large farms by stock (seed 002 §三(三): 猪5000头、牛1000头、羊2000只、禽50000只)', () => {
    const large = seedVersion.largeFarmStock;
    expect([isLargeFarm('pig', 5000, large), isLargeFarm('pig', 4999, large)]).toEqual([true, false]);
    expect([isLargeFarm('dairyCattle', 1000, large), isLargeFarm('beefCattle', 999, large)]).toEqual([true, false]);
    expect([isLargeFarm('sheep', 2000, large), isLargeFarm('layer', 50_000, large), isLargeFarm('duck', 49_999, large)]).toEqual([true, true, false]);
    // 每次检测样品家禽不少于30份，家畜不少于20份
    expect([minimumSamples('layer', seedVersion.minSamples), minimumSamples('pig', seedVersion.minSamples)]).toEqual([30, 20]);
  });

  it('refuses unknown species and negative counts', () => {
    expect(() => meetsScaleThreshold('horse' as never, { stock: 1 }, seedVersion.scaleThresholds)).toThrow(/unknown species/);
    expect(() => meetsScaleThreshold('pig', { stock: -1 }, seedVersion.scaleThresholds)).toThrow(/non-negative integer/);
  });
});

describe('immunity evaluation (seed 002 §三(三))', () => {
  it('samples at least 25% of scale farms, rounded up', () => {
    expect(samplingQuota(40, 25)).toBe(10); // 40 × 25% = 10
    expect(samplingQuota(37, 25)).toBe(10); // 37 × 25% = 9.25 → 10 (不得少于25%)
    expect(samplingQuota(0, 25)).toBe(0);
  });

  it('passes at an average antibody pass rate of exactly 70% and fails below', () => {
    // 14 / 20 = 70% → not "低于70%", passes
    expect(averagePassRate([{ disease: 'FMD', tested: 20, passed: 14 }], 70)).toMatchObject({ percent: 70, passes: true });
    // 13 / 20 = 65% → fails
    expect(averagePassRate([{ disease: 'FMD', tested: 20, passed: 13 }], 70)).toMatchObject({ percent: 65, passes: false });
    // average of 14/20 = 70% and 20/30 = 66.67% → (70 + 66.666…) / 2 = 68.33% → fails
    expect(averagePassRate([{ disease: 'FMD', tested: 20, passed: 14 }, { disease: 'HPAI', tested: 30, passed: 20 }], 70)).toMatchObject({ percent: 68.33, passes: false });
    // average of 18/20 = 90% and 15/30 = 50% → 70% exactly → passes
    expect(averagePassRate([{ disease: 'FMD', tested: 20, passed: 18 }, { disease: 'HPAI', tested: 30, passed: 15 }], 70).passes).toBe(true);
  });

  it('refuses inconsistent results', () => {
    expect(() => averagePassRate([], 70)).toThrow(/at least one/);
    expect(() => averagePassRate([{ disease: 'FMD', tested: 10, passed: 11 }], 70)).toThrow(/passed ≤ tested/);
  });
});

describe('monitoring quotas and coverage (seeds 003, 004, 001)', () => {
  it('Kaizhou: 1.5 batches per 1000 people = 1005 tasks, supervisory sampling 20% = 201 (seed 003 §(八)(九))', () => {
    // 1005 / 1.5 × 1000 = 670,000 people; 670,000 × 1.5 / 1000 = 1005; 1005 × 20% = 201
    expect(monitoringQuota(670_000, 1.5)).toBe(1005);
    expect(shareOf(1005, 20)).toBe(201);
    // 42,100 × 1.5 / 1000 = 63.15 → 64 batches (rounded up: a quota is a minimum)
    expect(monitoringQuota(42_100, 1.5)).toBe(64);
  });

  it('Inner Mongolia certificate coverage targets by county class and year (seed 004 §二(三)6)', () => {
    expect(certificateCoverageTarget(2021, 'safe')).toBeNull();
    expect([certificateCoverageTarget(2022, 'safe'), certificateCoverageTarget(2022, 'other')]).toEqual([60, 40]);
    expect([certificateCoverageTarget(2023, 'safe'), certificateCoverageTarget(2023, 'other')]).toEqual([80, 60]);
    expect([certificateCoverageTarget(2024, 'other'), certificateCoverageTarget(2025, 'other')]).toEqual([100, 100]);
    // 150 / 250 = 60% → meets 2022 safe-county target of 60%; 149 / 250 = 59.6% does not
    expect(certificateCoverage(150, 250, 2022, 'safe')).toMatchObject({ percent: 60, targetPercent: 60, met: true });
    expect(certificateCoverage(149, 250, 2022, 'safe')).toMatchObject({ percent: 59.6, met: false });
    // other county, end 2023: 60% needed; 121 / 200 = 60.5% → met
    expect(certificateCoverage(121, 200, 2023, 'other')).toMatchObject({ percent: 60.5, targetPercent: 60, met: true });
    expect(() => certificateCoverage(3, 2, 2023, 'other')).toThrow(/cannot exceed/);
  });
});
