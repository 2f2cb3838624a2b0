/**
 * Lifecycle 1 — qualification review, Jiyuan 强制免疫 "先打后补" (seed 002). One machine for every
 * region that runs it; the numbers come from the parameter version pinned at start.
 */
import { and, assign, setup } from 'xstate';
import { averagePassRate, type AntibodyResult } from '../calc/evaluation.js';
import { isLargeFarm, meetsScaleThreshold, minimumSamples } from '../calc/scale.js';
import { claimAmount, subsidyPeriod, type ClaimLine } from '../calc/subsidy.js';
import type { QualificationParameters, Species } from '../regions/types.js';
import { int, pinnedParameters, rows, text, type Ev, type StartInput } from './machineKit.js';

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
  types: { context: {} as QualificationContext, events: {} as Ev, input: {} as StartInput },
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
      on: {
        SUBMIT: { target: 'initialReview', guard: 'meetsScale', actions: 'keepApplication' },
        WINDOW_CLOSES: 'waived',
      },
    },
    // seed 002 §四(二): 动物卫生监督机构初步审核; 资料不全、不实的退回重新申报
    initialReview: {
      on: {
        INITIAL_APPROVE: 'finalReview',
        INITIAL_RETURN: { target: 'returned', actions: 'keepReason' },
      },
    },
    // seed 002 §四(二): 示范区农业农村局防疫检疫科终审
    finalReview: {
      on: {
        FINAL_APPROVE: 'qualificationNotice',
        FINAL_RETURN: { target: 'returned', actions: 'keepReason' },
      },
    },
    returned: {
      on: {
        SUBMIT: { target: 'initialReview', guard: 'meetsScale', actions: 'keepApplication' },
        WINDOW_CLOSES: 'waived',
      },
    },
    // seed 002 §四(二): 对审核通过的名单进行公开公示，及时告知养殖场
    qualificationNotice: { on: { NOTIFY_QUALIFIED: 'immunisation' } },
    // seed 002 §四(三): 应免尽免 … 疫苗入库、采购、免疫数量、使用量、疫苗瓶二维码、包装
    immunisation: {
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
      on: {
        REVACCINATED: { target: 'immunisation', actions: ['addImmunisation', 'nextRound'] },
        NO_REVACCINATION: { target: 'noSubsidy', actions: 'noteReason' },
      },
    },
    // seed 002 §四(三): 按要求提交补贴申请
    eligible: { on: { CLAIM: { target: 'claimInitialReview', guard: 'claimWithinRecords', actions: 'keepClaim' } } },
    // seed 002 §四(四): 信息异常且无法提供有效佐证材料的按审核不通过处理
    claimInitialReview: {
      on: {
        CLAIM_INITIAL_APPROVE: 'claimFinalReview',
        CLAIM_INITIAL_REJECT: { target: 'claimRejected', actions: 'noteReason' },
      },
    },
    claimFinalReview: {
      on: {
        CLAIM_FINAL_APPROVE: { target: 'claimNotice', guard: 'withinClaim', actions: 'keepApproved' },
        CLAIM_FINAL_REJECT: { target: 'claimRejected', actions: 'noteReason' },
      },
    },
    // seed 002 §四(四): 公开公示5个工作日无异议
    claimNotice: {
      on: {
        NOTICE_ENDS: 'awaitingPayment',
        CLAIM_OBJECTION: { target: 'claimFinalReview', actions: 'noteReason' },
      },
    },
    // seed 002 §四(四): 于每年4月30日前拨付; 个人通过"一卡通"发放
    awaitingPayment: {
      on: {
        PAY: { target: 'paid', guard: 'paysApproved', actions: 'keepPayment' },
        PAYMENT_OVERDUE: { actions: 'markPaymentOverdue' },
      },
    },
    paid: { type: 'final' },
    waived: { type: 'final' },
    noSubsidy: { type: 'final' },
    claimRejected: { type: 'final' },
    disqualified: { type: 'final' },
  },
});
