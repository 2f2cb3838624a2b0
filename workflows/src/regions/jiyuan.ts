/** Jiyuan demonstration zone: compulsory-immunisation subsidy 先打后补 (seed 002). */
import type { QualificationParameters, RegionProfile, ScaleThreshold, Species } from './types.js';

// seed 002 §三(一): 生猪存栏300头或年出栏500头以上、奶牛存栏100头以上、肉牛存栏100头或年出栏50头以上、
// 羊存栏100只或年出栏100只以上、蛋鸡存栏2000只以上、肉鸡存栏5000只或年出栏1万只以上；鸭、鹅、鸟类参照蛋鸡
const seedThresholds: Record<Species, ScaleThreshold> = {
  pig: { stock: 300, annualOutput: 500 },
  dairyCattle: { stock: 100 },
  beefCattle: { stock: 100, annualOutput: 50 },
  sheep: { stock: 100, annualOutput: 100 },
  layer: { stock: 2000 },
  broiler: { stock: 5000, annualOutput: 10_000 },
  duck: { stock: 2000 },
  goose: { stock: 2000 },
  otherPoultry: { stock: 2000 },
};

// National farm-scale thresholds in force from 2025-09-01 (DOMAIN.md §Facts): pigs marketed ≥500/yr,
// beef cattle ≥50/yr, dairy cattle held ≥100, sheep and goats marketed ≥200/yr, broilers ≥10,000/yr,
// layers ≥2,000 held; other birds keep following layers (seed 002 §三(一)) as the national list is silent.
const nationalThresholds2025: Record<Species, ScaleThreshold> = {
  pig: { annualOutput: 500 },
  dairyCattle: { stock: 100 },
  beefCattle: { annualOutput: 50 },
  sheep: { annualOutput: 200 },
  layer: { stock: 2000 },
  broiler: { annualOutput: 10_000 },
  duck: { stock: 2000 },
  goose: { stock: 2000 },
  otherPoultry: { stock: 2000 },
};

const qualification: QualificationParameters = {
  scaleThresholds: seedThresholds,
  // seed 002 §三(三): 猪5000头、牛1000头、羊2000只、禽50000只以上的大型规模养殖场 … 家禽不少于30份，家畜不少于20份
  largeFarmStock: { pigs: 5000, cattle: 1000, sheep: 2000, poultry: 50_000 },
  minSamples: { poultry: 30, livestock: 20 },
  // seed 002 §三(三): 平均抗体合格率低于70% 为不合格; 规模养殖场全年抽检比例不得少于25%; 10个工作日内录入
  passRatePercent: 70,
  samplingSharePercent: 25,
  resultsWorkingDays: 10,
  // seed 002 §四(四): 公开公示5个工作日无异议; 于每年4月30日前拨付
  claimNoticeWorkingDays: 5,
  paymentBy: '04-30',
  // seed 002 §二(三): 2024年10月30日前提交2024年度资质申请; 从2025年起 … 资质申请时间为当年3月10日前
  applicationCloses: { byYear: { '2024': '2024-10-30' }, default: '03-10' },
  subsidyYearStarts: '03-11',
  // seed 002 §二(二)1 (caps) and §二(二)2 (商品猪、肉牛、羊、禽 by 产地检疫数量; 奶牛、种畜禽、蛋禽 by 存栏)
  caps: {
    breedingSow: { capFen: 1800, basis: 'stock' },
    finishingPig: { capFen: 700, basis: 'quarantine' },
    beefCattle: { capFen: 900, basis: 'quarantine' },
    dairyCattle: { capFen: 900, basis: 'stock' },
    sheep: { capFen: 700, basis: 'quarantine' },
    layer: { capFen: 50, basis: 'stock' },
    meatPoultry: { capFen: 20, basis: 'quarantine' },
  },
  // seed 002 §二(二)3: 暂定每年补助不超过60万元
  budgetFen: 60_000_000,
};

export const jiyuan: RegionProfile = {
  id: 'jiyuan',
  name: { zh: '济源示范区', en: 'Jiyuan demonstration zone' },
  caseNumberPrefix: '济源',
  level: 'city',
  seed: '002_8ebbc7abb2070081.txt',
  lifecycles: ['qualificationReview'],
  roleLabels: {
    producer: { zh: '养殖场户', en: 'Farm' },
    'third-party': { zh: '第三方免疫服务主体', en: 'Third-party immunisation provider' },
    supervision: { zh: '动物卫生监督机构', en: 'Animal-health supervision agency' },
    district: { zh: '示范区农业农村局防疫检疫科', en: 'Zone bureau, epidemic prevention section' },
    lab: { zh: '动物疫病预防控制中心 / CMA·CNAS 实验室', en: 'Disease-control centre / CMA·CNAS lab' },
  },
  adminLevels: [
    { id: 'zone', label: { zh: '示范区', en: 'Zone' } },
    { id: 'town', label: { zh: '镇（街道）', en: 'Town (subdistrict)' } },
    { id: 'farm', label: { zh: '养殖场户', en: 'Farm' } },
  ],
  parameters: [
    { id: 'jiyuan@2024-10-10', effectiveFrom: '2024-10-10', source: 'seed 002 (issued 2024-10-10)', values: { qualification } },
    {
      id: 'jiyuan@2025-09-01',
      effectiveFrom: '2025-09-01',
      source: 'seed 002 with the national farm-scale thresholds of 2025-09-01',
      values: { qualification: { ...qualification, scaleThresholds: nationalThresholds2025 } },
    },
  ],
  targets: [
    { metric: 'antibodyPassRate', label: { zh: '抗体合格率', en: 'Antibody pass rate' }, value: 70, unit: 'percent', source: 'seed 002 §三(三)' },
    { metric: 'samplingShare', label: { zh: '规模场抽检比例', en: 'Scale farms sampled' }, value: 25, unit: 'percent', source: 'seed 002 §三(三)' },
    { metric: 'budget', label: { zh: '年度补助总额上限（元）', en: 'Yearly subsidy budget (CNY)' }, value: 600_000, unit: 'count', source: 'seed 002 §二(二)3' },
  ],
};
