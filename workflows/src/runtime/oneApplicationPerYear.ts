/**
 * seed 002 §二: "先打后补"周期按年度核算 — one qualification application per farm and subsidy year.
 * Checked when a case opens (the region validator), so the engine refuses whoever calls it. A draft
 * the farm discarded no longer counts; every other case of that year does, submitted or not.
 */
import type { Store } from '@nongan/engine';
import { existingOf, numbered, type StartRefusal } from './startRefusal.js';

/** The state a discarded draft ends in (qualificationReview.machine.ts). */
const DISCARDED = 'discarded';

/** Why `subject` may not open a qualification application for `year`, or null when it may. */
export async function qualificationStartRefusal(store: Store, scope: { region: string; subject: string }, year: unknown): Promise<StartRefusal | null> {
  if (typeof year !== 'number' || !Number.isInteger(year)) return null; // the form check names a missing year
  const cases = await store.findInstances({ workflowId: 'qualificationReview', region: scope.region, subject: scope.subject });
  const same = cases.find((c) => c.stateKey !== DISCARDED && (c.context as { year?: unknown }).year === year);
  if (!same) return null;
  const draft = same.stateKey === 'draft';
  return {
    rule: 'seed 002 §二',
    message: draft
      ? `this farm already has a ${year} application that is not submitted yet${numbered(same, 'en')}: open it and submit or discard it (one application per farm and subsidy year)`
      : `this farm has already applied for the ${year} subsidy year${numbered(same, 'en')} (one application per farm and subsidy year)`,
    messageZh: draft
      ? `本场已有 ${year} 年度尚未提交的申请${numbered(same, 'zh')}，请打开后提交或作废（每个养殖场户每个补助年度只申请一次）`
      : `本场已申请 ${year} 年度“先打后补”${numbered(same, 'zh')}，每个养殖场户每个补助年度只申请一次`,
    existing: existingOf(same),
  };
}
