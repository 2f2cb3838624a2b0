/**
 * Lifecycle 3 — from a finding to a warning, rectification, or exit (Beijing, seed 000 §五, §七).
 * Outcomes reach the farm's certification case through engine messages: an escalation suspends
 * the mark, the bureau's exit decision revokes it, a rejected exit reinstates it.
 */
import { sendMessage } from '@nongan/engine';
import { assign, setup } from 'xstate';
import { text, type Ev, type StartInput, type StateMeta } from './machineKit.js';

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
  types: { context: {} as WarningContext, events: {} as Ev, input: {} as StartInput, meta: {} as StateMeta },
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
  meta: {
    label: { zh: '风险预警与退出', en: 'Warning to exit' },
    description: { zh: '一项监测或检查发现：研判、预警、限期改正、核查或退出。', en: 'One finding: analysis, warning, rectification, verification or exit.' },
  },
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
      meta: {
        label: { zh: '风险研判中', en: 'Risk analysis' },
        description: { zh: '对监测、检查或舆情发现的问题进行分析研判。', en: 'The finding from monitoring, inspection or public reports is analysed.' },
      },
      on: {
        ISSUE_WARNING: { target: 'warned', actions: 'keepWarning' },
        ORDER_RECTIFICATION: { target: 'rectifying', actions: 'keepOrder' },
        PROPOSE_DIRECT_EXIT: { target: 'exitDecision', actions: ['keepExit', 'suspendCertification'] },
        DISMISS: 'dismissed',
      },
    },
    // seed 000 §五(四): 收到市级预警信息后，须督促指导相关达标场限期改正
    warned: {
      meta: {
        label: { zh: '已发布预警', en: 'Warning issued' },
        description: { zh: '已向区农业农村主管部门发布预警，待其责令达标场限期改正。', en: 'A warning went to the district bureau, which is to order the farm to rectify.' },
      },
      on: {
        ORDER_RECTIFICATION: { target: 'rectifying', actions: 'keepOrder' },
        PROPOSE_DIRECT_EXIT: { target: 'exitDecision', actions: ['keepExit', 'suspendCertification'] },
      },
    },
    rectifying: {
      meta: {
        label: { zh: '限期整改中', en: 'Rectifying' },
        description: { zh: '达标场按要求限期改正并报告整改情况。', en: 'The farm rectifies by the deadline and reports what it did.' },
      },
      on: {
        REPORT_RECTIFICATION: { target: 'verification', actions: 'countReport' },
        RECTIFICATION_OVERDUE: { target: 'verification', actions: 'markReportMissing' },
      },
    },
    // seed 000 §五(四): 对改正情况进行核查，按要求报送处理情况
    verification: {
      meta: {
        label: { zh: '整改核查中', en: 'Verifying rectification' },
        description: { zh: '区农业农村主管部门对改正情况进行核查。', en: 'The district bureau verifies the rectification.' },
      },
      on: {
        VERIFY_PASSED: { target: 'closed', actions: 'keepPassed' },
        VERIFY_FAILED: { target: 'exitProposal', actions: ['keepFailed', 'suspendCertification'] },
      },
    },
    exitProposal: {
      meta: {
        label: { zh: '待提出退出建议', en: 'Exit proposal pending' },
        description: { zh: '核查不通过，暂停使用标识，由专家工作办公室提出退出建议并附具证据材料。', en: 'Verification failed; the mark is suspended and the expert office proposes exit with evidence.' },
      },
      on: { PROPOSE_EXIT: { target: 'exitDecision', actions: 'keepExit' } },
    },
    // seed 000 §七: 由北京市农业农村局公告取消其达标场资格，收回标识使用权，且1年内不得再次申报
    exitDecision: {
      meta: {
        label: { zh: '退出审定中', en: 'Exit decision pending' },
        description: { zh: '由农业农村局审定是否公告取消达标场资格，期间暂停使用标识。', en: 'The agriculture bureau decides whether to revoke the status; the mark is suspended meanwhile.' },
      },
      on: {
        DECIDE_EXIT: { target: 'exited', actions: ['keepExitDecision', 'revokeCertification'] },
        REJECT_EXIT: { target: 'closed', actions: ['keepRejection', 'reinstateCertification'] },
      },
    },
    closed: {
      type: 'final',
      meta: {
        label: { zh: '已办结', en: 'Closed' },
        description: { zh: '整改核查通过或不予退出，案件办结。', en: 'Rectification verified or exit rejected; the case is closed.' },
      },
    },
    dismissed: {
      type: 'final',
      meta: {
        label: { zh: '经研判无风险', en: 'Dismissed' },
        description: { zh: '经分析研判无需预警或整改。', en: 'Analysis found nothing that needs a warning or rectification.' },
      },
    },
    exited: {
      type: 'final',
      meta: {
        label: { zh: '已退出', en: 'Exited' },
        description: { zh: '已公告取消达标场资格，收回标识使用权。', en: 'The status was revoked by public announcement and the mark withdrawn.' },
      },
    },
  },
});
