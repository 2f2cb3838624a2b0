/** Dashboard figures over hand-made instance records; expected values worked out by hand. */
import type { InstanceRecord } from '@nongan/engine';
import { describe, expect, it } from 'vitest';
import { casesByState, certificateCoverage, dueSoon, overdueDeadlines, passRates, percent, quotaProgress, subsidyTotals, targetsFor, type DashboardTarget } from '../src/dashboard/figures.js';

let n = 0;
function record(workflowId: string, stateKey: string, context: unknown, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  n += 1;
  return {
    id: `case-${n}`,
    workflowId,
    workflowVersion: 1,
    region: 'kaizhou',
    subject: `farm-${n}`,
    status: 'active',
    state: stateKey,
    stateKey,
    context,
    revision: 1,
    journalHead: { seq: 1, hash: 'x' },
    acceptedEvents: [],
    taskKeys: [],
    timers: [],
    nextDueAt: null,
    pins: {},
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

const label = { zh: '标签', en: 'label' };
const kaizhouTargets: DashboardTarget[] = [
  { metric: 'monitoringTasks', label, value: 1005, unit: 'count', year: 2022 },
  { metric: 'supervisorySampling', label, value: 201, unit: 'count', year: 2022 },
  { metric: 'enforcementCases', label, value: 3, unit: 'count', year: 2022 },
  { metric: 'certificateCoverage', label, value: 100, unit: 'percent', year: 2022 },
  { metric: 'monitoringRate', label, value: 1.5, unit: 'per-1000-people', year: 2022 },
];

describe('percent', () => {
  it('rounds half up to one decimal and is null without a whole', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('casesByState', () => {
  it('counts top-level states per lifecycle, largest first', () => {
    const rows = casesByState([
      record('certification', 'certified', {}),
      record('certification', 'certified', {}),
      record('certification', 'revoked', {}, { status: 'done' }),
      record('qualificationReview', 'review.initial', {}),
    ]);
    expect(rows).toEqual([
      { workflowId: 'certification', state: 'certified', count: 2 },
      { workflowId: 'certification', state: 'revoked', count: 1 },
      { workflowId: 'qualificationReview', state: 'review', count: 1 },
    ]);
  });
  it('refuses a non-list with a bilingual error', () => {
    expect(() => casesByState(null as never)).toThrow(/看板/);
  });
});

describe('overdueDeadlines', () => {
  it('lists pending deadlines already past and lifecycle overdue marks of open cases', () => {
    const now = 1_000;
    const rows = overdueDeadlines(
      [
        record('qualificationReview', 'sampling', { resultsOverdue: true }, { id: 'a', timers: [{ id: 't1', statePath: 'sampling', dueAt: 900 }] }),
        record('qualificationReview', 'claimNotice', {}, { id: 'b', timers: [{ id: 't2', statePath: 'claimNotice', dueAt: 2_000 }] }),
        record('warningToExit', 'closed', { reportMissing: true }, { id: 'c', status: 'done' }),
        record('warningToExit', 'verification', { reportMissing: true }, { id: 'd' }),
      ],
      now,
    );
    expect(rows.map((r) => [r.instanceId, r.kind])).toEqual([
      ['a', 'deadline'],
      ['a', 'resultsOverdue'],
      ['d', 'reportMissing'],
    ]);
  });
});

describe('targetsFor', () => {
  it('keeps the latest dated target not after the year, per county class', () => {
    const im: DashboardTarget[] = [
      { metric: 'certificateCoverage', label, value: 60, unit: 'percent', year: 2022, countyClass: 'safe' },
      { metric: 'certificateCoverage', label, value: 40, unit: 'percent', year: 2022, countyClass: 'other' },
      { metric: 'certificateCoverage', label, value: 80, unit: 'percent', year: 2023, countyClass: 'safe' },
      { metric: 'certificateCoverage', label, value: 60, unit: 'percent', year: 2023, countyClass: 'other' },
      { metric: 'certificateCoverage', label, value: 100, unit: 'percent', year: 2024, countyClass: 'safe' },
      { metric: 'certificateCoverage', label, value: 100, unit: 'percent', year: 2024, countyClass: 'other' },
    ];
    expect(targetsFor(im, 'certificateCoverage', 2023).map((t) => [t.countyClass, t.value])).toEqual([
      ['safe', 80],
      ['other', 60],
    ]);
    expect(targetsFor(im, 'certificateCoverage', 2026).map((t) => t.value)).toEqual([100, 100]);
    expect(targetsFor(im, 'certificateCoverage', 2021)).toEqual([]);
  });
});

describe('certificateCoverage', () => {
  it('counts producers issuing at least one certificate among registered producers and batch subjects', () => {
    const cert = { certificate: { number: 'HGZ-KZ-20260302-x', code: 'c' } };
    const coverage = certificateCoverage(
      [
        record('selfInspectToCertificate', 'certified', cert, { subject: 'p1' }),
        record('selfInspectToCertificate', 'certified', cert, { subject: 'p1' }),
        record('selfInspectToCertificate', 'batchOpen', { certificate: null }, { subject: 'p2' }),
        record('certification', 'certified', cert, { subject: 'p9' }),
      ],
      ['p1', 'p3'],
      kaizhouTargets,
      2026,
    );
    // p1 issues; p1, p2 (batch) and p3 (register) are producers: 1 of 3 = 33.3 %
    expect(coverage).toMatchObject({ producers: 3, issuing: 1, percent: 33.3 });
    expect(coverage.targets.map((t) => t.value)).toEqual([100]);
  });
});

describe('quotaProgress', () => {
  it('measures count targets: tests, enforcement samples, filed cases', () => {
    const rows = quotaProgress(
      [
        record('selfInspectToCertificate', 'certified', { rapidTests: [{ result: 'negative' }, { result: 'negative' }], enforcement: null }),
        record('selfInspectToCertificate', 'caseFiled', { rapidTests: [{ result: 'suspected-banned' }], enforcement: { result: 'positive', caseNo: '开农立〔2026〕1号' } }),
        record('selfInspectToCertificate', 'labTesting', { rapidTests: [], enforcement: { sampleNo: 'S1', result: null, caseNo: null } }),
      ],
      kaizhouTargets,
      2026,
    );
    expect(rows.map((r) => [r.metric, r.actual, r.target, r.percent])).toEqual([
      // 3 rapid tests + 2 enforcement samples = 5 of 1005 → 0.5 %
      ['monitoringTasks', 5, 1005, 0.5],
      ['supervisorySampling', 2, 201, 1],
      ['enforcementCases', 1, 3, 33.3],
    ]);
  });
});

describe('passRates', () => {
  it('tallies each kind of check against the region target', () => {
    const targets: DashboardTarget[] = [
      { metric: 'routinePassRate', label, value: 98, unit: 'percent' },
      { metric: 'antibodyPassRate', label, value: 70, unit: 'percent' },
    ];
    const rates = passRates(
      [
        record('selfInspectToCertificate', 'certified', { rapidTests: [{ result: 'negative' }, { result: 'nonconforming' }, { result: 'suspected-banned' }], selfInspection: { passed: true } }),
        record('selfInspectToCertificate', 'labTesting', { rapidTests: [], enforcement: { result: null } }),
        record('selfInspectToCertificate', 'positive', { rapidTests: [], enforcement: { result: 'positive' } }),
        record('qualificationReview', 'eligible', { evaluation: { passes: true } }),
        record('qualificationReview', 'revaccination', { evaluation: { passes: false } }),
        record('certification', 'certified', { scores: [{ passed: true }, { passed: false }] }),
      ],
      targets,
    );
    expect(rates).toEqual([
      { kind: 'rapidTest', passed: 1, total: 3, percent: 33.3, targetPercent: 98 },
      { kind: 'selfInspection', passed: 1, total: 1, percent: 100, targetPercent: null },
      { kind: 'enforcementSample', passed: 0, total: 1, percent: 0, targetPercent: 98 },
      { kind: 'antibody', passed: 1, total: 2, percent: 50, targetPercent: 70 },
      { kind: 'evaluationScore', passed: 1, total: 2, percent: 50, targetPercent: null },
    ]);
  });
});

describe('subsidyTotals', () => {
  const claim = (claimedFen: number, approvedFen: number | null, paidFen?: number) =>
    record('qualificationReview', 'x', { claim: { claimedFen }, approvedFen, paid: paidFen === undefined ? null : { fen: paidFen } });

  it('sums claims, approvals and payments under the cap (seed 002: 600,000 CNY)', () => {
    const totals = subsidyTotals([claim(560_000, 560_000, 560_000), claim(1_200_000, null)], 60_000_000);
    expect(totals).toEqual({ claimedFen: 1_760_000, approvedFen: 560_000, paidFen: 560_000, capFen: 60_000_000, payablePercent: 100, overCap: false });
  });

  it('pays every farm the same share when approvals exceed the cap (按比例分配)', () => {
    // 800,000 CNY approved against a 600,000 CNY cap → each farm receives 75 %
    const totals = subsidyTotals([claim(50_000_000, 50_000_000), claim(30_000_000, 30_000_000)], 60_000_000);
    expect(totals.overCap).toBe(true);
    expect(totals.payablePercent).toBe(75);
  });

  it('refuses a cap that is not a positive amount', () => {
    expect(() => subsidyTotals([], 0)).toThrow(/补助上限/);
  });
});

describe('dueSoon', () => {
  it('lists pending deadlines within 5 working days, counting the Chinese calendar', async () => {
    const { createChineseCalendar } = await import('@nongan/engine');
    const calendar = createChineseCalendar();
    const now = Date.parse('2026-03-02T09:00:00+08:00'); // Monday
    const endOf = (date: string) => Date.parse(`${date}T24:00:00+08:00`);
    const rows = dueSoon(
      [
        // ends with Monday 9 March: 5 working days after Monday 2 March
        record('qualificationReview', 'claimNotice', {}, { id: 'a', timers: [{ id: 't1', statePath: 'claimNotice', dueAt: endOf('2026-03-09') }] }),
        // ends with Tuesday 10 March: 6 working days → not listed
        record('qualificationReview', 'draft', {}, { id: 'b', timers: [{ id: 't2', statePath: 'draft', dueAt: endOf('2026-03-10') }] }),
        // already due: counted as overdue, not here
        record('qualificationReview', 'sampling', {}, { id: 'c', timers: [{ id: 't3', statePath: 'sampling', dueAt: now - 1 }] }),
      ],
      now,
      calendar,
      5,
    );
    expect(rows.map((r) => [r.instanceId, r.workingDaysLeft])).toEqual([['a', 5]]);
  });
});
