/** The certification workflow: roles per event, forms and deadlines (seed 000). */
import { defineWorkflow } from '@nongan/engine';
import { certificationMachine } from './certification.machine.js';
import { expertPanel } from './panels.js';

export const certification = defineWorkflow({
  id: 'certification',
  version: 1,
  machine: certificationMachine,
  title: { zh: '减抗达标场认定与动态监管', en: 'Certified-farm status and dynamic supervision' },
  start: { roles: ['producer'], form: 'cert-application' },
  events: {
    EVALUATE: { roles: ['expert-office'], form: 'cert-score', label: { zh: '达标评估', en: 'Evaluate' } },
    RECOGNISE: { roles: ['municipal'], label: { zh: '认定达标', en: 'Recognise' } },
    REFUSE_RECOGNITION: { roles: ['municipal'], form: 'reason', label: { zh: '不予认定', en: 'Refuse recognition' } },
    SELF_EVALUATION: { roles: ['producer'], form: 'cert-self-evaluation', label: { zh: '年度自我评价', en: 'Yearly self-evaluation' } },
    GUIDANCE_VISIT: { roles: ['district'], form: 'cert-guidance-visit', label: { zh: '专项技术指导', en: 'Guidance visit' } },
    YEAR_ENDS: { roles: ['system'], label: { zh: '年度结束', en: 'Year ends' } },
    RE_EVALUATION_DUE: { roles: ['system'], label: { zh: '再评价到期', en: 'Re-evaluation due' } },
    RE_EVALUATE: { roles: ['expert-office'], form: 'cert-score', label: { zh: '再评价', en: 'Re-evaluate' } },
    RECTIFICATION_REPORT: { roles: ['producer'], form: 'rectification-report', label: { zh: '提交整改报告', en: 'Report rectification' } },
    RECTIFICATION_DUE: { roles: ['system'], label: { zh: '限期改正届满', en: 'Rectification period over' } },
    RECHECK: { roles: ['expert-office'], form: 'cert-score', label: { zh: '整改复核', en: 'Re-check' } },
    PROPOSE_EXIT: { roles: ['expert-office'], form: 'exit-proposal', label: { zh: '提出退出建议', en: 'Propose exit' } },
    REVOKE: { roles: ['municipal'], form: 'revocation', label: { zh: '公告取消资格', en: 'Revoke and announce' } },
    REJECT_EXIT: { roles: ['municipal'], form: 'reason', label: { zh: '不予退出', en: 'Reject exit' } },
    WARNING_SUSPEND: { roles: ['system'], label: { zh: '预警升级，暂停使用标识', en: 'Suspended by a warning case' } },
    WARNING_REINSTATE: { roles: ['system'], label: { zh: '预警案件不予退出，恢复', en: 'Reinstated by a warning case' } },
    WARNING_REVOKE: { roles: ['system'], label: { zh: '预警案件决定退出', en: 'Revoked by a warning case' } },
  },
  deadlines: {
    // seed 000 §六(一), §五(二): each year of the cycle closes (self-evaluation and guidance visit due);
    // seed 000 §六(二): re-evaluation every two years. Entering `certified` starts a new cycle.
    certified: [
      { after: { years: 1 }, send: 'YEAR_ENDS', label: { zh: '年度自评与指导', en: 'Yearly self-evaluation and visit' } },
      { after: { years: 2 }, send: 'RE_EVALUATION_DUE', label: { zh: '两年再评价', en: 'Biennial re-evaluation' } },
    ],
    // seed 000 §六(三): 6个月内完成限期改正
    suspended: { after: { months: 6 }, send: 'RECTIFICATION_DUE', label: { zh: '限期改正', en: 'Rectification period' } },
  },
  access: { regionScoped: true, subjectRoles: ['producer'] },
  tasks: {
    // seed 000 §一 市级统筹、专家支撑: the municipal bureau organises the expert office's evaluations
    supervisors: { 'expert-office': ['municipal'] },
    // A re-check goes back to the farm's rectification; the bureau sends an exit proposal back to the experts.
    returns: { recheck: ['suspended'], exitProposal: ['recheck'], municipalDecision: ['exitProposal'] },
    // seed 000 §六(二): evaluations and re-evaluations by the expert office, which may sit as a panel
    countersigns: { evaluation: expertPanel('EVALUATE'), reEvaluation: expertPanel('RE_EVALUATE'), recheck: expertPanel('RECHECK') },
  },
});
