/** Base forms of the certification and warning-to-exit lifecycles (seed 000) with their contracts. */
import { FINDING_SOURCES } from '../../lifecycles/warningToExit.machine.js';
import { buildForm, contract, countSchema, dateSchema, enumOf, label, options, textSchema, type BaseForm } from '../formKit.js';

const livestock = [
  ['pig', '生猪', 'Pigs'],
  ['dairyCattle', '奶牛', 'Dairy cattle'],
  ['beefCattle', '肉牛', 'Beef cattle'],
  ['sheep', '羊', 'Sheep and goats'],
  ['layer', '蛋鸡', 'Laying hens'],
  ['broiler', '肉鸡', 'Broilers'],
  ['other', '其他', 'Other'],
] as const;

export const certApplication: BaseForm = {
  definition: buildForm('cert-application', label('达标场申报', 'Certification application'), {
    farmName: { kind: 'text', label: label('养殖场名称', 'Farm name'), schema: textSchema(2, 100), required: true },
    species: { kind: 'select', label: label('主要畜种', 'Main species'), schema: { type: 'string', enum: enumOf(livestock) }, options: options(livestock), required: true },
    stock: { kind: 'integer', label: label('存栏量', 'Stock'), schema: countSchema(), required: true },
    contact: { kind: 'text', label: label('联系电话', 'Mobile'), schema: { type: 'string', format: 'cn-mobile' } },
  }),
  contract: contract({ farmName: { type: 'string', minLength: 1 }, species: { type: 'string' } }),
  sample: { farmName: '北京市顺义区绿源生猪养殖场', species: 'pig', stock: 3000 },
};

const methods = [
  ['onsite', '现场评价', 'On site'],
  ['remote', '远程评价', 'Remote'],
] as const;

export const score: BaseForm = {
  // seed 000 §六(二): 再评价可以选择现场评价或者远程评价; 80分以上合格
  definition: buildForm('cert-score', label('减量化成效评价', 'Reduction-effect evaluation'), {
    score: { kind: 'number', label: label('评价得分', 'Score'), schema: { type: 'number', minimum: 0, maximum: 100 }, required: true },
    method: { kind: 'radio', label: label('评价方式', 'Method'), schema: { type: 'string', enum: enumOf(methods) }, options: options(methods), required: true },
    evaluatedOn: { kind: 'date', label: label('评价日期', 'Evaluated on'), schema: dateSchema, required: true },
    findings: { kind: 'textarea', label: label('不合格项', 'Failing items'), schema: textSchema(0) },
  }),
  contract: contract({ score: { type: 'number', minimum: 0, maximum: 100 }, evaluatedOn: { type: 'string', format: 'date' } }),
  sample: { score: 86, method: 'onsite', evaluatedOn: '2026-03-10' },
};

export const selfEvaluation: BaseForm = {
  // seed 000 §六(一): 对照评价标准每年开展一次自我评价，发现不合格项的立即自行整改
  definition: buildForm('cert-self-evaluation', label('年度自我评价', 'Yearly self-evaluation'), {
    year: { kind: 'integer', label: label('评价年度', 'Year'), schema: { type: 'integer', minimum: 2020, maximum: 2100 }, required: true },
    score: { kind: 'number', label: label('自评得分', 'Self-assessed score'), schema: { type: 'number', minimum: 0, maximum: 100 }, required: true },
    failingItems: { kind: 'textarea', label: label('不合格项及自行整改', 'Failing items and own rectification'), schema: textSchema(0) },
  }),
  contract: contract({ year: { type: 'integer' } }),
  sample: { year: 2026, score: 88 },
};

export const guidanceVisit: BaseForm = {
  // seed 000 §五(二): "一场一策" 专项技术指导，核查兽药使用合规性
  definition: buildForm('cert-guidance-visit', label('专项技术指导记录', 'Guidance visit record'), {
    visitedOn: { kind: 'date', label: label('指导日期', 'Visited on'), schema: dateSchema, required: true },
    drugUseCompliant: { kind: 'switch', label: label('兽药使用合规', 'Drug use compliant'), schema: { type: 'boolean' }, required: true },
    advice: { kind: 'textarea', label: label('指导意见', 'Advice'), schema: textSchema(2), required: true },
  }),
  contract: contract({ visitedOn: { type: 'string', format: 'date' } }),
  sample: { visitedOn: '2026-05-20', drugUseCompliant: true, advice: '完善用药记录，推广替抗技术' },
};

const sources = [
  ['routine-monitoring', '日常监测数据', 'Routine monitoring'],
  ['special-inspection', '专项检查', 'Special inspection'],
  ['public-opinion', '舆情信息', 'Public-opinion report'],
  ['residue-monitoring', '兽药残留监测', 'Residue monitoring'],
  ['resistance-monitoring', '耐药性监测', 'Resistance monitoring'],
] as const;

export const finding: BaseForm = {
  definition: buildForm('warn-finding', label('风险隐患发现', 'Finding'), {
    source: { kind: 'select', label: label('来源', 'Source'), schema: { type: 'string', enum: enumOf(sources) }, options: options(sources), required: true },
    summary: { kind: 'textarea', label: label('情况摘要', 'Summary'), schema: textSchema(2), required: true },
    detectedOn: { kind: 'date', label: label('发现日期', 'Detected on'), schema: dateSchema, required: true },
  }),
  contract: contract({ source: { type: 'string', enum: [...FINDING_SOURCES] }, summary: { type: 'string' } }),
  sample: { source: 'residue-monitoring', summary: '猪肉样品恩诺沙星残留超标', detectedOn: '2026-04-02' },
};

export const warning: BaseForm = {
  definition: buildForm('warn-warning', label('预警信息', 'Warning'), {
    items: { kind: 'textarea', label: label('不合格项', 'Failing items'), schema: textSchema(2), required: true },
    issuedOn: { kind: 'date', label: label('发布日期', 'Issued on'), schema: dateSchema, required: true },
  }),
  contract: contract({ items: { type: 'string' } }),
  sample: { items: '恩诺沙星残留超标', issuedOn: '2026-04-05' },
};

export const rectificationOrder: BaseForm = {
  definition: buildForm('warn-rectification-order', label('限期改正通知', 'Rectification order'), {
    items: { kind: 'textarea', label: label('改正事项', 'Items to rectify'), schema: textSchema(2), required: true },
    dueDate: { kind: 'date', label: label('改正期限', 'Rectify by'), schema: dateSchema, required: true },
  }),
  // the deadline of `rectifying` reads order.dueDate
  contract: contract({ items: { type: 'string' }, dueDate: { type: 'string', format: 'date' } }),
  sample: { items: '规范用药，落实休药期', dueDate: '2026-05-31' },
};

export const verification: BaseForm = {
  definition: buildForm('warn-verification', label('整改核查', 'Verification'), {
    note: { kind: 'textarea', label: label('核查意见', 'Verification note'), schema: textSchema(2), required: true },
    verifiedOn: { kind: 'date', label: label('核查日期', 'Verified on'), schema: dateSchema, required: true },
  }),
  contract: contract({ note: { type: 'string' } }),
  sample: { note: '现场核查，用药记录已规范', verifiedOn: '2026-06-03' },
};

export const certificationForms = [certApplication, score, selfEvaluation, guidanceVisit];
export const warningForms = [finding, warning, rectificationOrder, verification];
