/** Base forms of the qualification-review lifecycle (seed 002) with their contracts. */
import { SPECIES, SPECIES_NAMES, SUBSIDY_CLASSES } from '../../regions/types.js';
import { buildForm, contract, countSchema, dateSchema, enumOf, label, options, textSchema, type BaseForm } from '../formKit.js';

const species = SPECIES.map((s) => [s, SPECIES_NAMES[s].zh, SPECIES_NAMES[s].en] as const);

const subsidyClasses = [
  ['breedingSow', '能繁母猪', 'Breeding sows'],
  ['finishingPig', '育肥猪', 'Finishing pigs'],
  ['beefCattle', '肉牛', 'Beef cattle'],
  ['dairyCattle', '奶牛', 'Dairy cattle'],
  ['sheep', '羊', 'Sheep'],
  ['layer', '蛋鸡', 'Laying hens'],
  ['meatPoultry', '肉禽', 'Meat poultry'],
] as const;

const diseases = [
  ['HPAI', '高致病性禽流感', 'HPAI'],
  ['FMD', '口蹄疫', 'Foot-and-mouth disease'],
  ['PPR', '小反刍兽疫', 'PPR'],
  ['other', '其他', 'Other'],
] as const;

export const registration: BaseForm = {
  definition: buildForm('qr-registration', label('"先打后补"注册', 'Subsidy scheme registration'), {
    farmName: { kind: 'text', label: label('养殖场名称', 'Farm name'), schema: textSchema(2, 100), required: true },
    year: { kind: 'integer', label: label('补助年度', 'Subsidy year'), schema: { type: 'integer', minimum: 2024, maximum: 2100 }, required: true },
    creditCode: { kind: 'text', label: label('统一社会信用代码', 'Unified social credit code'), schema: { type: 'string', format: 'cn-uscc' } },
    contact: { kind: 'text', label: label('联系电话', 'Mobile'), schema: { type: 'string', format: 'cn-mobile' } },
  }),
  contract: contract({ farmName: { type: 'string', minLength: 1 }, year: { type: 'integer', minimum: 2024 } }),
  sample: { farmName: '济源市承留镇示范养殖场', year: 2024 },
};

export const application: BaseForm = {
  definition: buildForm('qr-application', label('"先打后补"资质申请', 'Qualification application'), {
    species: { kind: 'select', label: label('畜种', 'Species'), schema: { type: 'string', enum: enumOf(species) }, options: options(species), required: true },
    stock: { kind: 'integer', label: label('存栏量', 'Stock'), unit: label('头/只', 'head'), schema: countSchema(), required: true },
    annualOutput: { kind: 'integer', label: label('年出栏量', 'Marketed a year'), unit: label('头/只', 'head'), schema: countSchema(), required: true },
  }),
  contract: contract({
    species: { type: 'string', enum: [...SPECIES] },
    stock: { type: 'integer', minimum: 0 },
    annualOutput: { type: 'integer', minimum: 0 },
  }),
  sample: { species: 'pig', stock: 800, annualOutput: 1500 },
};

const attachment = {
  type: 'array',
  items: {
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' } },
    required: ['id', 'name', 'type', 'size'],
  },
};

export const immunisation: BaseForm = {
  definition: buildForm('qr-immunisation', label('免疫录入', 'Immunisation record'), {
    vaccine: { kind: 'text', label: label('疫苗名称', 'Vaccine'), schema: textSchema(), required: true },
    vaccineBatch: { kind: 'text', label: label('疫苗批号', 'Vaccine batch'), schema: textSchema(), required: true },
    doses: { kind: 'integer', label: label('疫苗使用量', 'Doses used'), unit: label('头份', 'doses'), schema: countSchema(), required: true },
    immunisedHeads: { kind: 'integer', label: label('免疫数量', 'Heads immunised'), unit: label('头/只', 'head'), schema: countSchema(), required: true },
    immunisedOn: { kind: 'date', label: label('免疫日期', 'Immunised on'), schema: dateSchema, required: true },
    bottleQrCodes: { kind: 'textarea', label: label('疫苗瓶二维码', 'Vaccine bottle QR codes'), schema: textSchema(0, 20_000) },
    packagePhotos: { kind: 'attachments', label: label('疫苗包装照片', 'Package photos'), schema: attachment, accept: ['image/*'] },
  }),
  contract: contract({ immunisedHeads: { type: 'integer', minimum: 0 } }),
  sample: { vaccine: '口蹄疫O型、A型二价灭活疫苗', vaccineBatch: '2024091', doses: 1600, immunisedHeads: 800, immunisedOn: '2024-11-05' },
};

export const sampling: BaseForm = {
  definition: buildForm('qr-sampling', label('免疫效果抽检采样', 'Immunity sampling'), {
    sampledOn: { kind: 'date', label: label('采样送检日期', 'Sampled and sent on'), schema: dateSchema, required: true },
    samples: { kind: 'integer', label: label('样品数', 'Samples'), schema: { type: 'integer', minimum: 1, maximum: 10_000 }, required: true },
    sampler: { kind: 'text', label: label('采样单位', 'Sampled by'), schema: textSchema() },
  }),
  contract: contract({ sampledOn: { type: 'string', format: 'date' } }),
  sample: { sampledOn: '2024-12-02', samples: 20 },
};

export const antibodyReport: BaseForm = {
  definition: buildForm('qr-antibody-report', label('抗体检测报告', 'Antibody test report'), {
    reportNo: { kind: 'text', label: label('报告编号', 'Report number'), schema: textSchema(), required: true },
    samples: { kind: 'integer', label: label('每次检测样品数', 'Samples per test'), schema: { type: 'integer', minimum: 1, maximum: 10_000 }, required: true },
    results: {
      kind: 'rows',
      label: label('检测结果', 'Results'),
      required: true,
      schema: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            disease: { type: 'string', enum: enumOf(diseases) },
            tested: { type: 'integer', minimum: 1, maximum: 10_000 },
            passed: { type: 'integer', minimum: 0, maximum: 10_000 },
          },
          required: ['disease', 'tested', 'passed'],
        },
      },
      columns: {
        disease: { kind: 'select', label: label('病种', 'Disease'), options: options(diseases) },
        tested: { kind: 'integer', label: label('检测数', 'Tested') },
        passed: { kind: 'integer', label: label('合格数', 'Passed') },
      },
    },
  }),
  contract: contract({
    samples: { type: 'integer', minimum: 1 },
    results: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['disease', 'tested', 'passed'],
        properties: { disease: { type: 'string' }, tested: { type: 'integer', minimum: 1 }, passed: { type: 'integer', minimum: 0 } },
      },
    },
  }),
  sample: { reportNo: 'JY-KY-2024-118', samples: 20, results: [{ disease: 'FMD', tested: 20, passed: 18 }] },
};

export const claim: BaseForm = {
  definition: buildForm('qr-claim', label('"先打后补"补贴申请', 'Subsidy claim'), {
    lines: {
      kind: 'rows',
      label: label('补助畜禽', 'Animals claimed'),
      required: true,
      schema: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            subsidyClass: { type: 'string', enum: enumOf(subsidyClasses) },
            quarantineCount: { type: 'integer', minimum: 0, maximum: 100_000_000 },
            stockCount: { type: 'integer', minimum: 0, maximum: 100_000_000 },
            immunisedCount: { type: 'integer', minimum: 0, maximum: 100_000_000 },
          },
          required: ['subsidyClass', 'quarantineCount', 'stockCount', 'immunisedCount'],
        },
      },
      columns: {
        subsidyClass: { kind: 'select', label: label('补助类别', 'Class'), options: options(subsidyClasses) },
        quarantineCount: { kind: 'integer', label: label('产地检疫数量', 'Origin-quarantine count') },
        stockCount: { kind: 'integer', label: label('存栏数量', 'Stock') },
        immunisedCount: { kind: 'integer', label: label('免疫录入数量', 'Immunised (system)') },
      },
    },
  }),
  contract: contract({
    lines: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['subsidyClass', 'quarantineCount', 'stockCount', 'immunisedCount'],
        properties: {
          subsidyClass: { type: 'string', enum: [...SUBSIDY_CLASSES] },
          quarantineCount: { type: 'integer', minimum: 0 },
          stockCount: { type: 'integer', minimum: 0 },
          immunisedCount: { type: 'integer', minimum: 0 },
        },
      },
    },
  }),
  sample: { lines: [{ subsidyClass: 'finishingPig', quarantineCount: 1500, stockCount: 800, immunisedCount: 800 }] },
};

export const claimDecision: BaseForm = {
  definition: buildForm('qr-claim-decision', label('补贴终审', 'Claim decision'), {
    approvedFen: { kind: 'integer', label: label('核定补助金额（分）', 'Approved amount (fen)'), unit: label('分', 'fen'), schema: countSchema(6_000_000_000), required: true },
    note: { kind: 'textarea', label: label('备注', 'Note'), schema: textSchema(0) },
  }),
  contract: contract({ approvedFen: { type: 'integer', minimum: 0 } }),
  sample: { approvedFen: 560_000 },
};

const payMethods = [
  ['one-card', '"一卡通"发放', '"One card" payment'],
  ['bank-transfer', '对公转账', 'Bank transfer'],
] as const;

export const payment: BaseForm = {
  definition: buildForm('qr-payment', label('补助拨付', 'Disbursement'), {
    paidFen: { kind: 'integer', label: label('拨付金额（分）', 'Amount paid (fen)'), schema: countSchema(6_000_000_000), required: true },
    paidOn: { kind: 'date', label: label('拨付日期', 'Paid on'), schema: dateSchema, required: true },
    method: { kind: 'radio', label: label('发放方式', 'Method'), schema: { type: 'string', enum: enumOf(payMethods) }, options: options(payMethods), required: true },
  }),
  contract: contract({ paidFen: { type: 'integer', minimum: 0 }, paidOn: { type: 'string', format: 'date' }, method: { type: 'string' } }),
  sample: { paidFen: 560_000, paidOn: '2025-04-20', method: 'bank-transfer' },
};

// seed 002 §五(五)
const grounds = [
  ['fraud', '申请过程中弄虚作假', 'Fraud in the application'],
  ['illegal-vaccine', '使用非法疫苗', 'Illegal vaccines'],
  ['vaccine-resale', '倒买倒卖疫苗', 'Reselling vaccines'],
  ['refused-supervision', '不配合监督监测', 'Refusing supervision'],
  ['immunisation-failure-outbreak', '因免疫不达标引发动物疫情', 'Outbreak caused by failed immunisation'],
] as const;

export const disqualification: BaseForm = {
  definition: buildForm('qr-disqualification', label('取消补助资格', 'Disqualification'), {
    ground: { kind: 'select', label: label('取消情形', 'Ground'), schema: { type: 'string', enum: enumOf(grounds) }, options: options(grounds), required: true },
    note: { kind: 'textarea', label: label('情况说明', 'Details'), schema: textSchema(2), required: true },
  }),
  contract: contract({ ground: { type: 'string', enum: enumOf(grounds) }, note: { type: 'string' } }),
  sample: { ground: 'vaccine-resale', note: '经查将自购强免疫苗转售他人' },
};

export const qualificationForms = [registration, application, immunisation, sampling, antibodyReport, claim, claimDecision, payment, disqualification];
