/** The qualification-review workflow: roles per event (DOMAIN.md §Roles), forms, deadlines (seed 002). */
import { defineWorkflow } from '@nongan/engine';
import { qualificationReviewMachine } from './qualificationReview.machine.js';
import { qualificationReviewRefusals } from './qualificationReview.refusals.js';
import { disagreeingOpinions } from './panels.js';

const farm = ['producer', 'third-party'] as const;

export const qualificationReview = defineWorkflow({
  id: 'qualificationReview',
  version: 1,
  machine: qualificationReviewMachine,
  title: { zh: '强制免疫"先打后补"资质审核', en: 'Compulsory-immunisation subsidy: qualification review' },
  // seed 002 §四(一): 规模养殖场 registers; a third-party provider may act for a farm (§一, §五(三))
  start: { roles: farm, form: 'qr-registration' },
  events: {
    SUBMIT: { roles: farm, form: 'qr-application', label: { zh: '提交资质申请', en: 'Submit application' } },
    DISCARD: { roles: farm, label: { zh: '作废草稿', en: 'Discard draft' } },
    INITIAL_APPROVE: { roles: ['supervision'], label: { zh: '初审通过', en: 'Pass initial review' } },
    INITIAL_RETURN: { roles: ['supervision'], form: 'reason', label: { zh: '初审退回', en: 'Return (initial review)' } },
    FINAL_APPROVE: { roles: ['district'], label: { zh: '终审通过', en: 'Pass final review' } },
    FINAL_RETURN: { roles: ['district'], form: 'reason', label: { zh: '终审退回', en: 'Return (final review)' } },
    WINDOW_CLOSES: { roles: ['system'], label: { zh: '申请期限届满', en: 'Application window closed' } },
    NOTIFY_QUALIFIED: { roles: ['district'], label: { zh: '公示结束并告知养殖场', en: 'Notice over, farm notified' } },
    RECORD_IMMUNISATION: { roles: farm, form: 'qr-immunisation', label: { zh: '免疫录入', en: 'Record immunisation' } },
    SELF_TEST_REPORT: { roles: farm, form: 'qr-antibody-report', label: { zh: '上传自评抗体检测报告', en: 'Upload self-test report' } },
    SAMPLE: { roles: ['lab'], form: 'qr-sampling', label: { zh: '抽检采样', en: 'Take samples' } },
    ENTER_RESULTS: { roles: ['lab'], form: 'qr-antibody-report', label: { zh: '录入抽检结果', en: 'Enter test results' } },
    RESULTS_OVERDUE: { roles: ['system'], label: { zh: '结果录入超期', en: 'Results overdue' } },
    REVACCINATED: { roles: farm, form: 'qr-immunisation', label: { zh: '补免完成', en: 'Re-vaccinated' } },
    NO_REVACCINATION: { roles: ['supervision'], form: 'reason', label: { zh: '未按规定补免', en: 'Not re-vaccinated' } },
    CLAIM: { roles: farm, form: 'qr-claim', label: { zh: '提交补贴申请', en: 'Claim subsidy' } },
    CLAIM_INITIAL_APPROVE: { roles: ['supervision'], label: { zh: '补贴初审通过', en: 'Pass claim initial review' } },
    CLAIM_INITIAL_REJECT: { roles: ['supervision'], form: 'reason', label: { zh: '补贴初审不通过', en: 'Reject claim (initial)' } },
    CLAIM_FINAL_APPROVE: { roles: ['district'], form: 'qr-claim-decision', label: { zh: '补贴终审通过', en: 'Approve claim (final)' } },
    CLAIM_FINAL_REJECT: { roles: ['district'], form: 'reason', label: { zh: '补贴终审不通过', en: 'Reject claim (final)' } },
    CLAIM_OBJECTION: { roles: ['district'], form: 'reason', label: { zh: '公示期异议', en: 'Objection during notice' } },
    NOTICE_ENDS: { roles: ['system'], label: { zh: '公示期满无异议', en: 'Notice ended without objection' } },
    PAY: { roles: ['district'], form: 'qr-payment', label: { zh: '拨付补助', en: 'Disburse' } },
    PAYMENT_OVERDUE: { roles: ['system'], label: { zh: '拨付超期', en: 'Payment overdue' } },
    DISQUALIFY: { roles: ['district'], form: 'qr-disqualification', label: { zh: '取消补助资格', en: 'Disqualify' } },
  },
  refusals: qualificationReviewRefusals,
  deadlines: {
    // seed 002 §二(三) / §四(一): not applied (or not resubmitted) within the window → 视为放弃
    draft: { after: { fromData: 'window.closesOn' }, send: 'WINDOW_CLOSES', label: { zh: '资质申请截止', en: 'Application closes' } },
    returned: { after: { fromData: 'window.closesOn' }, send: 'WINDOW_CLOSES', label: { zh: '资质申请截止', en: 'Application closes' } },
    // seed 002 §三(三): 采样送检完成后10个工作日内录入
    sampling: { after: { fromData: 'sampling.sampledOn', offset: { workingDays: 10 } }, send: 'RESULTS_OVERDUE', label: { zh: '结果录入期限', en: 'Results due' } },
    // seed 002 §四(四): 公示5个工作日
    claimNotice: { after: { workingDays: 5 }, send: 'NOTICE_ENDS', label: { zh: '公示期', en: 'Public notice' } },
    // seed 002 §四(四): 于每年4月30日前拨付
    awaitingPayment: { after: { fromData: 'payment.payBy' }, send: 'PAYMENT_OVERDUE', label: { zh: '拨付期限', en: 'Disburse by' } },
  },
  access: { regionScoped: true, subjectRoles: ['producer', 'third-party'] },
  tasks: {
    // seed 002 §四(一)–(二): the district bureau (示范区农业农村局) organises the supervision agency's reviews
    supervisors: { supervision: ['district'] },
    // A final review may send the application back to the initial review; a claim's final review to its initial one.
    returns: { finalReview: ['initialReview'], claimFinalReview: ['claimInitialReview'] },
    countersigns: {
      // seed 002 §五(五): 各科室、各单位要严格做好资质审核 — the final review may be countersigned by the bureau's sections, all agreeing
      finalReview: {
        role: 'district',
        rule: { kind: 'all' },
        pass: { event: 'FINAL_APPROVE' },
        fail: { event: 'FINAL_RETURN', data: disagreeingOpinions },
        label: { zh: '科室会签', en: 'Sections countersign' },
      },
    },
  },
});
