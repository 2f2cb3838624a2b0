/** Beijing: dynamic supervision of farms certified for reduced antimicrobial use, 达标场 (seed 000). */
import type { CertificationParameters, RegionProfile } from './types.js';

// seed 000 §六(二): 再评价得分在80分以上的，认定为合格; 每两年; §六(三) 6个月内完成限期改正; §七 1年内不得再次申报
export const beijingCertification: CertificationParameters = { passScore: 80, reEvaluationYears: 2, rectificationMonths: 6, reapplicationBanYears: 1 };

export const beijing: RegionProfile = {
  id: 'beijing',
  name: { zh: '北京市', en: 'Beijing' },
  caseNumberPrefix: '北京',
  level: 'municipality',
  seed: '000_38a5b280413bb2b9.txt',
  lifecycles: ['certification', 'warningToExit'],
  roleLabels: {
    producer: { zh: '达标场', en: 'Certified farm' },
    district: { zh: '区农业农村主管部门', en: 'District agriculture bureau' },
    'expert-office': { zh: '北京市减量化行动专家工作办公室', en: 'Beijing reduction-action expert office' },
    municipal: { zh: '北京市农业农村局', en: 'Beijing Municipal Bureau of Agriculture' },
    lab: { zh: '市兽药饲料监测中心', en: 'Municipal veterinary drug and feed monitoring centre' },
    enforcement: { zh: '市农业综合执法总队', en: 'Municipal agricultural enforcement corps' },
  },
  adminLevels: [
    { id: 'municipality', label: { zh: '市', en: 'Municipality' } },
    { id: 'district', label: { zh: '区', en: 'District' } },
    { id: 'farm', label: { zh: '达标场', en: 'Certified farm' } },
  ],
  parameters: [
    // The guideline is undated in the seed; it cites 农牧便函〔2023〕162号, so it is in force from 2024 at the latest.
    { id: 'beijing@2024-01-01', effectiveFrom: '2024-01-01', source: 'seed 000 §五–§七', values: { certification: beijingCertification } },
  ],
  targets: [
    { metric: 'reEvaluationPassScore', label: { zh: '再评价合格分', en: 'Re-evaluation pass score' }, value: 80, unit: 'count', source: 'seed 000 §六(二)' },
    { metric: 'guidanceVisitsPerFarm', label: { zh: '每场每年专项技术指导（次）', en: 'Guidance visits per farm per year' }, value: 1, unit: 'count', source: 'seed 000 §五(二)' },
    { metric: 'selfEvaluationsPerFarm', label: { zh: '每场每年自我评价（次）', en: 'Self-evaluations per farm per year' }, value: 1, unit: 'count', source: 'seed 000 §六(一)' },
  ],
};
