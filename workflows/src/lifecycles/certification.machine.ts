/**
 * Lifecycle 2 — certification of a 达标场 (seed 000 §五–§七), also used for the follow-up of
 * green/organic certification in Kaizhou and Inner Mongolia. One case per certification: it ends
 * `revoked` (with a re-application ban the region engine enforces at the next start) or `notCertified`.
 */
import { assign, setup } from 'xstate';
import type { CertificationParameters } from '../regions/types.js';
import { int, pinnedParameters, text, type Ev, type StartInput } from './machineKit.js';

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
  types: { context: {} as CertificationContext, events: {} as Ev, input: {} as StartInput },
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
      on: {
        EVALUATE: [
          { guard: 'scorePasses', target: 'recognition', actions: 'keepEvaluation' },
          { target: 'notCertified', actions: 'keepEvaluation' },
        ],
      },
    },
    recognition: {
      on: {
        RECOGNISE: { target: 'certified', actions: 'startCycle' },
        REFUSE_RECOGNITION: 'notCertified',
      },
    },
    certified: {
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
      on: {
        RECTIFICATION_REPORT: { target: 'recheck', actions: 'countReport' },
        RECTIFICATION_DUE: 'recheck',
      },
    },
    recheck: {
      on: {
        RECHECK: [
          { guard: 'scorePasses', target: 'certified', actions: ['keepRecheck', 'startCycle'] },
          // seed 000 §六(三): 限期改正后仍不符合标准的，由专家工作办公室提出退出建议，并附具相关证据材料
          { target: 'exitProposal', actions: 'keepRecheck' },
        ],
      },
    },
    exitProposal: { on: { PROPOSE_EXIT: { target: 'municipalDecision', actions: 'keepExitProposal' } } },
    // seed 000 §六(三) 报北京市农业农村局审定; §七 公告取消资格，收回标识使用权，1年内不得再次申报
    municipalDecision: {
      on: {
        REVOKE: { target: 'revoked', actions: 'revokeByDecision' },
        REJECT_EXIT: { target: 'certified', actions: 'startCycle' },
      },
    },
    // A warning case escalated to an exit proposal: mark use suspended until the bureau decides there.
    suspendedByWarning: { on: { WARNING_REINSTATE: { target: 'certified', actions: 'startCycle' } } },
    notCertified: { type: 'final' },
    revoked: { type: 'final' },
  },
});
