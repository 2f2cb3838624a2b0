/**
 * Dashboard figures of one region, computed from the engine's instance records (a query by region)
 * and the region profile's targets. Pure: same records in, same figures out; the charts only draw them.
 * The contexts read here are those of the @nongan/workflows machines (BatchContext, QualificationContext,
 * CertificationContext, WarningContext); unknown shapes count as "no data", never as a pass.
 */
import { toChinaDate, type BusinessCalendar, type InstanceRecord } from '@nongan/engine';

/** The parts of a region profile target the dashboard reads (structurally @nongan/workflows' Target). */
export interface DashboardTarget {
  metric: string;
  label: { zh: string; en: string };
  value: number;
  unit: 'percent' | 'count' | 'per-1000-people';
  year?: number;
  countyClass?: 'safe' | 'other';
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : null);
const ctx = (i: InstanceRecord): Rec => rec(i.context) ?? {};
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function assertInstances(instances: unknown): asserts instances is InstanceRecord[] {
  if (!Array.isArray(instances)) throw new TypeError('dashboard figures need a list of instance records / 看板计算需要案件记录列表');
}

/** Percent with one decimal, rounded half-up; null when nothing was counted. */
export function percent(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part * 1000) / whole) / 10;
}

export interface StateCount {
  workflowId: string;
  /** Top-level state (first path segment of each active leaf). */
  state: string;
  count: number;
}

/** How many cases of each lifecycle are in each top-level state. */
export function casesByState(instances: readonly InstanceRecord[]): StateCount[] {
  assertInstances(instances);
  const counts = new Map<string, StateCount>();
  for (const i of instances) {
    const state = i.stateKey.split(',')[0]!.split('.')[0]!;
    const key = `${i.workflowId}\u0000${state}`;
    const row = counts.get(key) ?? { workflowId: i.workflowId, state, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.workflowId.localeCompare(b.workflowId) || b.count - a.count || a.state.localeCompare(b.state));
}

export interface OverdueItem {
  instanceId: string;
  workflowId: string;
  subject: string;
  /** `deadline`: a pending deadline already past; otherwise the lifecycle's own overdue mark. */
  kind: 'deadline' | 'resultsOverdue' | 'paymentOverdue' | 'reportMissing';
  /** State path of a pending deadline. */
  statePath?: string;
  dueAt: number | null;
}

/** Deadlines past due that have not fired yet, and cases the lifecycle marked overdue (still open). */
export function overdueDeadlines(instances: readonly InstanceRecord[], now: number): OverdueItem[] {
  assertInstances(instances);
  const out: OverdueItem[] = [];
  for (const i of instances) {
    const base = { instanceId: i.id, workflowId: i.workflowId, subject: i.subject };
    for (const t of i.timers) if (t.dueAt <= now) out.push({ ...base, kind: 'deadline', statePath: t.statePath, dueAt: t.dueAt });
    if (i.status === 'done') continue;
    const c = ctx(i);
    if (c.resultsOverdue === true) out.push({ ...base, kind: 'resultsOverdue', dueAt: null });
    if (c.paymentOverdue === true) out.push({ ...base, kind: 'paymentOverdue', dueAt: null });
    if (c.reportMissing === true) out.push({ ...base, kind: 'reportMissing', dueAt: null });
  }
  return out.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.instanceId.localeCompare(b.instanceId));
}

export interface DueSoonItem {
  instanceId: string;
  workflowId: string;
  subject: string;
  statePath: string;
  dueAt: number;
  /** Working days left (0: due by the end of today). */
  workingDaysLeft: number;
}

/**
 * Pending deadlines falling due within `days` working days of `now` (China dates; the calendar skips
 * weekends and holidays): what the demo clock's "advance 5 working days" will fire next.
 */
export function dueSoon(instances: readonly InstanceRecord[], now: number, calendar: Pick<BusinessCalendar, 'workingDaysBetween'>, days: number): DueSoonItem[] {
  assertInstances(instances);
  const today = toChinaDate(now);
  const out: DueSoonItem[] = [];
  for (const i of instances) {
    for (const t of i.timers) {
      if (t.dueAt <= now) continue;
      // A deadline ends at 24:00 of its last day: that day is the one just before the due instant.
      const left = calendar.workingDaysBetween(today, toChinaDate(t.dueAt - 1));
      if (left <= days) out.push({ instanceId: i.id, workflowId: i.workflowId, subject: i.subject, statePath: t.statePath, dueAt: t.dueAt, workingDaysLeft: left });
    }
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.instanceId.localeCompare(b.instanceId));
}

/** Targets of a metric that apply in `year`: undated ones, and for dated ones the latest year ≤ `year` (per county class). */
export function targetsFor(targets: readonly DashboardTarget[], metric: string, year: number): DashboardTarget[] {
  const ofMetric = targets.filter((t) => t.metric === metric);
  const byClass = new Map<string, DashboardTarget>();
  for (const t of ofMetric) {
    const key = t.countyClass ?? '';
    if (t.year !== undefined && t.year > year) continue;
    const held = byClass.get(key);
    if (!held || (held.year ?? -Infinity) < (t.year ?? -Infinity)) byClass.set(key, t);
  }
  return [...byClass.values()];
}

export interface Coverage {
  producers: number;
  issuing: number;
  percent: number | null;
  targets: DashboardTarget[];
}

/**
 * Certificate coverage: producers that issued at least one certificate, of all producers known in the
 * region (the farm register and every subject with a batch). DOMAIN.md: Kaizhou 100% of trial producers,
 * Inner Mongolia 40–100% by county class and year.
 */
export function certificateCoverage(instances: readonly InstanceRecord[], registeredProducers: readonly string[], targets: readonly DashboardTarget[], year: number): Coverage {
  assertInstances(instances);
  const producers = new Set(registeredProducers);
  const issuing = new Set<string>();
  for (const i of instances) {
    if (i.workflowId !== 'selfInspectToCertificate') continue;
    producers.add(i.subject);
    if (rec(ctx(i).certificate)) issuing.add(i.subject);
  }
  return { producers: producers.size, issuing: issuing.size, percent: percent(issuing.size, producers.size), targets: targetsFor(targets, 'certificateCoverage', year) };
}

export interface QuotaProgress {
  metric: string;
  label: { zh: string; en: string };
  year?: number;
  target: number;
  actual: number;
  percent: number;
}

/** What each count target measures, counted over the region's cases. */
const QUOTA_COUNTERS: Record<string, (i: InstanceRecord) => number> = {
  // seed 001 附件1 第4项 / seed 003 §(八): tests on batches (rapid tests by inspectors)
  rapidTests: (i) => list(ctx(i).rapidTests).length,
  monitoringTasks: (i) => list(ctx(i).rapidTests).length + (rec(ctx(i).enforcement) ? 1 : 0),
  supervisorySampling: (i) => (rec(ctx(i).enforcement) ? 1 : 0),
  enforcementCases: (i) => (typeof rec(ctx(i).enforcement)?.caseNo === 'string' ? 1 : 0),
  certificates: (i) => (rec(ctx(i).certificate) ? 1 : 0),
};

/** Progress against the region's count targets (monitoring quotas, sampling, cases, certificates). */
export function quotaProgress(instances: readonly InstanceRecord[], targets: readonly DashboardTarget[], year: number): QuotaProgress[] {
  assertInstances(instances);
  const out: QuotaProgress[] = [];
  for (const metric of Object.keys(QUOTA_COUNTERS)) {
    for (const t of targetsFor(targets, metric, year)) {
      if (t.unit !== 'count' || !(t.value > 0)) continue;
      const actual = instances.reduce((sum, i) => sum + QUOTA_COUNTERS[metric]!(i), 0);
      out.push({ metric, label: t.label, ...(t.year !== undefined ? { year: t.year } : {}), target: t.value, actual, percent: percent(actual, t.value) ?? 0 });
    }
  }
  return out;
}

export interface PassRate {
  kind: 'rapidTest' | 'selfInspection' | 'enforcementSample' | 'antibody' | 'evaluationScore';
  passed: number;
  total: number;
  percent: number | null;
  /** Target percent when the region sets one (routine pass rate ≥98%, antibody ≥70%). */
  targetPercent: number | null;
}

const FAILING_RAPID = new Set(['nonconforming', 'suspected-banned']);

/** Pass rates of the checks recorded in the region's cases. */
export function passRates(instances: readonly InstanceRecord[], targets: readonly DashboardTarget[]): PassRate[] {
  assertInstances(instances);
  const tally = { rapidTest: [0, 0], selfInspection: [0, 0], enforcementSample: [0, 0], antibody: [0, 0], evaluationScore: [0, 0] } as Record<PassRate['kind'], [number, number]>;
  const count = (kind: PassRate['kind'], passed: boolean) => {
    tally[kind][1] += 1;
    if (passed) tally[kind][0] += 1;
  };
  for (const i of instances) {
    const c = ctx(i);
    for (const t of list(c.rapidTests)) count('rapidTest', !FAILING_RAPID.has(String(rec(t)?.result)));
    const self = rec(c.selfInspection);
    if (self) count('selfInspection', self.passed === true);
    const enforcement = rec(c.enforcement);
    // Only samples with a result count (a sample at the lab has none yet).
    if (enforcement && typeof enforcement.result === 'string' && enforcement.result !== '') count('enforcementSample', enforcement.result !== 'positive');
    const evaluation = rec(c.evaluation);
    if (evaluation && i.workflowId === 'qualificationReview') count('antibody', evaluation.passes === true);
    for (const s of list(c.scores)) count('evaluationScore', rec(s)?.passed === true);
  }
  const target = (metric: string) => targets.find((t) => t.metric === metric && t.unit === 'percent')?.value ?? null;
  const targetOf: Record<PassRate['kind'], number | null> = {
    rapidTest: target('routinePassRate'),
    selfInspection: null,
    enforcementSample: target('routinePassRate'),
    antibody: target('antibodyPassRate'),
    evaluationScore: null,
  };
  return (Object.keys(tally) as PassRate['kind'][])
    .filter((kind) => tally[kind][1] > 0)
    .map((kind) => ({ kind, passed: tally[kind][0], total: tally[kind][1], percent: percent(tally[kind][0], tally[kind][1]), targetPercent: targetOf[kind] }));
}

export interface SubsidyTotals {
  /** Amounts in fen (1 CNY = 100 fen), summed over the region's qualification cases. */
  claimedFen: number;
  approvedFen: number;
  paidFen: number;
  capFen: number;
  /** Share of each approved amount payable when approvals exceed the cap (seed 002 §二(二)3: 按比例分配), percent. */
  payablePercent: number;
  overCap: boolean;
}

/** Subsidy totals against the yearly budget cap (Jiyuan: 600,000 CNY, seed 002 §二(二)3). */
export function subsidyTotals(instances: readonly InstanceRecord[], capFen: number): SubsidyTotals {
  assertInstances(instances);
  if (!Number.isSafeInteger(capFen) || capFen <= 0) throw new RangeError(`subsidy cap must be a positive number of fen, got ${String(capFen)} / 补助上限须为正的分值`);
  let claimedFen = 0;
  let approvedFen = 0;
  let paidFen = 0;
  for (const i of instances) {
    if (i.workflowId !== 'qualificationReview') continue;
    const c = ctx(i);
    claimedFen += num(rec(c.claim)?.claimedFen);
    approvedFen += num(c.approvedFen);
    paidFen += num(rec(c.paid)?.fen);
  }
  const overCap = approvedFen > capFen;
  const payablePercent = overCap ? Math.floor((capFen * 10_000) / approvedFen) / 100 : 100;
  return { claimedFen, approvedFen, paidFen, capFen, payablePercent, overCap };
}
