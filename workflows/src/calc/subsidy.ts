/**
 * Jiyuan 先打后补 subsidy amounts (seed 002 §二(二)). All money is integer fen.
 *
 * Per line: counted heads = min(basis count, immunised heads entered in the system), where the basis
 * is the year's origin-quarantine count for market pigs, beef cattle, sheep and meat poultry and the
 * stock for dairy cattle, breeding stock and layers (§二(二)2 "取最小值核定免疫计数"); amount =
 * counted × cap per head (§二(二)1). Caps are exact in fen, so a farm's claim needs no rounding.
 *
 * Budget (§二(二)3 "每年补助不超过60万元，按照应补金额和实补金额的比例进行分配"): when the claims of a
 * year exceed the budget, every farm receives claim × budget / total. Rounding: each share is
 * floored to the fen, then the fen left over are handed out one each to the largest fractional
 * remainders (largest-remainder method; ties: larger claim first, then farm id), so the payable
 * total equals the budget exactly, never exceeds it, and no farm receives more than it claimed.
 */
import type { SubsidyCap, SubsidyClass } from '../regions/types.js';
import { SUBSIDY_CLASSES } from '../regions/types.js';
import { assertCount, inputError } from './inputError.js';

export interface ClaimLine {
  subsidyClass: SubsidyClass;
  /** The year's origin-quarantine count (产地检疫数量). */
  quarantineCount: number;
  /** Stock count (存栏数量). */
  stockCount: number;
  /** Heads entered as immunised in the system (免疫录入). */
  immunisedCount: number;
}

export interface LineAmount {
  subsidyClass: SubsidyClass;
  basis: SubsidyCap['basis'];
  countedHeads: number;
  capFen: number;
  amountFen: number;
}

export interface ClaimAmount {
  lines: LineAmount[];
  totalFen: number;
}

export function countedHeads(line: ClaimLine, cap: SubsidyCap): number {
  const basisCount = cap.basis === 'quarantine' ? line.quarantineCount : line.stockCount;
  return Math.min(basisCount, line.immunisedCount);
}

/** A farm's claimed amount: the sum of its lines, exact in fen. */
export function claimAmount(lines: readonly ClaimLine[], caps: Record<SubsidyClass, SubsidyCap>): ClaimAmount {
  if (!Array.isArray(lines) || lines.length === 0) throw inputError('lines', 'a claim needs at least one line', '补助申请至少需要一行');
  const out = lines.map((line, i): LineAmount => {
    if (!(SUBSIDY_CLASSES as readonly string[]).includes(line.subsidyClass)) {
      throw inputError(`lines/${i}/subsidyClass`, `unknown subsidy class ${String(line.subsidyClass)}`, `未知补助类别 ${String(line.subsidyClass)}`);
    }
    for (const key of ['quarantineCount', 'stockCount', 'immunisedCount'] as const) assertCount(`lines/${i}/${key}`, line[key]);
    const cap = caps[line.subsidyClass as SubsidyClass];
    const heads = countedHeads(line, cap);
    return { subsidyClass: line.subsidyClass, basis: cap.basis, countedHeads: heads, capFen: cap.capFen, amountFen: heads * cap.capFen };
  });
  const totalFen = out.reduce((sum, l) => sum + l.amountFen, 0);
  assertCount('totalFen', totalFen);
  return { lines: out, totalFen };
}

export interface FarmClaim {
  farmId: string;
  claimedFen: number;
}

export interface Allocation {
  farmId: string;
  claimedFen: number;
  payableFen: number;
}

export interface BudgetAllocation {
  claimedTotalFen: number;
  payableTotalFen: number;
  /** True when claims exceeded the budget and were scaled down. */
  scaled: boolean;
  allocations: Allocation[];
}

export function allocateBudget(claims: readonly FarmClaim[], budgetFen: number): BudgetAllocation {
  assertCount('budgetFen', budgetFen);
  if (!Array.isArray(claims)) throw inputError('claims', 'claims must be a list', '申请须为列表');
  const seen = new Set<string>();
  claims.forEach((c, i) => {
    if (typeof c.farmId !== 'string' || c.farmId === '' || seen.has(c.farmId)) {
      throw inputError(`claims/${i}/farmId`, 'each claim needs a unique farm id', '每份申请须有唯一的养殖场编号');
    }
    seen.add(c.farmId);
    assertCount(`claims/${i}/claimedFen`, c.claimedFen);
  });
  const total = claims.reduce((sum, c) => sum + BigInt(c.claimedFen), 0n);
  if (total <= BigInt(budgetFen)) {
    return {
      claimedTotalFen: Number(total),
      payableTotalFen: Number(total),
      scaled: false,
      allocations: claims.map((c) => ({ farmId: c.farmId, claimedFen: c.claimedFen, payableFen: c.claimedFen })),
    };
  }
  const budget = BigInt(budgetFen);
  // BigInt: claim × budget can pass 2^53 (a 10-million-fen claim × a 60-million-fen budget).
  const shares = claims.map((c) => {
    const exact = BigInt(c.claimedFen) * budget;
    return { claim: c, floor: exact / total, remainder: exact % total };
  });
  let left = budget - shares.reduce((sum, s) => sum + s.floor, 0n);
  const order = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      b.claim.claimedFen - a.claim.claimedFen ||
      (a.claim.farmId < b.claim.farmId ? -1 : a.claim.farmId > b.claim.farmId ? 1 : 0),
  );
  const extra = new Set<FarmClaim>();
  for (const share of order) {
    if (left === 0n) break;
    if (share.remainder === 0n) continue;
    extra.add(share.claim);
    left -= 1n;
  }
  const allocations = shares.map((s) => ({
    farmId: s.claim.farmId,
    claimedFen: s.claim.claimedFen,
    payableFen: Number(s.floor) + (extra.has(s.claim) ? 1 : 0),
  }));
  return {
    claimedTotalFen: Number(total),
    payableTotalFen: allocations.reduce((sum, a) => sum + a.payableFen, 0),
    scaled: true,
    allocations,
  };
}

/** Formats fen as yuan with two decimals (for labels; never for arithmetic); `grouped` puts in thousands separators for people (5,600.00). */
export function fenToYuan(fen: number, { grouped = false }: { grouped?: boolean } = {}): string {
  assertCount('fen', fen);
  const whole = Math.floor(fen / 100);
  return `${grouped ? whole.toLocaleString('en-US') : whole}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * The statistics period of subsidy year `year` (seed 002 §二(三): "补助统计时段为当年3月11日至下年度3月10日";
 * for 2024 "补助统计截止到2025年3月10日"), as China dates.
 */
export function subsidyPeriod(year: number, subsidyYearStarts: string): { from: string; to: string } {
  assertCount('year', year);
  if (!/^\d{2}-\d{2}$/.test(subsidyYearStarts)) throw inputError('subsidyYearStarts', 'must be MM-DD', '须为 MM-DD');
  const from = `${year}-${subsidyYearStarts}`;
  const next = new Date(Date.parse(`${year + 1}-${subsidyYearStarts}T00:00:00Z`) - 86_400_000);
  return { from, to: next.toISOString().slice(0, 10) };
}

/** The subsidy year a China date (`YYYY-MM-DD`) counts towards. */
export function subsidyYearOn(date: string, subsidyYearStarts: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw inputError('date', 'date must be YYYY-MM-DD', '日期须为 YYYY-MM-DD');
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= subsidyYearStarts ? year : year - 1;
}
