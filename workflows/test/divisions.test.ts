/** Each region's division root and demo townships are real codes of the bundled GB/T 2260 data, with its names. */
import { describe, expect, it } from 'vitest';
import { divisionPath, loadDivisions } from '@nongan/forms';
import { REGION_DIVISIONS, REGION_IDS, divisionInRegion } from '../src/index.js';

describe('region divisions', () => {
  it('names real divisions, and every township lies inside its region', async () => {
    const tree = await loadDivisions('township');
    for (const region of REGION_IDS) {
      const { code, townships } = REGION_DIVISIONS[region];
      expect(divisionPath(tree, code).length, `${region} root ${code}`).toBeGreaterThan(0);
      expect(townships.length).toBeGreaterThan(0);
      for (const township of townships) {
        expect(township.code).toMatch(/^\d{9}$/);
        expect(divisionInRegion(region, township.code)).toBe(true);
        expect(divisionPath(tree, township.code).at(-1)?.name, township.code).toBe(township.name.zh);
      }
    }
  });

  it('keeps a township of one region out of the others', () => {
    expect(divisionInRegion('jiyuan', '419001103')).toBe(true);
    expect(divisionInRegion('kaizhou', '419001103')).toBe(false);
    expect(divisionInRegion('beijing', '110112106')).toBe(true);
  });
});
