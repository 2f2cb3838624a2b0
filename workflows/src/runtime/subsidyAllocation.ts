/**
 * The year's subsidy allocation over the cases in the engine (seed 002 §二(二)3): every claim of the
 * subsidy year still in the running (claimed, not rejected, not disqualified) shares the budget of
 * the parameter version in force at the end of that year. The district's final review enters the
 * payable amount this returns for the farm. Read-only.
 */
import type { Engine } from '@nongan/engine';
import { inputError } from '../calc/inputError.js';
import { allocateBudget, subsidyPeriod, type BudgetAllocation } from '../calc/subsidy.js';
import type { QualificationContext } from '../lifecycles/qualificationReview.machine.js';
import { parametersInForce } from '../regions/index.js';

const OUT_OF_THE_RUNNING = new Set(['claimRejected', 'disqualified', 'noSubsidy', 'waived']);

export interface YearAllocation extends BudgetAllocation {
  year: number;
  budgetFen: number;
  /** Case id per farm (subject) in `allocations`. */
  cases: Record<string, string>;
}

export async function subsidyAllocationFor(engine: Pick<Engine, 'query'>, region: string, year: number): Promise<YearAllocation> {
  if (!Number.isInteger(year) || year < 2000) throw inputError('year', `invalid subsidy year ${String(year)}`, `补助年度无效：${String(year)}`);
  // The period's bounds come from the rules in force during that calendar year.
  const probe = parametersInForce(region, `${year}-12-31`).values.qualification;
  if (!probe) throw inputError('region', `${region} has no subsidy parameters`, `${region} 没有补助参数`);
  const { to } = subsidyPeriod(year, probe.subsidyYearStarts);
  const budgetFen = parametersInForce(region, to).values.qualification!.budgetFen;
  const claims: Array<{ farmId: string; claimedFen: number }> = [];
  const cases: Record<string, string> = {};
  for (let offset = 0; ; offset += 500) {
    const page = await engine.query({ workflowId: 'qualificationReview', region, limit: 500, offset });
    for (const record of page) {
      const context = record.context as QualificationContext;
      if (context.year !== year || context.claim === null || OUT_OF_THE_RUNNING.has(record.stateKey)) continue;
      if (cases[record.subject]) throw inputError('cases', `${record.subject} has two claims for ${year}`, `${record.subject} 在 ${year} 年度有两份补贴申请`);
      cases[record.subject] = record.id;
      claims.push({ farmId: record.subject, claimedFen: context.claim.claimedFen });
    }
    if (page.length < 500) break;
  }
  claims.sort((a, b) => (a.farmId < b.farmId ? -1 : a.farmId > b.farmId ? 1 : 0));
  return { year, budgetFen, cases, ...allocateBudget(claims, budgetFen) };
}
