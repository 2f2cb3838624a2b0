/**
 * Luoyang town's seasonal inspection rotation (seed 001 §五 and 附件2 督导分组安排): three groups,
 * three clusters of six villages; each season every group inspects another cluster. Summer by the
 * end of June (reported 7.1), autumn before National Day, winter before New Year's Day.
 */
import { inputError } from './inputError.js';

export const SEASONS = ['summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

export interface InspectionGroup {
  id: 'group-1' | 'group-2' | 'group-3';
  name: { zh: string; en: string };
  leader: string;
  /** Departments taking part; the first (marked * in the seed) is the liaison unit. */
  departments: string[];
}

export const INSPECTION_GROUPS: readonly InspectionGroup[] = [
  { id: 'group-1', name: { zh: '第一组', en: 'Group 1' }, leader: '王小虎', departments: ['农村工作局', '派出所'] },
  { id: 'group-2', name: { zh: '第二组', en: 'Group 2' }, leader: '管国祥', departments: ['农村工作局', '畜牧兽医站'] },
  { id: 'group-3', name: { zh: '第三组', en: 'Group 3' }, leader: '谈一平', departments: ['农村工作局', '市场监督分局'] },
];

export const VILLAGE_CLUSTERS = {
  east: ['洛东', '岑村', '汤墅', '阳湖', '朝安', '马鞍'],
  centre: ['虞桥', '谈家头', '小留桥', '友谊', '洛阳', '圻庄'],
  west: ['天井', '管城', '戴溪', '东尖', '民丰', '瞿家'],
} as const;
export type ClusterId = keyof typeof VILLAGE_CLUSTERS;

/** 附件2, row by row: which cluster each group inspects per season. */
export const ROTATION: Readonly<Record<Season, Readonly<Record<InspectionGroup['id'], ClusterId>>>> = {
  summer: { 'group-1': 'east', 'group-2': 'centre', 'group-3': 'west' },
  autumn: { 'group-1': 'centre', 'group-2': 'west', 'group-3': 'east' },
  winter: { 'group-1': 'west', 'group-2': 'east', 'group-3': 'centre' },
};

/** Last day to finish each season's inspection, `MM-DD` (6月底前, 十一前, 元旦前). */
export const SEASON_DEADLINES: Readonly<Record<Season, { by: string; label: { zh: string; en: string } }>> = {
  summer: { by: '06-30', label: { zh: '夏季检查（6月底前，7月1日汇总反馈）', en: 'Summer inspection (by 30 June, reported 1 July)' } },
  autumn: { by: '09-30', label: { zh: '秋季检查（国庆节前）', en: 'Autumn inspection (before National Day)' } },
  winter: { by: '12-31', label: { zh: '冬季检查（元旦前）', en: 'Winter inspection (before New Year)' } },
};

export function clusterOf(village: string): ClusterId {
  for (const [cluster, villages] of Object.entries(VILLAGE_CLUSTERS) as Array<[ClusterId, readonly string[]]>) {
    if (villages.includes(village)) return cluster;
  }
  const all = Object.values(VILLAGE_CLUSTERS).flat();
  throw inputError('village', `${village} is not a village of Luoyang town; known: ${all.join(', ')}`, `${village} 不是洛阳镇的行政村；已知：${all.join('、')}`);
}

/** The group that inspects `village` in `season`, with the season's deadline in `year`. */
export function inspectorGroupFor(village: string, season: Season, year?: number): InspectionGroup & { cluster: ClusterId; dueBy?: string } {
  if (!(SEASONS as readonly string[]).includes(season)) {
    throw inputError('season', `season must be one of ${SEASONS.join(', ')}`, `季节须为 ${SEASONS.join('、')} 之一`);
  }
  const cluster = clusterOf(village);
  const rotation = ROTATION[season];
  const groupId = (Object.keys(rotation) as Array<InspectionGroup['id']>).find((g) => rotation[g] === cluster)!;
  const group = INSPECTION_GROUPS.find((g) => g.id === groupId)!;
  return { ...group, cluster, ...(year !== undefined ? { dueBy: `${year}-${SEASON_DEADLINES[season].by}` } : {}) };
}

/** The season whose inspection is open on a China date (`YYYY-MM-DD`): Jan–Jun summer, Jul–Sep autumn, Oct–Dec winter. */
export function seasonOn(date: string): Season {
  const month = Number(date.slice(5, 7));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || month < 1 || month > 12) throw inputError('date', 'date must be YYYY-MM-DD', '日期须为 YYYY-MM-DD');
  return month <= 6 ? 'summer' : month <= 9 ? 'autumn' : 'winter';
}
