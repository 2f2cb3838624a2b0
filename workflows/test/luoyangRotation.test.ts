/** Luoyang town's inspection rotation (seed 001 附件2), read row by row from the seed. */
import { describe, expect, it } from 'vitest';
import { INSPECTION_GROUPS, ROTATION, SEASONS, VILLAGE_CLUSTERS, inspectorGroupFor, seasonOn } from '../src/index.js';

describe('Luoyang inspection rotation (seed 001 附件2)', () => {
  it.each([
    // 夏季: 第一组 洛东… (王小虎), 第二组 虞桥… (管国祥), 第三组 天井… (谈一平)
    ['洛东', 'summer', '王小虎'],
    ['虞桥', 'summer', '管国祥'],
    ['瞿家', 'summer', '谈一平'],
    // 秋季: 第一组 虞桥…, 第二组 天井…, 第三组 洛东…
    ['圻庄', 'autumn', '王小虎'],
    ['天井', 'autumn', '管国祥'],
    ['马鞍', 'autumn', '谈一平'],
    // 冬季: 第一组 天井…, 第二组 洛东…, 第三组 虞桥…
    ['民丰', 'winter', '王小虎'],
    ['岑村', 'winter', '管国祥'],
    ['友谊', 'winter', '谈一平'],
  ] as const)('%s in %s is inspected by %s', (village, season, leader) => {
    expect(inspectorGroupFor(village, season).leader).toBe(leader);
  });

  it('gives each group a different cluster every season, and every cluster to every group once a year', () => {
    for (const season of SEASONS) expect(new Set(Object.values(ROTATION[season])).size).toBe(3);
    for (const group of INSPECTION_GROUPS) expect(new Set(SEASONS.map((s) => ROTATION[s][group.id])).size).toBe(3);
    expect(Object.values(VILLAGE_CLUSTERS).flat()).toHaveLength(18);
  });

  it('states the deadline of the season (6月底前, 十一前, 元旦前) and the liaison departments', () => {
    expect(inspectorGroupFor('洛阳', 'summer', 2022)).toMatchObject({ dueBy: '2022-06-30', departments: ['农村工作局', '畜牧兽医站'] });
    expect(inspectorGroupFor('洛阳', 'autumn', 2022).dueBy).toBe('2022-09-30');
    expect(inspectorGroupFor('洛阳', 'winter', 2022).dueBy).toBe('2022-12-31');
    expect([seasonOn('2022-03-01'), seasonOn('2022-08-15'), seasonOn('2022-11-30')]).toEqual(['summer', 'autumn', 'winter']);
  });

  it('refuses a village that is not in Luoyang town, in both languages', () => {
    expect(() => inspectorGroupFor('北京', 'summer')).toThrow(/not a village of Luoyang town/);
    try {
      inspectorGroupFor('北京', 'summer');
    } catch (error) {
      expect((error as { messageZh: string }).messageZh).toContain('不是洛阳镇的行政村');
    }
    expect(() => inspectorGroupFor('洛东', 'spring' as never)).toThrow(/season must be/);
  });
});
