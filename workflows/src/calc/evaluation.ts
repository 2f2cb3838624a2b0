/** Immunity-effect evaluation (seed 002 §三(三)): sampling quota and the average antibody pass rate. */
import { assertCount, inputError } from './inputError.js';

/** Farms to sample in a year: at least `sharePercent` of scale farms, rounded up (不得少于25%). */
export function samplingQuota(scaleFarms: number, sharePercent: number): number {
  assertCount('scaleFarms', scaleFarms);
  assertCount('sharePercent', sharePercent);
  return Math.ceil((scaleFarms * sharePercent) / 100);
}

export interface AntibodyResult {
  /** Disease tested (HPAI, FMD, PPR …). */
  disease: string;
  tested: number;
  passed: number;
}

export interface PassRate {
  /** Average of the per-disease pass rates, as a fraction num/den (exact). */
  numerator: bigint;
  denominator: bigint;
  /** The same, in percent rounded half-up to 2 decimals, for display. */
  percent: number;
  passes: boolean;
}

/**
 * "平均抗体合格率低于70%" is unqualified: the average of each disease's passed/tested, compared with
 * the threshold in exact integer arithmetic (no floating-point edge at exactly 70%).
 */
export function averagePassRate(results: readonly AntibodyResult[], thresholdPercent: number): PassRate {
  if (!Array.isArray(results) || results.length === 0) throw inputError('results', 'at least one antibody result is needed', '至少需要一项抗体检测结果');
  assertCount('thresholdPercent', thresholdPercent);
  let num = 0n;
  let den = 1n;
  results.forEach((r, i) => {
    assertCount(`results/${i}/tested`, r.tested);
    assertCount(`results/${i}/passed`, r.passed);
    if (r.tested === 0 || r.passed > r.tested) throw inputError(`results/${i}`, 'needs 0 < tested and passed ≤ tested', '须 检测数 > 0 且 合格数 ≤ 检测数');
    // num/den + passed/tested
    num = num * BigInt(r.tested) + BigInt(r.passed) * den;
    den *= BigInt(r.tested);
  });
  den *= BigInt(results.length);
  const passes = num * 100n >= BigInt(thresholdPercent) * den;
  const hundredths = (num * 20000n + den) / (2n * den); // percent × 100, half-up
  return { numerator: num, denominator: den, percent: Number(hundredths) / 100, passes };
}
