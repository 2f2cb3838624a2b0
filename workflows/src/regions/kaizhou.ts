/** Kaizhou district, Chongqing: 2022 agri-product quality-safety work plan (seed 003). */
import { beijingCertification } from './beijing.js';
import type { RegionProfile } from './types.js';

export const kaizhou: RegionProfile = {
  id: 'kaizhou',
  name: { zh: '重庆市开州区', en: 'Kaizhou district, Chongqing' },
  caseNumberPrefix: '开州',
  level: 'district',
  seed: '003_3426b2e61d3d32d9.txt',
  // seed 003 §(十三) certificates; §(七) 证后监管 of green/organic certification follows the certification lifecycle
  lifecycles: ['selfInspectToCertificate', 'certification'],
  roleLabels: {
    producer: { zh: '试行主体', en: 'Trial producer' },
    inspector: { zh: '乡镇监管员、协管员', en: 'Township supervisor / assistant' },
    district: { zh: '区农业农村委', en: 'District agriculture commission' },
    enforcement: { zh: '区农业综合行政执法支队', en: 'District agricultural enforcement detachment' },
    lab: { zh: '区农业发展中心农产品质量服务站', en: 'District agri-product quality service station' },
    'expert-office': { zh: '绿色食品证后监管专家组', en: 'Green-food post-certification expert panel' },
    municipal: { zh: '重庆市农业农村委', en: 'Chongqing Municipal Agriculture Commission' },
  },
  adminLevels: [
    { id: 'district', label: { zh: '区', en: 'District' } },
    { id: 'township', label: { zh: '乡镇（街道）', en: 'Township (subdistrict)' } },
    { id: 'grid', label: { zh: '网格', en: 'Grid' } },
    { id: 'producer', label: { zh: '生产经营主体', en: 'Producer' } },
  ],
  parameters: [
    {
      id: 'kaizhou@2022-04-12',
      effectiveFrom: '2022-04-12',
      // Seed 003 sets no re-evaluation numbers for certified producers; seed 000's are used (documented choice).
      source: 'seed 003 (issued 2022-04-12); certification follow-up numbers from seed 000',
      values: { certificate: { regionCode: 'KZ', retentionMonths: 6, electronic: false }, certification: beijingCertification },
    },
  ],
  targets: [
    { metric: 'monitoringTasks', label: { zh: '定量监测任务', en: 'Quantitative monitoring tasks' }, value: 1005, unit: 'count', year: 2022, source: 'seed 003 §(八)' },
    { metric: 'monitoringRate', label: { zh: '定量监测（批次/千人）', en: 'Monitoring batches per 1000 people' }, value: 1.5, unit: 'per-1000-people', year: 2022, source: 'seed 003 §(八)' },
    { metric: 'supervisorySampling', label: { zh: '监督抽查任务', en: 'Supervisory sampling tasks' }, value: 201, unit: 'count', year: 2022, source: 'seed 003 §(九)' },
    { metric: 'enforcementCases', label: { zh: '查办案件（件）', en: 'Enforcement cases' }, value: 3, unit: 'count', year: 2022, source: 'seed 003 §(四)' },
    { metric: 'certificateCoverage', label: { zh: '试行主体合格证开具覆盖率', en: 'Certificate coverage of trial producers' }, value: 100, unit: 'percent', year: 2022, source: 'seed 003 §(十三)' },
  ],
};
