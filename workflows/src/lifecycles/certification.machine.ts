/**
 * Lifecycle 2 — certification of a 达标场 (seed 000 §五–§七), also used for the follow-up of
 * green/organic certification in Kaizhou and Inner Mongolia. One case per certification: it ends
 * `revoked` (with a re-application ban the region engine enforces at the next start) or `notCertified`.
 */
import { assign, setup } from 'xstate';
import type { CertificationParameters } from '../regions/types.js';
import { int, pinnedParameters, text, type Ev, type StartInput, type StateMeta } from './machineKit.js';

export interface ComplianceYear {
  year: number;
  selfEvaluated: boolean;
  guidanceVisits: number;
}

export interface CertificationContext {
  params: CertificationParameters & { version: string };
  farmName: string;
  species: string;
  /** Compliance of the current certification cycle, one entry per year (seed 000 §五(二), §六(一)). */
  compliance: ComplianceYear[];
  scores: Array<{ kind: 'evaluation' | 'reEvaluation' | 'recheck'; score: number; passed: boolean; on: string }>;
  rectificationReports: number;
  exitProposal: { ground: string; evidence: string } | null;
  /** Why the mark is not in use, while it is not. */
  suspension: 'reEvaluationFailed' | 'warning' | null;
  revocation: { by: 'decision' | 'warning'; announcement: string; banYears: number } | null;
}

const newYear = (year: number): ComplianceYear => ({ year, selfEvaluated: false, guidanceVisits: 0 });

function scoreEntry(context: CertificationContext, event: Ev, kind: CertificationContext['scores'][number]['kind']) {
  const score = int(event, 'score');
  return [...context.scores, { kind, score, passed: score >= context.params.passScore, on: text(event, 'evaluatedOn') }];
}

export const certificationMachine = setup({
  types: { context: {} as CertificationContext, events: {} as Ev, input: {} as StartInput, meta: {} as StateMeta },
  guards: {
    // seed 000 §六(二): 得分在80分以上的，认定为合格；低于80分的，认定为不合格
    scorePasses: ({ context, event }) => int(event, 'score') >= context.params.passScore,
  },
  actions: {
    keepEvaluation: assign(({ context, event }) => ({ scores: scoreEntry(context, event, 'evaluation') })),
    keepReEvaluation: assign(({ context, event }) => ({ scores: scoreEntry(context, event, 'reEvaluation') })),
    keepRecheck: assign(({ context, event }) => ({ scores: scoreEntry(context, event, 'recheck') })),
    startCycle: assign({ compliance: () => [newYear(1)], suspension: null }),
    closeYear: assign(({ context }) => ({ compliance: [...context.compliance, newYear(context.compliance.length + 1)] })),
    keepSelfEvaluation: assign(({ context }) => ({
      compliance: context.compliance.map((y, i) => (i === context.compliance.length - 1 ? { ...y, selfEvaluated: true } : y)),
    })),
    keepGuidanceVisit: assign(({ context }) => ({
      compliance: context.compliance.map((y, i) => (i === context.compliance.length - 1 ? { ...y, guidanceVisits: y.guidanceVisits + 1 } : y)),
    })),
    suspendForFailure: assign({ suspension: 'reEvaluationFailed' as const }),
    suspendForWarning: assign({ suspension: 'warning' as const }),
    countReport: assign(({ context }) => ({ rectificationReports: context.rectificationReports + 1 })),
    keepExitProposal: assign(({ event }) => ({ exitProposal: { ground: text(event, 'ground'), evidence: text(event, 'evidence') } })),
    revokeByDecision: assign(({ context, event }) => ({
      revocation: { by: 'decision' as const, announcement: text(event, 'announcement'), banYears: context.params.reapplicationBanYears },
    })),
    revokeByWarning: assign(({ context }) => ({
      revocation: { by: 'warning' as const, announcement: '', banYears: context.params.reapplicationBanYears },
    })),
  },
}).createMachine({
  id: 'certification',
  meta: {
    label: { zh: '达标场认定与动态监管', en: 'Certified-farm status' },
    description: { zh: '一次认定：评估、认定、年度自评与指导、再评价、限期改正和退出。', en: 'One certification: evaluation, recognition, yearly self-evaluation and guidance, re-evaluation, rectification and exit.' },
  },
  initial: 'evaluation',
  context: ({ input }) => ({
    params: pinnedParameters(input, 'certification'),
    farmName: String(input.data.farmName ?? ''),
    species: String(input.data.species ?? ''),
    compliance: [],
    scores: [],
    rectificationReports: 0,
    exitProposal: null,
    suspension: null,
    revocation: null,
  }),
  // seed 000 §七: a direct exit decided in a warning case (messages from warningToExit) revokes from any state
  on: { WARNING_REVOKE: { target: '.revoked', actions: 'revokeByWarning' } },
  states: {
    // seed 000 §一: 经北京市农业农村局认定 — evaluated by the expert office, recognised by the bureau
    evaluation: {
      meta: {
        label: { zh: '达标评估中', en: 'Under evaluation' },
        description: { zh: '专家工作办公室按评价标准对养殖场评估打分。', en: 'The expert office scores the farm against the evaluation standard.' },
      },
      on: {
        EVALUATE: [
          { guard: 'scorePasses', target: 'recognition', actions: 'keepEvaluation' },
          { target: 'notCertified', actions: 'keepEvaluation' },
        ],
      },
    },
    recognition: {
      meta: {
        label: { zh: '待认定', en: 'Awaiting recognition' },
        description: { zh: '评估合格，待农业农村局审核认定。', en: 'The evaluation passed; the agriculture bureau is to recognise the farm.' },
      },
      on: {
        RECOGNISE: { target: 'certified', actions: 'startCycle' },
        REFUSE_RECOGNITION: 'notCertified',
      },
    },
    certified: {
      meta: {
        label: { zh: '已认定达标', en: 'Certified' },
        description: { zh: '可使用达标场标识；每年自我评价并接受专项技术指导，每两年再评价。', en: 'The farm may use the mark; it self-evaluates and has a guidance visit every year and is re-evaluated every two years.' },
      },
      on: {
        // seed 000 §六(一): 每年开展一次自我评价，发现不合格项的立即自行整改
        SELF_EVALUATION: { actions: 'keepSelfEvaluation' },
        // seed 000 §五(二): 每年至少一次专项技术指导，核查兽药使用合规性
        GUIDANCE_VISIT: { actions: 'keepGuidanceVisit' },
        YEAR_ENDS: { actions: 'closeYear' },
        // seed 000 §六(二): 每两年组织再评价
        RE_EVALUATION_DUE: 'reEvaluation',
        WARNING_SUSPEND: { target: 'suspendedByWarning', actions: 'suspendForWarning' },
      },
    },
    reEvaluation: {
      meta: {
        label: { zh: '再评价中', en: 'Re-evaluation' },
        description: { zh: '专家工作办公室组织减量化成效再评价（现场或远程）。', en: 'The expert office re-evaluates the farm, on site or remotely.' },
      },
      on: {
        RE_EVALUATE: [
          { guard: 'scorePasses', target: 'certified', actions: ['keepReEvaluation', 'startCycle'] },
          // seed 000 §六(三): 建议其暂停使用标识，6个月内完成限期改正
          { target: 'suspended', actions: ['keepReEvaluation', 'suspendForFailure'] },
        ],
        WARNING_SUSPEND: { target: 'suspendedByWarning', actions: 'suspendForWarning' },
      },
    },
    suspended: {
      meta: {
        label: { zh: '暂停使用标识，限期改正中', en: 'Mark suspended, rectifying' },
        description: { zh: '再评价不合格，暂停使用标识，6个月内完成限期改正。', en: 'The re-evaluation failed; the mark is suspended and the farm has 6 months to rectify.' },
      },
      on: {
        RECTIFICATION_REPORT: { target: 'recheck', actions: 'countReport' },
        RECTIFICATION_DUE: 'recheck',
      },
    },
    recheck: {
      meta: {
        label: { zh: '整改复核中', en: 'Re-check after rectification' },
        description: { zh: '专家工作办公室对改正情况复核评分。', en: 'The expert office scores the farm again after rectification.' },
      },
      on: {
        RECHECK: [
          { guard: 'scorePasses', target: 'certified', actions: ['keepRecheck', 'startCycle'] },
          // seed 000 §六(三): 限期改正后仍不符合标准的，由专家工作办公室提出退出建议，并附具相关证据材料
          { target: 'exitProposal', actions: 'keepRecheck' },
        ],
      },
    },
    exitProposal: {
      meta: {
        label: { zh: '待提出退出建议', en: 'Exit proposal pending' },
        description: { zh: '限期改正后仍不符合标准，由专家工作办公室提出退出建议并附具证据材料。', en: 'Still below standard after rectification; the expert office proposes exit with evidence.' },
      },
      on: { PROPOSE_EXIT: { target: 'municipalDecision', actions: 'keepExitProposal' } },
    },
    // seed 000 §六(三) 报北京市农业农村局审定; §七 公告取消资格，收回标识使用权，1年内不得再次申报
    municipalDecision: {
      meta: {
        label: { zh: '退出审定中', en: 'Exit decision pending' },
        description: { zh: '退出建议报农业农村局审定。', en: 'The agriculture bureau decides on the exit proposal.' },
      },
      on: {
        REVOKE: { target: 'revoked', actions: 'revokeByDecision' },
        REJECT_EXIT: { target: 'certified', actions: 'startCycle' },
      },
    },
    // A warning case escalated to an exit proposal: mark use suspended until the bureau decides there.
    suspendedByWarning: {
      meta: {
        label: { zh: '预警处置中，暂停使用标识', en: 'Mark suspended by warning case' },
        description: { zh: '关联的风险预警案件已提出退出，暂停使用标识，待审定结果。', en: 'A warning case proposed exit; the mark is suspended until the bureau decides there.' },
      },
      on: { WARNING_REINSTATE: { target: 'certified', actions: 'startCycle' } },
    },
    notCertified: {
      type: 'final',
      meta: {
        label: { zh: '未通过认定', en: 'Not certified' },
        description: { zh: '评估不合格或不予认定。', en: 'The evaluation failed or recognition was refused.' },
      },
    },
    revoked: {
      type: 'final',
      meta: {
        label: { zh: '已取消资格', en: 'Revoked' },
        description: { zh: '已公告取消达标场资格，收回标识使用权，期限内不得再次申报。', en: 'Status revoked by public announcement; the mark is withdrawn and re-application is barred for the ban period.' },
      },
    },
  },
});
