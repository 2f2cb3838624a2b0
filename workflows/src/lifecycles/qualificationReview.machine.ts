/**
 * Lifecycle 1 — qualification review, Jiyuan 强制免疫 "先打后补" (seed 002). One machine for every
 * region that runs it; the numbers come from the parameter version pinned at start.
 */
import { and, assign, setup } from 'xstate';
import { averagePassRate, type AntibodyResult } from '../calc/evaluation.js';
import { isLargeFarm, meetsScaleThreshold, minimumSamples } from '../calc/scale.js';
import { claimAmount, subsidyPeriod, type ClaimLine } from '../calc/subsidy.js';
import type { QualificationParameters, Species } from '../regions/types.js';
import { int, pinnedParameters, rows, text, type Ev, type StartInput, type StateMeta } from './machineKit.js';

export interface QualificationContext {
  params: QualificationParameters & { version: string };
  farmName: string;
  year: number;
  /** Statistics period, application window and payment date of this subsidy year (deadlines read them). */
  period: { from: string; to: string };
  window: { closesOn: string };
  payment: { payBy: string };
  application: { species: Species; stock: number; annualOutput: number } | null;
  largeFarm: boolean;
  returns: number;
  lastReason: string | null;
  immunisedHeads: number;
  /** 1 for the first evaluation, 2 after re-vaccination (seed 002 §三(三) 补免后再检测). */
  evaluationRound: number;
  sampling: { sampledOn: string } | null;
  resultsOverdue: boolean;
  evaluation: { round: number; percent: number; passes: boolean; selfTested: boolean } | null;
  claim: { claimedFen: number; lines: ClaimLine[] } | null;
  approvedFen: number | null;
  paid: { fen: number; paidOn: string; method: string } | null;
  paymentOverdue: boolean;
  disqualification: { ground: string; note: string } | null;
}

/** The window of subsidy year `year` closes on the listed date, else on `MM-DD` of that year (seed 002 §二(三)). */
function windowClosesOn(params: QualificationParameters, year: number): string {
  return params.applicationCloses.byYear[String(year)] ?? `${year}-${params.applicationCloses.default}`;
}

const results = (event: Ev) => rows<AntibodyResult>(event, 'results');

/** The average pass rate, or null when the rows are inconsistent (passed > tested), which no transition accepts. */
function rateOf(context: QualificationContext, event: Ev) {
  try {
    return averagePassRate(results(event), context.params.passRatePercent);
  } catch {
    return null;
  }
}

export const qualificationReviewMachine = setup({
  types: { context: {} as QualificationContext, events: {} as Ev, input: {} as StartInput, meta: {} as StateMeta },
  guards: {
    // seed 002 §三(一): any one scale threshold of the pinned version
    meetsScale: ({ context, event }) =>
      meetsScaleThreshold(event.data.species as Species, { stock: int(event, 'stock'), annualOutput: int(event, 'annualOutput') }, context.params.scaleThresholds),
    // seed 002 §三(三): large farms self-test, poultry ≥30 / livestock ≥20 samples per test
    selfTestAllowed: ({ context, event }) =>
      context.largeFarm && context.application !== null && int(event, 'samples') >= minimumSamples(context.application.species, context.params.minSamples),
    // seed 002 §三(三): 平均抗体合格率低于70% → 不合格
    resultsPass: ({ context, event }) => rateOf(context, event)?.passes === true,
    resultsValid: ({ context, event }) => rateOf(context, event) !== null,
    firstRound: ({ context }) => context.evaluationRound === 1,
    // seed 002 §四(四): the final review sets the amount, never above what the farm claimed
    withinClaim: ({ context, event }) => context.claim !== null && int(event, 'approvedFen') <= context.claim.claimedFen,
    // seed 002 §二(二)2: immunised heads claimed cannot exceed what was entered in the system (免疫录入)
    claimWithinRecords: ({ context, event }) =>
      rows<ClaimLine>(event, 'lines').reduce((sum, line) => sum + (Number(line.immunisedCount) || 0), 0) <= context.immunisedHeads,
    paysApproved: ({ context, event }) => int(event, 'paidFen') === context.approvedFen,
  },
  actions: {
    keepApplication: assign(({ context, event }) => {
      const species = event.data.species as Species;
      const stock = int(event, 'stock');
      return {
        application: { species, stock, annualOutput: int(event, 'annualOutput') },
        largeFarm: isLargeFarm(species, stock, context.params.largeFarmStock),
      };
    }),
    keepReason: assign(({ context, event }) => ({ returns: context.returns + 1, lastReason: text(event, 'reason') })),
    noteReason: assign(({ event }) => ({ lastReason: text(event, 'reason') })),
    addImmunisation: assign(({ context, event }) => ({ immunisedHeads: context.immunisedHeads + int(event, 'immunisedHeads') })),
    keepSampling: assign(({ event }) => ({ sampling: { sampledOn: text(event, 'sampledOn') }, resultsOverdue: false })),
    keepEvaluation: assign(({ context, event }) => {
      const rate = averagePassRate(results(event), context.params.passRatePercent);
      return { evaluation: { round: context.evaluationRound, percent: rate.percent, passes: rate.passes, selfTested: event.type === 'SELF_TEST_REPORT' } };
    }),
    nextRound: assign(({ context }) => ({ evaluationRound: context.evaluationRound + 1, sampling: null })),
    markResultsOverdue: assign({ resultsOverdue: true }),
    keepClaim: assign(({ context, event }) => {
      const lines = rows<ClaimLine>(event, 'lines');
      return { claim: { lines, claimedFen: claimAmount(lines, context.params.caps).totalFen } };
    }),
    keepApproved: assign(({ event }) => ({ approvedFen: int(event, 'approvedFen') })),
    keepPayment: assign(({ event }) => ({ paid: { fen: int(event, 'paidFen'), paidOn: text(event, 'paidOn'), method: text(event, 'method') } })),
    markPaymentOverdue: assign({ paymentOverdue: true }),
    keepDisqualification: assign(({ event }) => ({ disqualification: { ground: text(event, 'ground'), note: text(event, 'note') } })),
  },
}).createMachine({
  id: 'qr',
  meta: {
    label: { zh: '强制免疫“先打后补”', en: 'Compulsory-immunisation subsidy' },
    description: { zh: '一个养殖场户一个补助年度的资质审核、免疫、效果评价、补贴申请与拨付。', en: 'One farm and subsidy year: qualification review, immunisation, immunity evaluation, claim and disbursement.' },
  },
  initial: 'draft',
  context: ({ input }) => {
    const params = pinnedParameters(input, 'qualification');
    const year = Number(input.data.year);
    return {
      params,
      farmName: String(input.data.farmName ?? ''),
      year,
      period: subsidyPeriod(year, params.subsidyYearStarts),
      window: { closesOn: windowClosesOn(params, year) },
      // seed 002 §四(四): 于每年4月30日前将上年度补助资金拨付
      payment: { payBy: `${year + 1}-${params.paymentBy}` },
      application: null,
      largeFarm: false,
      returns: 0,
      lastReason: null,
      immunisedHeads: 0,
      evaluationRound: 1,
      sampling: null,
      resultsOverdue: false,
      evaluation: null,
      claim: null,
      approvedFen: null,
      paid: null,
      paymentOverdue: false,
      disqualification: null,
    };
  },
  // seed 002 §五(五): fraud, illegal vaccines, resale, refusing supervision, an outbreak → 取消其补助资格
  on: { DISQUALIFY: { target: '.disqualified', actions: 'keepDisqualification' } },
  states: {
    // seed 002 §四(一): 网上提交申请的视为自愿实施，规模条件范围内未申请的视为放弃
    draft: {
      meta: {
        // Not yet submitted: lists label the case 未提交 (the farm has only saved it).
        draft: true,
        label: { zh: '资质申请填报中', en: 'Filling in application' },
        description: { zh: '养殖场户填报并提交资质申请；申请期限内未提交的视为放弃。', en: 'The farm fills in and submits its qualification application; not applying within the window counts as waiving.' },
      },
      on: {
        SUBMIT: { target: 'initialReview', guard: 'meetsScale', actions: 'keepApplication' },
        WINDOW_CLOSES: 'waived',
        // A draft the farm no longer wants (started twice, wrong year): discarded, it no longer blocks a new one.
        DISCARD: 'discarded',
      },
    },
    // seed 002 §四(二): 动物卫生监督机构初步审核; 资料不全、不实的退回重新申报
    initialReview: {
      meta: {
        label: { zh: '初审中', en: 'Initial review' },
        description: { zh: '动物卫生监督机构对申报资料进行初步审核。', en: 'The animal-health supervision agency checks the application.' },
      },
      on: {
        INITIAL_APPROVE: 'finalReview',
        INITIAL_RETURN: { target: 'returned', actions: 'keepReason' },
      },
    },
    // seed 002 §四(二): 示范区农业农村局防疫检疫科终审
    finalReview: {
      meta: {
        label: { zh: '终审中', en: 'Final review' },
        description: { zh: '示范区农业农村局防疫检疫科对拟通过的养殖场进行终审。', en: 'The district agriculture bureau reviews the application a final time.' },
      },
      on: {
        FINAL_APPROVE: 'qualificationNotice',
        FINAL_RETURN: { target: 'returned', actions: 'keepReason' },
      },
    },
    returned: {
      meta: {
        label: { zh: '退回重新申报', en: 'Returned for resubmission' },
        description: { zh: '申报资料不全、不实，退回养殖场修改后重新申报。', en: 'The application was incomplete or inaccurate; the farm corrects and resubmits it.' },
      },
      on: {
        SUBMIT: { target: 'initialReview', guard: 'meetsScale', actions: 'keepApplication' },
        WINDOW_CLOSES: 'waived',
      },
    },
    // seed 002 §四(二): 对审核通过的名单进行公开公示，及时告知养殖场
    qualificationNotice: {
      meta: {
        label: { zh: '资质公示中', en: 'Qualification public notice' },
        description: { zh: '审核通过的名单公开公示，公示结束后告知养殖场。', en: 'The approved list is publicly displayed; the farm is notified when the notice ends.' },
      },
      on: { NOTIFY_QUALIFIED: 'immunisation' },
    },
    // seed 002 §四(三): 应免尽免 … 疫苗入库、采购、免疫数量、使用量、疫苗瓶二维码、包装
    immunisation: {
      meta: {
        label: { zh: '免疫实施中', en: 'Immunising' },
        description: { zh: '资质已通过，养殖场应免尽免，据实录入疫苗和免疫信息；大型规模养殖场可上传自评抗体检测报告。', en: 'Qualified: the farm vaccinates every animal due and records vaccines and doses; large farms may upload their own antibody test report.' },
      },
      on: {
        RECORD_IMMUNISATION: { actions: 'addImmunisation' },
        SELF_TEST_REPORT: [
          { guard: and(['selfTestAllowed', 'resultsPass']), target: 'eligible', actions: 'keepEvaluation' },
          { guard: and(['selfTestAllowed', 'resultsValid', 'firstRound']), target: 'revaccination', actions: 'keepEvaluation' },
          { guard: and(['selfTestAllowed', 'resultsValid']), target: 'noSubsidy', actions: 'keepEvaluation' },
        ],
        SAMPLE: { target: 'sampling', actions: 'keepSampling' },
      },
    },
    // seed 002 §三(三): 统一采样送检完成后10个工作日内将抽检结果录入
    sampling: {
      meta: {
        label: { zh: '抽检检测中', en: 'Antibody testing' },
        description: { zh: '已采样送检，须在10个工作日内录入抽检结果。', en: 'Samples are at the lab; results must be entered within 10 working days.' },
      },
      on: {
        ENTER_RESULTS: [
          { guard: 'resultsPass', target: 'eligible', actions: 'keepEvaluation' },
          { guard: and(['resultsValid', 'firstRound']), target: 'revaccination', actions: 'keepEvaluation' },
          { guard: 'resultsValid', target: 'noSubsidy', actions: 'keepEvaluation' },
        ],
        RESULTS_OVERDUE: { actions: 'markResultsOverdue' },
      },
    },
    // seed 002 §三(三): 经补免并检测合格的方可申请补助；补免后仍不合格或不按规定补免的，不予发放本年度补助
    revaccination: {
      meta: {
        label: { zh: '补免中', en: 'Re-vaccinating' },
        description: { zh: '免疫效果不合格，养殖场自费补免后再次检测。', en: 'Immunity failed the test; the farm re-vaccinates at its own cost and is tested again.' },
      },
      on: {
        REVACCINATED: { target: 'immunisation', actions: ['addImmunisation', 'nextRound'] },
        NO_REVACCINATION: { target: 'noSubsidy', actions: 'noteReason' },
      },
    },
    // seed 002 §四(三): 按要求提交补贴申请
    eligible: {
      meta: {
        label: { zh: '可申请补贴', en: 'Eligible to claim' },
        description: { zh: '免疫效果评价合格，养殖场可提交补贴申请。', en: 'Immunity passed the evaluation; the farm may submit its subsidy claim.' },
      },
      on: { CLAIM: { target: 'claimInitialReview', guard: 'claimWithinRecords', actions: 'keepClaim' } },
    },
    // seed 002 §四(四): 信息异常且无法提供有效佐证材料的按审核不通过处理
    claimInitialReview: {
      meta: {
        label: { zh: '补贴初审中', en: 'Claim initial review' },
        description: { zh: '动物卫生监督机构初审补贴申请；信息异常且无法提供有效佐证材料的不予通过。', en: 'The supervision agency checks the claim; abnormal data without supporting evidence fails.' },
      },
      on: {
        CLAIM_INITIAL_APPROVE: 'claimFinalReview',
        CLAIM_INITIAL_REJECT: { target: 'claimRejected', actions: 'noteReason' },
      },
    },
    claimFinalReview: {
      meta: {
        label: { zh: '补贴终审中', en: 'Claim final review' },
        description: { zh: '示范区农业农村部门终审养殖场名称、补助畜禽数量及补助资金。', en: 'The district bureau confirms the farm, the head counts and the amount.' },
      },
      on: {
        CLAIM_FINAL_APPROVE: { target: 'claimNotice', guard: 'withinClaim', actions: 'keepApproved' },
        CLAIM_FINAL_REJECT: { target: 'claimRejected', actions: 'noteReason' },
      },
    },
    // seed 002 §四(四): 公开公示5个工作日无异议
    claimNotice: {
      meta: {
        label: { zh: '补贴公示中', en: 'Claim public notice' },
        description: { zh: '终审结果公开公示5个工作日，无异议后拨付。', en: 'The approved claim is publicly displayed for 5 working days; without objection it is paid.' },
      },
      on: {
        NOTICE_ENDS: 'awaitingPayment',
        CLAIM_OBJECTION: { target: 'claimFinalReview', actions: 'noteReason' },
      },
    },
    // seed 002 §四(四): 于每年4月30日前拨付; 个人通过"一卡通"发放
    awaitingPayment: {
      meta: {
        label: { zh: '待拨付', en: 'Awaiting disbursement' },
        description: { zh: '公示无异议，待拨付补助资金；养殖主体是个人的通过“一卡通”发放。', en: 'Notice passed without objection; the subsidy is to be paid (to individuals through the one-card account).' },
      },
      on: {
        PAY: { target: 'paid', guard: 'paysApproved', actions: 'keepPayment' },
        PAYMENT_OVERDUE: { actions: 'markPaymentOverdue' },
      },
    },
    paid: {
      type: 'final',
      meta: {
        label: { zh: '已拨付', en: 'Disbursed' },
        description: { zh: '补助资金已拨付。', en: 'The subsidy has been paid.' },
      },
    },
    waived: {
      type: 'final',
      meta: {
        label: { zh: '视为放弃', en: 'Deemed waived' },
        description: { zh: '申请期限内未提交或未重新提交申请，视为放弃“先打后补”。', en: 'No application (or resubmission) within the window: the farm is deemed to have waived the subsidy.' },
      },
    },
    discarded: {
      type: 'final',
      meta: {
        label: { zh: '已作废（未提交）', en: 'Discarded draft' },
        description: { zh: '养殖场户放弃了这份未提交的申请；同一补助年度可重新发起。', en: 'The farm discarded this unsubmitted application; it may start that subsidy year again.' },
      },
    },
    noSubsidy: {
      type: 'final',
      meta: {
        label: { zh: '本年度不予补助', en: 'No subsidy this year' },
        description: { zh: '补免后抗体检测仍不合格或未按规定补免，不予发放本年度补助资金。', en: 'Immunity still failed after re-vaccination, or the farm did not re-vaccinate: no subsidy for this year.' },
      },
    },
    claimRejected: {
      type: 'final',
      meta: {
        label: { zh: '补贴审核不通过', en: 'Claim rejected' },
        description: { zh: '补贴申请未通过初审或终审。', en: 'The claim failed the initial or final review.' },
      },
    },
    disqualified: {
      type: 'final',
      meta: {
        label: { zh: '已取消补助资格', en: 'Disqualified' },
        description: { zh: '因弄虚作假、使用非法疫苗、倒卖疫苗、不配合监督或免疫不达标引发疫情等，取消补助资格。', en: 'Subsidy eligibility cancelled for fraud, illegal or resold vaccines, refusing supervision, or an outbreak from failed immunisation.' },
      },
    },
  },
});
