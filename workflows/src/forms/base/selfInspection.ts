/** Base forms of the self-inspection-to-certificate lifecycle (seeds 001, 003, 004) with their contracts. */
import { COMMITMENT_BASES } from '../../certificates/certificateCode.js';
import { buildForm, contract, dateSchema, enumOf, label, options, textSchema, type BaseForm } from '../formKit.js';

// National rules: vegetables (incl. mushrooms), fruit, fresh tea leaves, livestock and poultry, eggs, aquatic products
const categories = [
  ['vegetable', '蔬菜', 'Vegetables'],
  ['fruit', '水果', 'Fruit'],
  ['tea', '茶叶', 'Fresh tea leaves'],
  ['livestock', '畜禽', 'Livestock and poultry'],
  ['eggs', '禽蛋', 'Eggs'],
  ['aquatic', '养殖水产品', 'Farmed aquatic products'],
] as const;
const units = [
  ['kg', '千克', 'kg'],
  ['head', '头/只', 'head'],
  ['box', '箱', 'box'],
] as const;

export const batch: BaseForm = {
  definition: buildForm('sic-batch', label('产品批次', 'Product batch'), {
    productName: { kind: 'text', label: label('产品名称', 'Product'), schema: textSchema(1, 100), required: true },
    category: { kind: 'select', label: label('产品类别', 'Category'), schema: { type: 'string', enum: enumOf(categories) }, options: options(categories), required: true },
    quantity: { kind: 'number', label: label('数量（重量）', 'Quantity (weight)'), schema: { type: 'number', exclusiveMinimum: 0, maximum: 100_000_000 }, required: true },
    unit: { kind: 'select', label: label('单位', 'Unit'), schema: { type: 'string', enum: enumOf(units) }, options: options(units), required: true },
    origin: { kind: 'text', label: label('产地', 'Place of origin'), schema: textSchema(2, 200), required: true },
    producerName: { kind: 'text', label: label('生产者名称', 'Producer'), schema: textSchema(2, 100), required: true },
    contact: { kind: 'text', label: label('联系方式', 'Contact'), schema: { type: 'string', format: 'cn-mobile' }, required: true },
  }),
  contract: contract({
    productName: { type: 'string' },
    quantity: { type: 'number', exclusiveMinimum: 0 },
    unit: { type: 'string' },
    origin: { type: 'string' },
    producerName: { type: 'string' },
    contact: { type: 'string' },
  }),
  sample: { productName: '黄瓜', category: 'vegetable', quantity: 500, unit: 'kg', origin: '重庆市开州区镇安镇', producerName: '开州区绿丰蔬菜专业合作社', contact: '13800138000' },
};

const bases = [
  ['quality-control', '质量安全控制符合要求', 'Quality control compliant'],
  ['self-tested', '自行检测合格', 'Self-tested'],
  ['commissioned-test', '委托检测合格', 'Commissioned test'],
] as const;
const passFail = [
  ['pass', '合格', 'Pass'],
  ['fail', '不合格', 'Fail'],
] as const;

export const selfInspection: BaseForm = {
  definition: buildForm('sic-self-inspection', label('自控自检', 'Self-inspection'), {
    basis: { kind: 'radio', label: label('承诺依据', 'Basis of the commitment'), schema: { type: 'string', enum: enumOf(bases) }, options: options(bases), required: true },
    result: { kind: 'radio', label: label('结果', 'Result'), schema: { type: 'string', enum: enumOf(passFail) }, options: options(passFail), required: true },
    reportNo: { kind: 'text', label: label('检测报告编号', 'Report number'), schema: textSchema(0) },
  }),
  contract: contract({ basis: { type: 'string', enum: [...COMMITMENT_BASES] }, result: { type: 'string', enum: ['pass', 'fail'] } }),
  sample: { basis: 'self-tested', result: 'pass' },
};

const rapidMethods = [
  ['colloidal-gold', '胶体金速测', 'Colloidal gold'],
  ['enzyme-inhibition', '酶抑制法', 'Enzyme inhibition'],
] as const;
const rapidResults = [
  ['negative', '阴性', 'Negative'],
  ['nonconforming', '常规残留超标', 'Routine residue over limit'],
  ['suspected-banned', '疑似禁用药物', 'Suspected banned drug'],
] as const;

export const rapidTest: BaseForm = {
  definition: {
    ...buildForm('sic-rapid-test', label('快速检测', 'Rapid test'), {
      method: { kind: 'select', label: label('方法', 'Method'), schema: { type: 'string', enum: enumOf(rapidMethods) }, options: options(rapidMethods), required: true },
      result: { kind: 'select', label: label('结果', 'Result'), schema: { type: 'string', enum: enumOf(rapidResults) }, options: options(rapidResults), required: true },
      drug: { kind: 'text', label: label('检出药物', 'Drug detected'), schema: textSchema(1, 100) },
      testedOn: { kind: 'date', label: label('检测日期', 'Tested on'), schema: dateSchema, required: true },
    }),
    rules: {
      drug: { visibleIf: { '!=': [{ var: 'result' }, 'negative'] }, requiredIf: { '!=': [{ var: 'result' }, 'negative'] } },
    },
  },
  contract: contract({ result: { type: 'string', enum: enumOf(rapidResults) } }),
  sample: { method: 'colloidal-gold', result: 'negative', testedOn: '2026-04-10' },
};

export const issue: BaseForm = {
  definition: buildForm('sic-issue', label('开具承诺达标合格证', 'Issue certificate'), {
    issuedOn: { kind: 'date', label: label('开具日期', 'Date of issue'), schema: dateSchema, required: true },
    quantity: { kind: 'number', label: label('本证数量', 'Quantity on this certificate'), schema: { type: 'number', exclusiveMinimum: 0, maximum: 100_000_000 }, required: true },
    commitmentAccepted: { kind: 'switch', label: label('本人承诺不使用禁用药物、严格执行安全间隔期休药期、常规残留不超标', 'I make the commitment'), schema: { type: 'boolean', const: true }, required: true },
  }),
  contract: contract({ issuedOn: { type: 'string', format: 'date' }, quantity: { type: 'number', exclusiveMinimum: 0 } }),
  sample: { issuedOn: '2026-04-11', quantity: 500, commitmentAccepted: true },
};

export const enforcementSample: BaseForm = {
  definition: buildForm('sic-enforcement-sample', label('执法抽样', 'Enforcement sample'), {
    sampleNo: { kind: 'text', label: label('抽样单编号', 'Sample number'), schema: textSchema(1, 50), required: true },
    sampledOn: { kind: 'date', label: label('抽样日期', 'Sampled on'), schema: dateSchema, required: true },
  }),
  contract: contract({ sampleNo: { type: 'string' } }),
  sample: { sampleNo: 'ZFCY-2026-0412', sampledOn: '2026-04-12' },
};

const enforcementResults = [
  ['negative', '阴性', 'Negative'],
  ['positive', '阳性', 'Positive'],
] as const;

export const enforcementResult: BaseForm = {
  definition: buildForm('sic-enforcement-result', label('执法抽检结果', 'Enforcement sample result'), {
    result: { kind: 'radio', label: label('结果', 'Result'), schema: { type: 'string', enum: enumOf(enforcementResults) }, options: options(enforcementResults), required: true },
    reportNo: { kind: 'text', label: label('检测报告编号', 'Report number'), schema: textSchema(), required: true },
    drug: { kind: 'text', label: label('检出药物', 'Drug detected'), schema: textSchema(0, 100) },
  }),
  contract: contract({ result: { type: 'string', enum: ['negative', 'positive'] } }),
  sample: { result: 'positive', reportNo: 'KZ-ZF-2026-031', drug: '氯霉素' },
};

export const caseFiling: BaseForm = {
  definition: buildForm('sic-case-filing', label('立案', 'Case filing'), {
    caseNo: { kind: 'text', label: label('案号', 'Case number'), schema: textSchema(), required: true },
    filedOn: { kind: 'date', label: label('立案日期', 'Filed on'), schema: dateSchema, required: true },
  }),
  contract: contract({ caseNo: { type: 'string' } }),
  sample: { caseNo: '开农（农安）立〔2026〕12号', filedOn: '2026-04-20' },
};

export const policeTransfer: BaseForm = {
  definition: buildForm('sic-police-transfer', label('移送公安机关', 'Transfer to police'), {
    reason: { kind: 'textarea', label: label('涉嫌犯罪情况', 'Suspected offence'), schema: textSchema(2), required: true },
    transferredOn: { kind: 'date', label: label('移送日期', 'Transferred on'), schema: dateSchema, required: true },
  }),
  contract: contract({ reason: { type: 'string' } }),
  sample: { reason: '涉嫌生产、销售有毒、有害食品罪', transferredOn: '2026-05-06' },
};

export const caseClosure: BaseForm = {
  definition: buildForm('sic-case-closure', label('结案', 'Case closure'), {
    penalty: { kind: 'textarea', label: label('处理结果', 'Outcome'), schema: textSchema(2), required: true },
    closedOn: { kind: 'date', label: label('结案日期', 'Closed on'), schema: dateSchema, required: true },
  }),
  contract: contract({ penalty: { type: 'string' } }),
  sample: { penalty: '没收违法所得并处罚款', closedOn: '2026-06-01' },
};

const fakeKinds = [
  ['impersonated', '冒名开具', 'Issued in another name'],
  ['false-qualification', '虚假合格', 'False qualification'],
] as const;

export const fakeCertificate: BaseForm = {
  definition: buildForm('sic-fake-certificate', label('合格证违规记录', 'Fake certificate record'), {
    kind: { kind: 'radio', label: label('违规情形', 'Kind'), schema: { type: 'string', enum: enumOf(fakeKinds) }, options: options(fakeKinds), required: true },
    note: { kind: 'textarea', label: label('情况说明', 'Details'), schema: textSchema(2), required: true },
  }),
  contract: contract({ kind: { type: 'string', enum: ['impersonated', 'false-qualification'] } }),
  sample: { kind: 'false-qualification', note: '巡查发现所附合格证与抽检结果不符' },
};

export const certificateRevocation: BaseForm = {
  definition: buildForm('sic-certificate-revocation', label('撤销合格证', 'Revoke certificate'), {
    reason: { kind: 'textarea', label: label('撤销原因', 'Reason'), schema: textSchema(2), required: true },
    revokedOn: { kind: 'date', label: label('撤销日期', 'Revoked on'), schema: dateSchema, required: true },
  }),
  contract: contract({ reason: { type: 'string' }, revokedOn: { type: 'string', format: 'date' } }),
  sample: { reason: '该批产品因包装标识错误召回，合格证作废', revokedOn: '2026-04-20' },
};

export const selfInspectionForms = [batch, selfInspection, rapidTest, issue, enforcementSample, enforcementResult, caseFiling, policeTransfer, caseClosure, fakeCertificate, certificateRevocation];
