/** Coverage and target progress for dashboards (seeds 001, 003, 004). */
import { regionProfile } from '../regions/index.js';
import { assertCount, inputError } from './inputError.js';

/**
 * Monitoring batches due for a population at `ratePer1000` batches per 1000 people, rounded up
 * (seed 003 §(八), seed 004 §一, seed 001 附件1 第5项: 1.5批次/千人).
 */
export function monitoringQuota(population: number, ratePer1000: number): number {
  assertCount('population', population);
  if (typeof ratePer1000 !== 'number' || !(ratePer1000 >= 0) || !Number.isFinite(ratePer1000)) {
    throw inputError('ratePer1000', 'rate must be a non-negative number', '比例须为非负数');
  }
  // Tenths of a batch per 1000 people, in integers: 1.5 → 15, so no float rounding at the boundary.
  const tenths = Math.round(ratePer1000 * 10);
  return Math.ceil((population * tenths) / 10_000);
}

/** A share of a quota, rounded up (seed 003 §(九): 20% of 1005 monitoring tasks = 201). */
export function shareOf(total: number, percent: number): number {
  assertCount('total', total);
  assertCount('percent', percent);
  return Math.ceil((total * percent) / 100);
}

export type CountyClass = 'safe' | 'other';

/**
 * Inner Mongolia's certificate coverage target for new-type producers at the end of `year`
 * (seed 004 §二(三)6), in percent; from 2024 on it stays 100%; before 2022 there was none (null).
 */
export function certificateCoverageTarget(year: number, countyClass: CountyClass): number | null {
  assertCount('year', year);
  if (countyClass !== 'safe' && countyClass !== 'other') throw inputError('countyClass', 'must be safe or other', '须为 safe（安全县）或 other（其他旗县）');
  const targets = regionProfile('inner-mongolia').targets.filter((t) => t.metric === 'certificateCoverage' && t.countyClass === countyClass && t.year !== undefined);
  const latest = targets.filter((t) => t.year! <= year).sort((a, b) => b.year! - a.year!)[0];
  return latest ? latest.value : null;
}

export interface CoverageProgress {
  issuing: number;
  producers: number;
  /** Percent with two decimals, rounded half-up. */
  percent: number;
  targetPercent: number | null;
  met: boolean;
}

/** Share of producers issuing certificates against the target for their county class and year. */
export function certificateCoverage(issuing: number, producers: number, year: number, countyClass: CountyClass): CoverageProgress {
  assertCount('issuing', issuing);
  assertCount('producers', producers);
  if (issuing > producers) throw inputError('issuing', 'issuing producers cannot exceed all producers', '出证主体数不能超过主体总数');
  const targetPercent = certificateCoverageTarget(year, countyClass);
  const percent = producers === 0 ? 0 : Math.round((issuing * 10_000) / producers) / 100;
  // Compare in integers: issuing / producers ≥ target / 100.
  const met = targetPercent !== null && producers > 0 && issuing * 100 >= targetPercent * producers;
  return { issuing, producers, percent, targetPercent, met };
}
