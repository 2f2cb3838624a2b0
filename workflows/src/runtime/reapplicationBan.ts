/**
 * seed 000 §七: a farm whose certification was revoked "1年内不得再次申报". Checked when a new
 * certification case is opened (the engine's injected validator calls this for `certification`
 * starts), so the engine itself refuses a re-application inside the ban — whoever calls it.
 */
import { computeDueAt, createChineseCalendar, toChinaDate, type BusinessCalendar, type Store } from '@nongan/engine';
import type { CertificationContext } from '../lifecycles/certification.machine.js';

export interface StartRefusal {
  path: string;
  message: string;
  messageZh: string;
}

/** Why `subject` may not open a certification case at `now`, or null when it may. */
export async function certificationStartRefusal(
  store: Store,
  scope: { region: string; subject: string },
  now: number,
  calendar: BusinessCalendar = createChineseCalendar(),
): Promise<StartRefusal | null> {
  const open = await store.findInstances({ workflowId: 'certification', region: scope.region, subject: scope.subject, status: 'active', limit: 1 });
  if (open.length > 0) {
    return {
      path: '',
      message: `${scope.subject} already has an open certification case (${open[0]!.id}, ${open[0]!.stateKey})`,
      messageZh: `${scope.subject} 已有进行中的达标场案件（${open[0]!.id}，${open[0]!.stateKey}），不能重复申报`,
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
        path: '',
        message: `re-application refused: the certification of ${scope.subject} was revoked on ${revokedOn} (case ${record.id}); no re-application for ${banYears} year(s), until the end of ${lastDay}`,
        messageZh: `不予受理：${scope.subject} 的达标场资格已于 ${revokedOn} 被取消（案件 ${record.id}），${banYears}年内不得再次申报（至 ${lastDay} 止）`,
      };
    }
  }
  return null;
}
