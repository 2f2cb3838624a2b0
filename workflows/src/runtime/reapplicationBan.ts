/**
 * The certification start rules, checked when a case opens (the region validator's START_RULES), so
 * the engine refuses whoever calls it.
 *
 * seed 000 §七: a farm whose certification was revoked "1年内不得再次申报"; one open certification per farm.
 */
import { computeDueAt, createChineseCalendar, toChinaDate, type BusinessCalendar, type Store } from '@nongan/engine';
import { existingOf, numbered, type StartRefusal } from './startRefusal.js';
import type { CertificationContext } from '../lifecycles/certification.machine.js';

/** Why `subject` may not open a certification case at `now`, or null when it may. */
export async function certificationStartRefusal(
  store: Store,
  scope: { region: string; subject: string },
  now: number,
  calendar: BusinessCalendar = createChineseCalendar(),
): Promise<StartRefusal | null> {
  const open = await store.findInstances({ workflowId: 'certification', region: scope.region, subject: scope.subject, status: 'active', limit: 1 });
  if (open.length > 0) {
    const record = open[0]!;
    return {
      rule: 'seed 000 §七',
      message: `this farm already has a certification application in progress${numbered(record, 'en')}; it cannot apply twice`,
      messageZh: `本场已有进行中的达标场申报${numbered(record, 'zh')}，不能重复申报`,
      existing: existingOf(record),
    };
  }
  const revoked = await store.findInstances({ workflowId: 'certification', region: scope.region, subject: scope.subject, state: 'revoked' });
  for (const record of revoked) {
    const revocation = (record.context as CertificationContext).revocation;
    const banYears = revocation?.banYears ?? 1;
    // A finished case is never written again, so its last update is the revocation.
    const { dueAt } = computeDueAt({ years: banYears }, record.updatedAt, calendar);
    if (now < dueAt) {
      const revokedOn = toChinaDate(record.updatedAt);
      const lastDay = toChinaDate(dueAt - 1);
      return {
        rule: 'seed 000 §七',
        message: `re-application refused: this farm's certification was revoked on ${revokedOn}${numbered(record, 'en')}; no re-application for ${banYears} year(s), until the end of ${lastDay}`,
        messageZh: `不予受理：本场达标场资格已于 ${revokedOn} 被取消${numbered(record, 'zh')}，${banYears}年内不得再次申报（至 ${lastDay} 止）`,
        existing: existingOf(record),
      };
    }
  }
  return null;
}
