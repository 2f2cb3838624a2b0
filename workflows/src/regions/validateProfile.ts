/**
 * Checks a region profile when it is loaded, so a typo in a number or a missing parameter block
 * fails at start-up with every problem listed, not in the middle of a case.
 */
import { isChinaDate } from '@nongan/engine';
import { isRole } from '../roles.js';
import { RegionProfileError, type ProfileIssue } from './profileError.js';
import { LIFECYCLE_IDS, REGION_IDS, SPECIES, SUBSIDY_CLASSES, type LifecycleId, type ParameterValues, type RegionProfile } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => isObject(v) && typeof v.zh === 'string' && v.zh !== '' && typeof v.en === 'string' && v.en !== '';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Which parameter block each lifecycle reads. */
const NEEDS: Record<LifecycleId, keyof ParameterValues | null> = {
  qualificationReview: 'qualification',
  certification: 'certification',
  warningToExit: null,
  selfInspectToCertificate: 'certificate',
};

class Collector {
  readonly issues: ProfileIssue[] = [];
  add(path: string, en: string, zh: string): void {
    this.issues.push({ path, message: en, messageZh: zh });
  }
  count(path: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void {
    if (!isCount(value) || (value as number) > max) this.add(path, `must be an integer from 0 to ${max}`, `须为 0 到 ${max} 的整数`);
  }
}

function checkValues(c: Collector, values: ParameterValues, at: string): void {
  const q = values.qualification;
  if (q) {
    for (const species of SPECIES) {
      const t = q.scaleThresholds?.[species];
      if (!isObject(t) || (t.stock === undefined && t.annualOutput === undefined)) {
        c.add(`${at}/qualification/scaleThresholds/${species}`, 'needs a stock or annualOutput threshold', '须设存栏或年出栏规模标准');
        continue;
      }
      if (t.stock !== undefined) c.count(`${at}/qualification/scaleThresholds/${species}/stock`, t.stock);
      if (t.annualOutput !== undefined) c.count(`${at}/qualification/scaleThresholds/${species}/annualOutput`, t.annualOutput);
    }
    for (const key of ['pigs', 'cattle', 'sheep', 'poultry'] as const) c.count(`${at}/qualification/largeFarmStock/${key}`, q.largeFarmStock?.[key]);
    c.count(`${at}/qualification/minSamples/poultry`, q.minSamples?.poultry);
    c.count(`${at}/qualification/minSamples/livestock`, q.minSamples?.livestock);
    c.count(`${at}/qualification/passRatePercent`, q.passRatePercent, 100);
    c.count(`${at}/qualification/samplingSharePercent`, q.samplingSharePercent, 100);
    c.count(`${at}/qualification/resultsWorkingDays`, q.resultsWorkingDays, 365);
    c.count(`${at}/qualification/claimNoticeWorkingDays`, q.claimNoticeWorkingDays, 365);
    c.count(`${at}/qualification/budgetFen`, q.budgetFen);
    for (const key of ['paymentBy', 'subsidyYearStarts'] as const) {
      if (typeof q[key] !== 'string' || !MONTH_DAY.test(q[key])) c.add(`${at}/qualification/${key}`, 'must be MM-DD', '须为 MM-DD');
    }
    if (!MONTH_DAY.test(q.applicationCloses?.default ?? '')) c.add(`${at}/qualification/applicationCloses/default`, 'must be MM-DD', '须为 MM-DD');
    for (const [year, date] of Object.entries(q.applicationCloses?.byYear ?? {})) {
      if (!/^\d{4}$/.test(year) || !isChinaDate(date)) c.add(`${at}/qualification/applicationCloses/byYear/${year}`, 'must map YYYY to YYYY-MM-DD', '须为 年份 → YYYY-MM-DD');
    }
    for (const cls of SUBSIDY_CLASSES) {
      const cap = q.caps?.[cls];
      c.count(`${at}/qualification/caps/${cls}/capFen`, cap?.capFen);
      if (cap?.basis !== 'quarantine' && cap?.basis !== 'stock') c.add(`${at}/qualification/caps/${cls}/basis`, 'must be quarantine or stock', '须为 quarantine（产地检疫）或 stock（存栏）');
    }
  }
  const cert = values.certification;
  if (cert) {
    c.count(`${at}/certification/passScore`, cert.passScore, 100);
    for (const key of ['reEvaluationYears', 'reapplicationBanYears'] as const) c.count(`${at}/certification/${key}`, cert[key], 100);
    c.count(`${at}/certification/rectificationMonths`, cert.rectificationMonths, 1200);
  }
  const certificate = values.certificate;
  if (certificate) {
    if (!/^[A-Z]{2,4}$/.test(certificate.regionCode ?? '')) c.add(`${at}/certificate/regionCode`, 'must be 2–4 capital letters', '须为 2–4 个大写字母');
    c.count(`${at}/certificate/retentionMonths`, certificate.retentionMonths, 1200);
  }
}

/** Returns the profile unchanged, or throws RegionProfileError listing every problem (zh / en). */
export function validateProfile(profile: RegionProfile): RegionProfile {
  const c = new Collector();
  const id = isObject(profile) && typeof profile.id === 'string' ? profile.id : '(unknown)';
  if (!isObject(profile)) throw new RegionProfileError(id, [{ path: '', message: 'profile must be an object', messageZh: '地区配置须为对象' }]);
  if (!(REGION_IDS as readonly string[]).includes(profile.id)) c.add('/id', `unknown region; known: ${REGION_IDS.join(', ')}`, `未知地区；已知：${REGION_IDS.join('、')}`);
  if (!isText(profile.name)) c.add('/name', 'needs zh and en names', '须有中英文名称');
  if (typeof profile.caseNumberPrefix !== 'string' || !/^[^\s/\\-]{1,12}$/u.test(profile.caseNumberPrefix)) {
    c.add('/caseNumberPrefix', 'needs a short place name for case numbers (1–12 characters, no spaces, slashes or hyphens)', '须有受理编号前缀（1–12 个字符，不含空格、斜杠、连字符）');
  }
  if (!Array.isArray(profile.lifecycles) || profile.lifecycles.length === 0) c.add('/lifecycles', 'must list at least one lifecycle', '须至少列出一个业务流程');
  (profile.lifecycles ?? []).forEach((l, i) => {
    if (!(LIFECYCLE_IDS as readonly string[]).includes(l)) c.add(`/lifecycles/${i}`, `unknown lifecycle ${String(l)}`, `未知业务流程 ${String(l)}`);
  });
  for (const [role, label] of Object.entries(profile.roleLabels ?? {})) {
    if (!isRole(role)) c.add(`/roleLabels/${role}`, 'is not a role of DOMAIN.md', '不是已定义的角色');
    if (!isText(label)) c.add(`/roleLabels/${role}`, 'needs zh and en labels', '须有中英文名称');
  }
  if (!Array.isArray(profile.adminLevels) || profile.adminLevels.length < 2) c.add('/adminLevels', 'needs at least two administrative levels', '须至少两级行政层级');
  (profile.adminLevels ?? []).forEach((level, i) => {
    if (typeof level?.id !== 'string' || !isText(level.label)) c.add(`/adminLevels/${i}`, 'needs id and zh/en label', '须有 id 与中英文名称');
  });

  const versions = Array.isArray(profile.parameters) ? profile.parameters : [];
  if (versions.length === 0) c.add('/parameters', 'needs at least one parameter version', '须至少一个参数版本');
  versions.forEach((version, i) => {
    const at = `/parameters/${i}`;
    if (!isChinaDate(version?.effectiveFrom)) c.add(`${at}/effectiveFrom`, 'must be a YYYY-MM-DD date', '须为 YYYY-MM-DD 日期');
    if (version?.id !== `${profile.id}@${version?.effectiveFrom}`) c.add(`${at}/id`, `must be "${profile.id}@<effectiveFrom>"`, `须为 "${profile.id}@<生效日期>"`);
    const previous = versions[i - 1];
    if (previous && !(previous.effectiveFrom < version.effectiveFrom)) c.add(`${at}/effectiveFrom`, 'versions must be in increasing date order', '参数版本须按生效日期递增');
    if (typeof version?.source !== 'string' || version.source === '') c.add(`${at}/source`, 'must cite its source', '须注明来源');
    for (const lifecycle of profile.lifecycles ?? []) {
      const block = NEEDS[lifecycle];
      if (block && !version?.values?.[block]) c.add(`${at}/values/${block}`, `${lifecycle} needs the ${block} parameters`, `${lifecycle} 需要 ${block} 参数`);
    }
    if (isObject(version?.values)) checkValues(c, version.values, `${at}/values`);
  });
  (profile.targets ?? []).forEach((t, i) => {
    if (typeof t?.metric !== 'string' || !isText(t.label) || typeof t.value !== 'number' || !(t.value >= 0) || typeof t.source !== 'string') {
      c.add(`/targets/${i}`, 'needs metric, zh/en label, a non-negative value and a source', '须有指标、中英文名称、非负数值与来源');
    }
  });
  if (c.issues.length > 0) throw new RegionProfileError(id, c.issues);
  return profile;
}
