/** Luoyang town: 2022 special action 治违禁 控药残 促提升 (seed 001). */
import type { RegionProfile, Target } from './types.js';

const yearly = (metric: string, zh: string, en: string, value: number, unit: Target['unit'], source: string): Target => ({
  metric,
  label: { zh, en },
  value,
  unit,
  year: 2022,
  source,
});

export const luoyang: RegionProfile = {
  id: 'luoyang',
  name: { zh: '洛阳镇', en: 'Luoyang town' },
  caseNumberPrefix: '洛阳镇',
  level: 'town',
  seed: '001_d2a1969d32786e83.txt',
  lifecycles: ['selfInspectToCertificate'],
  roleLabels: {
    producer: { zh: '种养殖生产主体', en: 'Grower / farmer' },
    inspector: { zh: '村级监管员', en: 'Village supervisor' },
    district: { zh: '区农业农村局', en: 'District agriculture bureau' },
    enforcement: { zh: '市场监督分局 / 执法', en: 'Market supervision branch / enforcement' },
    lab: { zh: '畜牧兽医站', en: 'Animal husbandry and veterinary station' },
  },
  adminLevels: [
    { id: 'town', label: { zh: '镇', en: 'Town' } },
    { id: 'village', label: { zh: '行政村', en: 'Administrative village' } },
    { id: 'producer', label: { zh: '生产主体', en: 'Producer' } },
  ],
  parameters: [
    { id: 'luoyang@2022-01-01', effectiveFrom: '2022-01-01', source: 'seed 001', values: { certificate: { regionCode: 'LY', retentionMonths: 6, electronic: false } } },
  ],
  // seed 001 附件1 (2022年度责任清单) and §二
  targets: [
    yearly('inputQualityChecks', '农兽药质量抽检（批次）', 'Input-quality checks (batches)', 4, 'count', 'seed 001 附件1 第1项'),
    yearly('rapidTests', '胶体金速测（批次）', 'Colloidal-gold rapid tests (batches)', 1800, 'count', 'seed 001 附件1 第4项'),
    yearly('monitoringRate', '定量抽检（批次/千人）', 'Quantitative sampling per 1000 people', 1.5, 'per-1000-people', 'seed 001 附件1 第5项'),
    yearly('routinePassRate', '例行抽检合格率', 'Routine pass rate', 98, 'percent', 'seed 001 附件1 第5项'),
    yearly('certificates', '开具合格证（张）', 'Certificates issued', 320_000, 'count', 'seed 001 附件1 第6项'),
    yearly('outreachEvents', '农产品质量安全乡村行（次）', 'Outreach events', 2, 'count', 'seed 001 附件1 第8项'),
    yearly('reductionActionShare', '实施减抗行动的规模养殖场', 'Scale farms in the antimicrobial-reduction action', 15, 'percent', 'seed 001 §二'),
  ],
};
