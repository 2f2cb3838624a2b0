/**
 * Demo cases per lifecycle: each script opens a case and walks it with caller events only (no
 * clock moves), so a region shows cases in a realistic mix of states with their deadlines pending.
 */
import type { LifecycleId, RegionId } from '../regions/types.js';
import { sampleData } from '../forms/catalog.js';
import type { Role } from '../roles.js';

export interface DemoStep {
  type: string;
  role: Role;
  data?: Record<string, unknown>;
}

export interface DemoScript {
  key: string;
  lifecycle: LifecycleId;
  subject: string;
  start: Record<string, unknown>;
  steps: DemoStep[];
}

/** `date` + `days` as YYYY-MM-DD (UTC arithmetic on a calendar date; no time zone involved). */
export function plusDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const step = (type: string, role: Role, data?: Record<string, unknown>): DemoStep => ({ type, role, ...(data ? { data } : {}) });

function qualificationScripts(region: RegionId, today: string): DemoScript[] {
  const s = (id: string) => sampleData(region, id);
  // The next subsidy year whose application window (closing 10 March) is still open today (seed 002 §二(三)).
  const year = today.slice(5) <= '03-10' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1;
  const start = (name: string) => ({ ...s('qr-registration'), farmName: name, year });
  const applied = [step('SUBMIT', 'producer', s('qr-application'))];
  const approved = [...applied, step('INITIAL_APPROVE', 'supervision'), step('FINAL_APPROVE', 'district')];
  const qualified = [...approved, step('NOTIFY_QUALIFIED', 'district'), step('RECORD_IMMUNISATION', 'producer', { ...s('qr-immunisation'), immunisedOn: today })];
  const sampled = [...qualified, step('SAMPLE', 'lab', { ...s('qr-sampling'), sampledOn: today })];
  const eligible = [...sampled, step('ENTER_RESULTS', 'lab', s('qr-antibody-report'))];
  const failing = { ...s('qr-antibody-report'), results: [{ disease: 'FMD', tested: 20, passed: 11 }] };
  const claimed = [...eligible, step('CLAIM', 'producer', s('qr-claim')), step('CLAIM_INITIAL_APPROVE', 'supervision')];
  const farms: Array<[string, string, DemoStep[]]> = [
    ['registered', '承留镇福源养殖场', []],
    ['applied', '梨林镇兴旺养猪场', applied],
    ['returned', '五龙口镇丰泽牧业', [...applied, step('INITIAL_RETURN', 'supervision', { reason: '缺少动物防疫条件合格证' })]],
    ['notice', '坡头镇鑫源养殖合作社', approved],
    ['immunising', '克井镇绿野生态养殖场', qualified],
    ['sampling', '王屋镇山泉蛋鸡场', sampled],
    ['eligible', '轵城镇金穗养殖场', eligible],
    ['revaccination', '下冶镇宏达养殖场', [...sampled, step('ENTER_RESULTS', 'lab', failing)]],
    ['claimReview', '大峪镇康源牧业', claimed],
    ['claimNotice', '思礼镇恒通养殖场', [...claimed, step('CLAIM_FINAL_APPROVE', 'district', s('qr-claim-decision'))]],
    ['disqualified', '邵原镇顺发养殖场', [...qualified, step('DISQUALIFY', 'district', s('qr-disqualification'))]],
  ];
  return farms.map(([key, name, steps], i) => ({ key, lifecycle: 'qualificationReview', subject: `${region}-farm-${i + 1}`, start: start(name), steps }));
}

function certificationScripts(region: RegionId, today: string): DemoScript[] {
  const s = (id: string) => sampleData(region, id);
  const score = (value: number) => ({ ...s('cert-score'), score: value, evaluatedOn: today });
  const recognised = [step('EVALUATE', 'expert-office', score(88)), step('RECOGNISE', 'municipal')];
  const year = Number(today.slice(0, 4));
  const farms: Array<[string, string, DemoStep[]]> = [
    ['applied', '绿源生态养殖场', []],
    ['recognition', '金穗畜牧有限公司', [step('EVALUATE', 'expert-office', score(84))]],
    ['certified', '康宁生猪养殖场', recognised],
    ['certifiedActive', '丰泽奶牛场', [...recognised, step('SELF_EVALUATION', 'producer', { ...s('cert-self-evaluation'), year }), step('GUIDANCE_VISIT', 'district', { ...s('cert-guidance-visit'), visitedOn: today })]],
    ['notCertified', '宏达养殖场', [step('EVALUATE', 'expert-office', score(71))]],
    ['certified6', '顺达畜禽养殖场', recognised],
  ];
  return farms.map(([key, name, steps], i) => ({
    key,
    lifecycle: 'certification',
    subject: `${region}-cert-farm-${i + 1}`,
    start: { ...s('cert-application'), farmName: name },
    steps,
  }));
}

/** Beijing warning cases; some against the certified demo farms, so their certification is suspended or revoked by message. */
function warningScripts(region: RegionId, today: string): DemoScript[] {
  const s = (id: string) => sampleData(region, id);
  const finding = { ...s('warn-finding'), detectedOn: today };
  const order = { ...s('warn-rectification-order'), dueDate: plusDays(today, 30) };
  const warned = [step('ISSUE_WARNING', 'expert-office', { ...s('warn-warning'), issuedOn: today })];
  const rectifying = [...warned, step('ORDER_RECTIFICATION', 'district', order)];
  const reported = [...rectifying, step('REPORT_RECTIFICATION', 'producer', { ...s('rectification-report'), completedOn: today })];
  const cases: Array<[string, string, DemoStep[]]> = [
    ['analysis', `${region}-cert-farm-1`, []],
    ['warned', `${region}-cert-farm-2`, warned],
    ['rectifying', `${region}-cert-farm-3`, rectifying],
    ['verification', `${region}-cert-farm-4`, reported],
    ['closed', `${region}-cert-farm-4`, [...reported, step('VERIFY_PASSED', 'district', { ...s('warn-verification'), verifiedOn: today })]],
    ['exitDecision', `${region}-cert-farm-3`, [step('PROPOSE_DIRECT_EXIT', 'expert-office', { ground: 'banned-drugs', evidence: '饲料中检出非法添加的兽药原料药' })]],
    // seed 000 §七: a direct exit decided by the bureau revokes farm 6's certification (1-year ban follows)
    [
      'exited',
      `${region}-cert-farm-6`,
      [
        step('PROPOSE_DIRECT_EXIT', 'expert-office', { ground: 'residue-failed-two-years', evidence: '兽药残留抽检连续两年不合格' }),
        step('DECIDE_EXIT', 'municipal', { ...s('revocation'), decidedOn: today }),
      ],
    ],
  ];
  return cases.map(([key, subject, steps]) => ({ key, lifecycle: 'warningToExit', subject, start: finding, steps }));
}

function batchScripts(region: RegionId, today: string): DemoScript[] {
  const s = (id: string) => sampleData(region, id);
  const products: Array<[string, string]> = [
    ['黄瓜', 'vegetable'],
    ['脐橙', 'fruit'],
    ['鲜茶叶', 'tea'],
    ['生猪', 'livestock'],
    ['鸡蛋', 'eggs'],
    ['草鱼', 'aquatic'],
  ];
  const rapid = (result: string, drug?: string) => ({ method: 'colloidal-gold', result, testedOn: today, ...(drug ? { drug } : {}) });
  const inspected = [step('SELF_INSPECT', 'producer', s('sic-self-inspection'))];
  const issued = [...inspected, step('ISSUE_CERTIFICATE', 'producer', { ...s('sic-issue'), issuedOn: today })];
  const reported = [step('RAPID_TEST', 'inspector', rapid('suspected-banned', '克伦特罗'))];
  const sampling = [...reported, step('START_ENFORCEMENT_SAMPLING', 'district')];
  const sampled = [...sampling, step('TAKE_ENFORCEMENT_SAMPLE', 'enforcement', { ...s('sic-enforcement-sample'), sampledOn: today })];
  const positive = [...sampled, step('ENFORCEMENT_RESULT', 'lab', s('sic-enforcement-result')), step('FILE_CASE', 'enforcement', { ...s('sic-case-filing'), filedOn: today })];
  const batches: Array<[string, DemoStep[]]> = [
    ['open', []],
    ['ready', inspected],
    ['certified', issued],
    ['certified2', issued],
    ['certified3', [step('RAPID_TEST', 'inspector', rapid('negative')), ...issued]],
    ['blocked', [step('RAPID_TEST', 'inspector', rapid('nonconforming', '毒死蜱'))]],
    ['reported', reported],
    ['sampling', sampling],
    ['labTesting', sampled],
    ['caseFiled', positive],
    ['police', [...positive, step('TRANSFER_TO_POLICE', 'enforcement', { ...s('sic-police-transfer'), transferredOn: today })]],
    ['fake', [...issued, step('REPORT_FAKE', 'inspector', s('sic-fake-certificate'))]],
  ];
  return batches.map(([key, steps], i) => {
    const [productName, category] = products[i % products.length]!;
    return {
      key,
      lifecycle: 'selfInspectToCertificate',
      subject: `${region}-producer-${(i % 4) + 1}`,
      start: { ...s('sic-batch'), productName, category, unit: category === 'livestock' ? 'head' : 'kg', quantity: category === 'livestock' ? 20 : 500 },
      steps,
    };
  });
}

/** Scripts for the lifecycles `region` runs, in an order where message targets exist first. */
export function demoScripts(region: RegionId, lifecycles: readonly LifecycleId[], today: string): DemoScript[] {
  const out: DemoScript[] = [];
  if (lifecycles.includes('qualificationReview')) out.push(...qualificationScripts(region, today));
  if (lifecycles.includes('certification')) out.push(...certificationScripts(region, today));
  if (lifecycles.includes('warningToExit')) out.push(...warningScripts(region, today));
  if (lifecycles.includes('selfInspectToCertificate')) out.push(...batchScripts(region, today));
  return out;
}
