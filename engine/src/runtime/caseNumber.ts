/**
 * 受理编号: the number people quote for a case (`济源-2026-000123`), taken from a series (whose and
 * which year) when the case opens. The store hands out each number once and never reuses it; a start
 * that fails after taking one leaves a gap, so concurrent starts never wait on each other.
 */
import { EngineError } from '../errors.js';
import { toChinaDate } from '../calendar/chinaDate.js';
import { formatCaseNumber } from '../store/caseSeries.js';
import type { EngineContext } from './context.js';

/** Names the series a new case's number is taken from: by default its region and China year (`jiyuan-2026`). */
export type CaseNumberSeries = (opening: { region: string; workflowId: string; at: number }) => string;

/** Series `{prefix}-{China year}`, the prefix named per region (a deployment's place names: `济源-2026`). */
export function caseNumberSeriesFor(prefixOf: (region: string) => string): CaseNumberSeries {
  return ({ region, at }) => `${prefixOf(region)}-${toChinaDate(at).slice(0, 4)}`;
}

export const defaultCaseNumberSeries: CaseNumberSeries = caseNumberSeriesFor((region) => region);

/** The next number for a case opening now: the series checked (people read it), then the store's next in it. */
export async function allocateCaseNumber(ctx: Pick<EngineContext, 'store' | 'caseNumberSeries'>, opening: { region: string; workflowId: string; at: number }): Promise<string> {
  const series = ctx.caseNumberSeries(opening);
  if (typeof series !== 'string' || series.trim() === '' || series.length > 40 || /[\s/\\]/u.test(series)) {
    throw new EngineError(
      'invalid-definition',
      {
        en: `the case-number series for region ${opening.region} must be 1–40 characters without spaces or slashes, got ${JSON.stringify(series)}`,
        zh: `地区 ${opening.region} 的受理编号前缀须为 1–40 个字符，不含空格和斜杠，实为 ${JSON.stringify(series)}`,
      },
      { path: 'caseNumberSeries', region: opening.region },
    );
  }
  return formatCaseNumber(series, await ctx.store.nextCaseSequence(opening.region, series));
}
