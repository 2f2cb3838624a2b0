/** The checks every division a person enters must pass: a GB/T 2260 code of a known level, inside the region. */
import { DIVISION_LEVEL_LENGTHS } from '@nongan/engine';
import { REGION_DIVISIONS, divisionInRegion, isRegionId } from '@nongan/workflows';
import { apiError } from '../http/errors.js';

export function checkDivision(division: string, path: string): void {
  if (!/^\d+$/.test(division) || !(DIVISION_LEVEL_LENGTHS as readonly number[]).includes(division.length)) {
    throw apiError(
      'invalid-input',
      `${path}: a division code has ${DIVISION_LEVEL_LENGTHS.join(', ')} digits (province to village), got "${division}"`,
      `${path}：行政区划代码应为 ${DIVISION_LEVEL_LENGTHS.join('、')} 位数字（省至村），实际为 "${division}"`,
      { path },
    );
  }
}

export function checkDivisionInRegion(region: string, division: string, path: string): void {
  if (!isRegionId(region)) throw apiError('invalid-input', `unknown region ${region}`, `未知地区 ${region}`, { path: 'region' });
  checkDivision(division, path);
  if (!divisionInRegion(region, division)) {
    const root = REGION_DIVISIONS[region];
    throw apiError(
      'invalid-input',
      `${path}: division ${division} is outside ${root.name.en} (${root.code})`,
      `${path}：区划 ${division} 不在${root.name.zh}（${root.code}）范围内`,
      { path, region, regionDivision: root.code },
    );
  }
}
