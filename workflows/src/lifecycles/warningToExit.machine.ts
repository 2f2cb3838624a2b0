/**
 * Lifecycle 3 — from a finding to a warning, rectification, or exit (Beijing, seed 000 §五, §七).
 * Outcomes reach the farm's certification case through engine messages: an escalation suspends
 * the mark, the bureau's exit decision revokes it, a rejected exit reinstates it.
 */
import { sendMessage } from '@nongan/engine';
import { assign, setup } from 'xstate';
import { text, type Ev, type StartInput } from './machineKit.js';

/** seed 000 §七 (一)–(八): grounds for a direct exit, without a rectification path. */
export const DIRECT_EXIT_GROUNDS = [
  'false-materials',
  'fails-municipal-review',
  'banned-drugs',
  'residue-failed-two-years',
  'refuses-monitoring-or-rectification',
  'production-ceased',
  'major-incident',
  'other-higher-authority',
] as const;

/** seed 000 §五(一), §五(四): 日常监测数据、专项检查结果、舆情信息; residue and resistance monitoring (§四) */
export const FINDING_SOURCES = ['routine-monitoring', 'special-inspection', 'public-opinion', 'residue-monitoring', 'resistance-monitoring'] as const;

export interface WarningContext {
  farm: string;
  region: string;
  finding: { source: string; summary: string };
  warning: { items: string } | null;
  order: { items: string; dueDate: string } | null;
  reports: number;
  reportMissing: boolean;
  verification: { passed: boolean; note: string } | null;
  exit: { ground: string; evidence: string; direct: boolean } | null;
  decision: { outcome: 'exit' | 'rejected'; text: string } | null;
}

const toCertification = ({ context }: { context: WarningContext }) => ({ workflowId: 'certification', subject: context.farm, region: context.region });

export const warningToExitMachine = setup({
  types: { context: {} as WarningContext, events: {} as Ev, input: {} as StartInput },
  actions: {
    keepWarning: assign(({ event }) => ({ warning: { items: text(event, 'items') } })),
    keepOrder: assign(({ event }) => ({ order: { items: text(event, 'items'), dueDate: text(event, 'dueDate') } })),
    countReport: assign(({ context }) => ({ reports: context.reports + 1, reportMissing: false })),
    markReportMissing: assign({ reportMissing: true }),
    keepPassed: assign(({ event }) => ({ verification: { passed: true, note: text(event, 'note') } })),
    keepFailed: assign(({ event }) => ({ verification: { passed: false, note: text(event, 'note') } })),
    keepExit: assign(({ event }) => ({ exit: { ground: text(event, 'ground'), evidence: text(event, 'evidence'), direct: event.type === 'PROPOSE_DIRECT_EXIT' } })),
    keepExitDecision: assign(({ event }) => ({ decision: { outcome: 'exit' as const, text: text(event, 'announcement') } })),
    keepRejection: assign(({ event }) => ({ decision: { outcome: 'rejected' as const, text: text(event, 'reason') } })),
    suspendCertification: sendMessage(toCertification, { type: 'WARNING_SUSPEND' }),
    revokeCertification: sendMessage(toCertification, { type: 'WARNING_REVOKE' }),
    reinstateCertification: sendMessage(toCertification, { type: 'WARNING_REINSTATE' }),
  },
}).createMachine({
  id: 'warning',
  initial: 'analysis',
  context: ({ input }) => ({
    farm: input.subject,
    region: input.region,
    finding: { source: String(input.data.source ?? ''), summary: String(input.data.summary ?? '') },
    warning: null,
    order: null,
    reports: 0,
    reportMissing: false,
    verification: null,
    exit: null,
    decision: null,
  }),
  states: {
    // seed 000 §五(三): 专家工作办公室分析研判，对不合格项向区农业农村主管部门发布预警
    // seed 000 §五(四): the district may act on its own findings and order rectification directly
    analysis: {
      on: {
        ISSUE_WARNING: { target: 'warned', actions: 'keepWarning' },
        ORDER_RECTIFICATION: { target: 'rectifying', actions: 'keepOrder' },
        PROPOSE_DIRECT_EXIT: { target: 'exitDecision', actions: ['keepExit', 'suspendCertification'] },
        DISMISS: 'dismissed',
      },
    },
    // seed 000 §五(四): 收到市级预警信息后，须督促指导相关达标场限期改正
    warned: {
      on: {
        ORDER_RECTIFICATION: { target: 'rectifying', actions: 'keepOrder' },
        PROPOSE_DIRECT_EXIT: { target: 'exitDecision', actions: ['keepExit', 'suspendCertification'] },
      },
    },
    rectifying: {
      on: {
        REPORT_RECTIFICATION: { target: 'verification', actions: 'countReport' },
        RECTIFICATION_OVERDUE: { target: 'verification', actions: 'markReportMissing' },
      },
    },
    // seed 000 §五(四): 对改正情况进行核查，按要求报送处理情况
    verification: {
      on: {
        VERIFY_PASSED: { target: 'closed', actions: 'keepPassed' },
        VERIFY_FAILED: { target: 'exitProposal', actions: ['keepFailed', 'suspendCertification'] },
      },
    },
    exitProposal: { on: { PROPOSE_EXIT: { target: 'exitDecision', actions: 'keepExit' } } },
    // seed 000 §七: 由北京市农业农村局公告取消其达标场资格，收回标识使用权，且1年内不得再次申报
    exitDecision: {
      on: {
        DECIDE_EXIT: { target: 'exited', actions: ['keepExitDecision', 'revokeCertification'] },
        REJECT_EXIT: { target: 'closed', actions: ['keepRejection', 'reinstateCertification'] },
      },
    },
    closed: { type: 'final' },
    dismissed: { type: 'final' },
    exited: { type: 'final' },
  },
});
