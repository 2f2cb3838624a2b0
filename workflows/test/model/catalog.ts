/**
 * The events each lifecycle's graph is explored with: every event type, and for guarded events the
 * data variants that take each branch (or fail the guard). Data is the base form's sample with the
 * listed overrides; when driven through the engine the region's sample (with its required extra
 * fields) is used instead, with the same overrides.
 */
import { SYSTEM_ROLE, type MachineEvent } from '@nongan/engine';
import { BASE_FORMS, LIFECYCLES, sampleData, type LifecycleId, type RegionId } from '../../src/index.js';

export interface CatalogEvent {
  /** Label in test names, e.g. `ENTER_RESULTS(fail)`. */
  label: string;
  type: string;
  overrides?: Record<string, unknown>;
}

const v = (type: string, variant: string, overrides: Record<string, unknown>): CatalogEvent => ({ label: `${type}(${variant})`, type, overrides });

const failing = { results: [{ disease: 'FMD', tested: 20, passed: 11 }] };

/** Guard variants per lifecycle; every other declared event is explored once with its sample data. */
const VARIANTS: Record<LifecycleId, CatalogEvent[]> = {
  qualificationReview: [
    v('SUBMIT', 'large', { species: 'pig', stock: 6000, annualOutput: 9000 }),
    v('SUBMIT', 'small', { species: 'pig', stock: 100, annualOutput: 100 }),
    v('SELF_TEST_REPORT', 'fail', failing),
    v('SELF_TEST_REPORT', 'few-samples', { samples: 10 }),
    v('ENTER_RESULTS', 'fail', failing),
    v('CLAIM', 'over-records', { lines: [{ subsidyClass: 'finishingPig', quarantineCount: 1500, stockCount: 800, immunisedCount: 5000 }] }),
    v('CLAIM_FINAL_APPROVE', 'over-claim', { approvedFen: 560_001 }),
    v('PAY', 'wrong-amount', { paidFen: 1 }),
  ],
  certification: [v('EVALUATE', 'fail', { score: 79.5 }), v('RE_EVALUATE', 'fail', { score: 72 }), v('RECHECK', 'fail', { score: 75 })],
  warningToExit: [],
  selfInspectToCertificate: [
    v('SELF_INSPECT', 'fail', { result: 'fail' }),
    v('RAPID_TEST', 'nonconforming', { result: 'nonconforming', drug: '毒死蜱' }),
    v('RAPID_TEST', 'suspected-banned', { result: 'suspected-banned', drug: '克伦特罗' }),
    v('ENFORCEMENT_RESULT', 'negative', { result: 'negative', drug: '' }),
  ],
};

export function catalogOf(lifecycle: LifecycleId): CatalogEvent[] {
  const workflow = LIFECYCLES[lifecycle];
  return [...workflow.eventTypes.map((type) => ({ label: type, type })), ...VARIANTS[lifecycle]];
}

function formOf(lifecycle: LifecycleId, type: string): string | undefined {
  return LIFECYCLES[lifecycle].events[type]?.form?.id;
}

/** The event as the pure machine sees it in the graph (base sample data). */
export function graphEvent(lifecycle: LifecycleId, entry: CatalogEvent): MachineEvent {
  const form = formOf(lifecycle, entry.type);
  const data = form ? { ...structuredClone(BASE_FORMS.get(form)!.sample), ...(entry.overrides ?? {}) } : {};
  const roles = LIFECYCLES[lifecycle].events[entry.type]!.roles;
  return { type: entry.type, data, actor: { id: 'model', role: roles.find((r) => r !== SYSTEM_ROLE) ?? SYSTEM_ROLE } };
}

/** The data sent through the engine for this graph event in `region`. */
export function engineData(lifecycle: LifecycleId, region: RegionId, event: MachineEvent): Record<string, unknown> | undefined {
  const form = formOf(lifecycle, event.type);
  if (!form) return undefined;
  const base = BASE_FORMS.get(form)!.sample;
  const overrides = Object.fromEntries(Object.entries(event.data).filter(([key, value]) => JSON.stringify(base[key]) !== JSON.stringify(value)));
  return { ...sampleData(region, form), ...overrides };
}

export function labelOf(lifecycle: LifecycleId, event: MachineEvent): string {
  const found = catalogOf(lifecycle).find((entry) => JSON.stringify(graphEvent(lifecycle, entry)) === JSON.stringify(event));
  return found?.label ?? event.type;
}

export type Delivery = 'caller' | 'timer' | 'message';

/** How an event reaches a case in production: a caller's send, a deadline, or a message from another case. */
export function deliveryOf(lifecycle: LifecycleId, type: string): Delivery {
  const roles = LIFECYCLES[lifecycle].events[type]!.roles;
  if (roles.some((r) => r !== SYSTEM_ROLE)) return 'caller';
  const byDeadline = [...LIFECYCLES[lifecycle].deadlines.values()].some((list) => list.some((d) => d.send === type));
  return byDeadline ? 'timer' : 'message';
}
