/** The warning-to-exit workflow: roles per event, forms and the rectification deadline (seed 000). */
import { defineWorkflow } from '@nongan/engine';
import { warningToExitMachine } from './warningToExit.machine.js';

export const warningToExit = defineWorkflow({
  id: 'warningToExit',
  version: 1,
  machine: warningToExitMachine,
  title: { zh: '风险预警与退出', en: 'Warning to exit' },
  // seed 000 §五(三)–(四): the expert office analyses monitoring; the district reports its own findings
  start: { roles: ['expert-office', 'district'], form: 'warn-finding' },
  events: {
    ISSUE_WARNING: { roles: ['expert-office'], form: 'warn-warning', label: { zh: '发布预警', en: 'Issue warning' } },
    DISMISS: { roles: ['expert-office'], form: 'reason', label: { zh: '研判无风险', en: 'Dismiss' } },
    ORDER_RECTIFICATION: { roles: ['district'], form: 'warn-rectification-order', label: { zh: '责令限期改正', en: 'Order rectification' } },
    PROPOSE_DIRECT_EXIT: { roles: ['expert-office'], form: 'exit-proposal', label: { zh: '提出直接退出', en: 'Propose direct exit' } },
    REPORT_RECTIFICATION: { roles: ['producer'], form: 'rectification-report', label: { zh: '报告整改情况', en: 'Report rectification' } },
    RECTIFICATION_OVERDUE: { roles: ['system'], label: { zh: '整改期限届满', en: 'Rectification overdue' } },
    VERIFY_PASSED: { roles: ['district'], form: 'warn-verification', label: { zh: '核查通过', en: 'Verified' } },
    VERIFY_FAILED: { roles: ['district'], form: 'warn-verification', label: { zh: '核查不通过', en: 'Verification failed' } },
    PROPOSE_EXIT: { roles: ['expert-office'], form: 'exit-proposal', label: { zh: '提出退出建议', en: 'Propose exit' } },
    DECIDE_EXIT: { roles: ['municipal'], form: 'revocation', label: { zh: '公告取消资格', en: 'Decide exit' } },
    REJECT_EXIT: { roles: ['municipal'], form: 'reason', label: { zh: '不予退出', en: 'Reject exit' } },
  },
  deadlines: {
    // seed 000 §五(四): 限期改正 — the date set in the order
    rectifying: { after: { fromData: 'order.dueDate' }, send: 'RECTIFICATION_OVERDUE', label: { zh: '整改期限', en: 'Rectify by' } },
  },
  access: { regionScoped: true, subjectRoles: ['producer'] },
});
