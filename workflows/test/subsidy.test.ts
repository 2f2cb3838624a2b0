/** Jiyuan subsidy amounts (seed 002 §二(二)); every expected value is worked out by hand below. */
import { describe, expect, it } from 'vitest';
import { allocateBudget, claimAmount, fenToYuan, regionProfile, subsidyPeriod, subsidyYearOn } from '../src/index.js';

const caps = regionProfile('jiyuan').parameters[0]!.values.qualification!.caps;

describe('claimAmount (seed 002 §二(二)1–2)', () => {
  it('counts the smaller of the basis count and the immunised heads, times the cap per head', () => {
    const claim = claimAmount(
      [
        // breeding sows: basis = stock. min(120, 110) = 110 heads × 18 CNY = 1,980 CNY = 198,000 fen
        { subsidyClass: 'breedingSow', quarantineCount: 0, stockCount: 120, immunisedCount: 110 },
        // finishing pigs: basis = origin quarantine. min(2000, 2100) = 2000 × 7 CNY = 14,000 CNY = 1,400,000 fen (stock 900 ignored)
        { subsidyClass: 'finishingPig', quarantineCount: 2000, stockCount: 900, immunisedCount: 2100 },
        // dairy cattle: basis = stock. min(300, 280) = 280 × 9 CNY = 2,520 CNY = 252,000 fen (quarantine 50 ignored)
        { subsidyClass: 'dairyCattle', quarantineCount: 50, stockCount: 300, immunisedCount: 280 },
        // beef cattle: basis = quarantine. min(300, 400) = 300 × 9 CNY = 2,700 CNY = 270,000 fen (stock 500 ignored)
        { subsidyClass: 'beefCattle', quarantineCount: 300, stockCount: 500, immunisedCount: 400 },
        // sheep: basis = quarantine. min(800, 750) = 750 × 7 CNY = 5,250 CNY = 525,000 fen
        { subsidyClass: 'sheep', quarantineCount: 800, stockCount: 0, immunisedCount: 750 },
        // layers: basis = stock. min(60,000, 58,000) = 58,000 × 0.5 CNY = 29,000 CNY = 2,900,000 fen
        { subsidyClass: 'layer', quarantineCount: 0, stockCount: 60_000, immunisedCount: 58_000 },
        // meat poultry: basis = quarantine. min(100,000, 120,000) = 100,000 × 0.2 CNY = 20,000 CNY = 2,000,000 fen
        { subsidyClass: 'meatPoultry', quarantineCount: 100_000, stockCount: 30_000, immunisedCount: 120_000 },
      ],
      caps,
    );
    expect(claim.lines.map((l) => [l.countedHeads, l.amountFen])).toEqual([
      [110, 198_000],
      [2000, 1_400_000],
      [280, 252_000],
      [300, 270_000],
      [750, 525_000],
      [58_000, 2_900_000],
      [100_000, 2_000_000],
    ]);
    // 198,000 + 1,400,000 = 1,598,000; + 252,000 = 1,850,000; + 270,000 = 2,120,000; + 525,000 = 2,645,000;
    // + 2,900,000 = 5,545,000; + 2,000,000 = 7,545,000 fen = 75,450.00 CNY
    expect(claim.totalFen).toBe(7_545_000);
    expect(fenToYuan(claim.totalFen)).toBe('75450.00');
  });

  it('refuses an empty claim, unknown classes and negative counts in both languages', () => {
    expect(() => claimAmount([], caps)).toThrow(/at least one line/);
    expect(() => claimAmount([{ subsidyClass: 'horse' as never, quarantineCount: 1, stockCount: 1, immunisedCount: 1 }], caps)).toThrow(/unknown subsidy class/);
    try {
      claimAmount([{ subsidyClass: 'sheep', quarantineCount: -1, stockCount: 0, immunisedCount: 0 }], caps);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', messageZh: expect.stringContaining('非负整数') });
    }
  });
});

describe('allocateBudget (seed 002 §二(二)3: ≤600,000 CNY a year, pro rata)', () => {
  const budget = regionProfile('jiyuan').parameters[0]!.values.qualification!.budgetFen;

  it('pays claims in full while the year total is within 600,000 CNY', () => {
    // 250,000 + 349,999.99 = 599,999.99 CNY ≤ 600,000 CNY
    const result = allocateBudget([{ farmId: 'a', claimedFen: 25_000_000 }, { farmId: 'b', claimedFen: 34_999_999 }], budget);
    expect(result.scaled).toBe(false);
    expect(result.allocations.map((a) => a.payableFen)).toEqual([25_000_000, 34_999_999]);
  });

  it('scales every farm by the same proportion when claims exceed the budget', () => {
    // claims 400,000 + 300,000 + 100,000 = 800,000 CNY; ratio 600,000 / 800,000 = 0.75
    // → 300,000 / 225,000 / 75,000 CNY, exactly 600,000 CNY: no rounding needed
    const result = allocateBudget(
      [
        { farmId: 'a', claimedFen: 40_000_000 },
        { farmId: 'b', claimedFen: 30_000_000 },
        { farmId: 'c', claimedFen: 10_000_000 },
      ],
      budget,
    );
    expect(result.scaled).toBe(true);
    expect(result.allocations.map((a) => a.payableFen)).toEqual([30_000_000, 22_500_000, 7_500_000]);
    expect(result.payableTotalFen).toBe(60_000_000);
  });

  it('floors to the fen and hands the left-over fen to the largest remainders, never passing the cap', () => {
    // total = 30,000,000 + 20,000,000 + 20,000,001 = 70,000,001 fen; each share = claim × 60,000,000 / 70,000,001
    // a: 1,800,000,000,000,000 / 70,000,001 = 25,714,285 rem 24,285,715
    // b: 1,200,000,000,000,000 / 70,000,001 = 17,142,856 rem 62,857,144
    // c: 1,200,000,060,000,000 / 70,000,001 = 17,142,857 rem 52,857,143
    // floors sum to 59,999,998 → 2 fen left → b (largest remainder) and c (next) get one each
    const result = allocateBudget(
      [
        { farmId: 'a', claimedFen: 30_000_000 },
        { farmId: 'b', claimedFen: 20_000_000 },
        { farmId: 'c', claimedFen: 20_000_001 },
      ],
      budget,
    );
    expect(result.allocations.map((a) => a.payableFen)).toEqual([25_714_285, 17_142_857, 17_142_858]);
    expect(result.payableTotalFen).toBe(60_000_000);
    for (const a of result.allocations) expect(a.payableFen).toBeLessThanOrEqual(a.claimedFen);
  });

  it('keeps the total at the cap for many awkward claims (sum never exceeds the budget)', () => {
    // 7 farms claiming 10,000,003 fen each = 70,000,021 fen > budget; any split must sum to exactly 60,000,000
    const claims = Array.from({ length: 7 }, (_, i) => ({ farmId: `f${i}`, claimedFen: 10_000_003 }));
    const result = allocateBudget(claims, budget);
    expect(result.payableTotalFen).toBe(60_000_000);
    // equal claims: 60,000,000 / 7 = 8,571,428 rem 4 → four farms (ids f0–f3, the tie-break) get 8,571,429
    expect(result.allocations.map((a) => a.payableFen)).toEqual([8_571_429, 8_571_429, 8_571_429, 8_571_429, 8_571_428, 8_571_428, 8_571_428]);
  });

  it('refuses duplicate farms and non-integer amounts', () => {
    expect(() => allocateBudget([{ farmId: 'a', claimedFen: 1 }, { farmId: 'a', claimedFen: 2 }], budget)).toThrow(/unique farm id/);
    expect(() => allocateBudget([{ farmId: 'a', claimedFen: 1.5 }], budget)).toThrow(/non-negative integer/);
  });
});

describe('subsidy year (seed 002 §二(三): 当年3月11日至下年度3月10日)', () => {
  it('runs from 11 March to 10 March of the next year', () => {
    expect(subsidyPeriod(2024, '03-11')).toEqual({ from: '2024-03-11', to: '2025-03-10' });
    // 2028 is a leap year: the day before 2029-03-11 is still 2029-03-10
    expect(subsidyPeriod(2028, '03-11')).toEqual({ from: '2028-03-11', to: '2029-03-10' });
    expect([subsidyYearOn('2025-03-10', '03-11'), subsidyYearOn('2025-03-11', '03-11'), subsidyYearOn('2025-12-31', '03-11')]).toEqual([2024, 2025, 2025]);
  });
});
