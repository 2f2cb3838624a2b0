/** Forms shared by several lifecycles: a reason, a rectification report, an exit proposal, a revocation. */
import { DIRECT_EXIT_GROUNDS } from '../../lifecycles/warningToExit.machine.js';
import { buildForm, contract, dateSchema, enumOf, label, options, textSchema, type BaseForm } from '../formKit.js';

export const reason: BaseForm = {
  definition: buildForm('reason', label('原因说明', 'Reason'), {
    reason: { kind: 'textarea', label: label('原因', 'Reason'), schema: textSchema(2), required: true },
  }),
  contract: contract({ reason: { type: 'string' } }),
  sample: { reason: '申报资料不全，缺少免疫档案' },
};

export const rectificationReport: BaseForm = {
  definition: buildForm('rectification-report', label('整改情况报告', 'Rectification report'), {
    measures: { kind: 'textarea', label: label('整改措施', 'Measures taken'), schema: textSchema(2), required: true },
    completedOn: { kind: 'date', label: label('完成日期', 'Completed on'), schema: dateSchema, required: true },
    evidence: {
      kind: 'attachments',
      label: label('佐证材料', 'Evidence'),
      schema: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' } },
          required: ['id', 'name', 'type', 'size'],
        },
      },
    },
  }),
  contract: contract({ measures: { type: 'string' } }),
  sample: { measures: '规范处方药使用记录，完善休药期台账', completedOn: '2026-01-15' },
};

// seed 000 §七 (一)–(八), and §六(三) 限期改正后仍不符合标准
const exitGrounds = [
  ['false-materials', '提供虚假材料', 'False materials'],
  ['fails-municipal-review', '经市农业农村局审定不符合标准', 'Fails the municipal review'],
  ['banned-drugs', '使用禁用药、原料药或超范围用药等', 'Banned drugs or misuse'],
  ['residue-failed-two-years', '兽药残留抽检连续两年不合格', 'Residue sampling failed two years running'],
  ['refuses-monitoring-or-rectification', '拒不配合监测评估或拒不改正', 'Refuses monitoring or rectification'],
  ['production-ceased', '终止养殖生产经营', 'Production ceased'],
  ['major-incident', '发生重大质量安全事件', 'Major quality-safety incident'],
  ['other-higher-authority', '省级及以上规定的其他情形', 'Other grounds set by higher authorities'],
  ['recheck-failed', '限期改正后仍不符合标准', 'Still failing after rectification'],
] as const;
const exitGroundValues = [...DIRECT_EXIT_GROUNDS, 'recheck-failed'];

export const exitProposal: BaseForm = {
  definition: buildForm('exit-proposal', label('退出建议', 'Exit proposal'), {
    ground: { kind: 'select', label: label('退出情形', 'Ground'), schema: { type: 'string', enum: enumOf(exitGrounds) }, options: options(exitGrounds), required: true },
    evidence: { kind: 'textarea', label: label('证据材料', 'Evidence'), schema: textSchema(2), required: true },
  }),
  contract: contract({ ground: { type: 'string', enum: exitGroundValues }, evidence: { type: 'string' } }),
  sample: { ground: 'recheck-failed', evidence: '复核得分72分，低于80分' },
};

export const revocation: BaseForm = {
  definition: buildForm('revocation', label('取消资格决定', 'Revocation decision'), {
    announcement: { kind: 'textarea', label: label('公告内容', 'Announcement'), schema: textSchema(2), required: true },
    decidedOn: { kind: 'date', label: label('决定日期', 'Decided on'), schema: dateSchema, required: true },
  }),
  contract: contract({ announcement: { type: 'string' }, decidedOn: { type: 'string', format: 'date' } }),
  sample: { announcement: '取消其达标场资格，收回标识使用权，1年内不得再次申报', decidedOn: '2026-06-01' },
};

export const commonForms = [reason, rectificationReport, exitProposal, revocation];
