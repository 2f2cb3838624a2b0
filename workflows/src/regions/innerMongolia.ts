/** Inner Mongolia: implementation of the 14th five-year quality-safety plan (seed 004). */
import { beijingCertification } from './beijing.js';
import type { RegionProfile, Target } from './types.js';

// seed 004 §二(三)6: 2022年底 安全县60%、其他旗县40%; 2023年底 80%和60%; 2024年底 100%
const coverage: Array<[number, 'safe' | 'other', number]> = [
  [2022, 'safe', 60],
  [2022, 'other', 40],
  [2023, 'safe', 80],
  [2023, 'other', 60],
  [2024, 'safe', 100],
  [2024, 'other', 100],
];

export const innerMongolia: RegionProfile = {
  id: 'inner-mongolia',
  name: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  caseNumberPrefix: '内蒙古',
  level: 'province',
  seed: '004_c71bbdca0dc7b7b3.txt',
  // seed 004 §二(三)6 certificates; §二(六)11 green/organic certification follow-up
  lifecycles: ['selfInspectToCertificate', 'certification'],
  roleLabels: {
    producer: { zh: '新型农牧业经营主体', en: 'New-type agri-pastoral producer' },
    inspector: { zh: '苏木乡镇监管员、嘎查村协管员', en: 'Sumu supervisor / gacha assistant' },
    district: { zh: '旗县农牧局', en: 'Banner (county) agriculture and animal husbandry bureau' },
    municipal: { zh: '自治区农牧厅', en: 'Regional Department of Agriculture and Animal Husbandry' },
    enforcement: { zh: '综合执法局', en: 'Comprehensive enforcement bureau' },
    lab: { zh: '旗县级检测机构', en: 'Banner-level testing body' },
    'expert-office': { zh: '自治区农畜产品质量安全中心', en: 'Regional agri-livestock product quality centre' },
  },
  // seed 004 §二(三)5: 苏木乡镇（街道办事处）—嘎查村（社区）—生产主体
  adminLevels: [
    { id: 'league', label: { zh: '盟市', en: 'League / city' } },
    { id: 'banner', label: { zh: '旗县', en: 'Banner / county' } },
    { id: 'sumu', label: { zh: '苏木乡镇', en: 'Sumu / township' } },
    { id: 'gacha', label: { zh: '嘎查村', en: 'Gacha / village' } },
    { id: 'producer', label: { zh: '生产主体', en: 'Producer' } },
  ],
  parameters: [
    {
      id: 'inner-mongolia@2022-08-17',
      effectiveFrom: '2022-08-17',
      source: 'seed 004 (issued 2022-08-17); certification follow-up numbers from seed 000',
      values: { certificate: { regionCode: 'NM', retentionMonths: 6, electronic: true }, certification: beijingCertification },
    },
  ],
  targets: [
    { metric: 'monitoringRate', label: { zh: '检验检测总量（批次/千人）', en: 'Monitoring batches per 1000 people' }, value: 1.5, unit: 'per-1000-people', source: 'seed 004 §一' },
    { metric: 'routinePassRate', label: { zh: '例行监测合格率', en: 'Routine monitoring pass rate' }, value: 98, unit: 'percent', source: 'seed 004 §一' },
    ...coverage.map(
      ([year, countyClass, value]): Target => ({
        metric: 'certificateCoverage',
        label: { zh: '新型经营主体出具合格证比例', en: 'New-type producers issuing certificates' },
        value,
        unit: 'percent',
        year,
        countyClass,
        source: 'seed 004 §二(三)6',
      }),
    ),
  ],
};
