/** The self-inspection-to-certificate workflow: roles per event, forms, retention deadline. */
import { defineWorkflow } from '@nongan/engine';
import { selfInspectToCertificateMachine } from './selfInspectToCertificate.machine.js';
import { inspectorAssignment } from './assignments.js';

export const selfInspectToCertificate = defineWorkflow({
  id: 'selfInspectToCertificate',
  version: 1,
  machine: selfInspectToCertificateMachine,
  title: { zh: '自检到承诺达标合格证', en: 'Self-inspection to commitment certificate' },
  // seed 003 §(十三): producers in the register (试行主体名录) open a batch
  start: { roles: ['producer'], form: 'sic-batch' },
  events: {
    SELF_INSPECT: { roles: ['producer'], form: 'sic-self-inspection', label: { zh: '自检/自控', en: 'Self-inspect' } },
    RAPID_TEST: { roles: ['inspector'], form: 'sic-rapid-test', label: { zh: '快速检测', en: 'Rapid test' } },
    ISSUE_CERTIFICATE: { roles: ['producer'], form: 'sic-issue', label: { zh: '开具合格证', en: 'Issue certificate' } },
    REPORT_FAKE: { roles: ['inspector', 'enforcement'], form: 'sic-fake-certificate', label: { zh: '冒名/虚假合格证', en: 'Fake certificate found' } },
    REVOKE_CERTIFICATE: { roles: ['district', 'enforcement'], form: 'sic-certificate-revocation', label: { zh: '撤销合格证', en: 'Revoke certificate' } },
    RETENTION_ENDS: { roles: ['system'], label: { zh: '留存期满', en: 'Retention period over' } },
    START_ENFORCEMENT_SAMPLING: { roles: ['district'], label: { zh: '启动执法抽检', en: 'Start enforcement sampling' } },
    TAKE_ENFORCEMENT_SAMPLE: { roles: ['enforcement'], form: 'sic-enforcement-sample', label: { zh: '执法抽样', en: 'Take enforcement sample' } },
    ENFORCEMENT_RESULT: { roles: ['lab'], form: 'sic-enforcement-result', label: { zh: '执法抽检结果', en: 'Enforcement sample result' } },
    FILE_CASE: { roles: ['enforcement'], form: 'sic-case-filing', label: { zh: '立案查处', en: 'File case' } },
    TRANSFER_TO_POLICE: { roles: ['enforcement'], form: 'sic-police-transfer', label: { zh: '移送公安机关', en: 'Transfer to police' } },
    CLOSE_CASE: { roles: ['enforcement'], form: 'sic-case-closure', label: { zh: '结案', en: 'Close case' } },
  },
  deadlines: {
    // National rules: 合格证 copies are kept at least 6 months
    certified: { after: { months: 6 }, send: 'RETENTION_ENDS', label: { zh: '合格证留存', en: 'Certificate retention' } },
  },
  access: { regionScoped: true, subjectRoles: ['producer'] },
  tasks: {
    supervisors: { inspector: ['district'] },
    // seed 003 §(十七) 网格定人 (Kaizhou); seed 001 附件2 seasonal groups (Luoyang town)
    assign: { batchOpen: inspectorAssignment },
  },
});
