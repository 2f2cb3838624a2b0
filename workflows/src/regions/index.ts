/**
 * The five region profiles, validated once at load, and the lookups the machines and the app use:
 * a profile by id, the parameter version in force on a date, a version by its pinned id.
 */
import { EngineError, isChinaDate, toChinaDate, type LocalText } from '@nongan/engine';
import { beijing } from './beijing.js';
import { innerMongolia } from './innerMongolia.js';
import { jiyuan } from './jiyuan.js';
import { kaizhou } from './kaizhou.js';
import { luoyang } from './luoyang.js';
import { DEFAULT_ROLE_LABELS, isRole } from '../roles.js';
import { REGION_IDS, type LifecycleId, type ParameterVersion, type RegionId, type RegionProfile } from './types.js';
import { validateProfile } from './validateProfile.js';

export const REGION_PROFILES: Readonly<Record<RegionId, RegionProfile>> = Object.freeze({
  beijing: validateProfile(beijing),
  jiyuan: validateProfile(jiyuan),
  kaizhou: validateProfile(kaizhou),
  'inner-mongolia': validateProfile(innerMongolia),
  luoyang: validateProfile(luoyang),
});

const versionsById = new Map<string, ParameterVersion>(
  Object.values(REGION_PROFILES).flatMap((profile) => profile.parameters.map((v) => [v.id, v] as const)),
);

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && (REGION_IDS as readonly string[]).includes(value);
}

function unknownRegion(region: unknown): EngineError {
  return new EngineError(
    'invalid-input',
    { en: `unknown region ${String(region)}; known: ${REGION_IDS.join(', ')}`, zh: `未知地区 ${String(region)}；已知：${REGION_IDS.join('、')}` },
    { path: 'region', known: REGION_IDS },
  );
}

export function regionProfile(region: string): RegionProfile {
  if (!isRegionId(region)) throw unknownRegion(region);
  return REGION_PROFILES[region];
}

export function runsLifecycle(region: string, lifecycle: LifecycleId): boolean {
  return isRegionId(region) && REGION_PROFILES[region].lifecycles.includes(lifecycle);
}

/**
 * The parameter version in force on `at` (epoch ms or a China date): the latest one whose
 * effective date is on or before it. Throws when the region had no rules yet.
 */
export function parametersInForce(region: string, at: number | string): ParameterVersion {
  const profile = regionProfile(region);
  const date = typeof at === 'number' ? toChinaDate(at) : at;
  if (!isChinaDate(date)) {
    throw new EngineError('invalid-input', { en: `invalid date ${String(at)}`, zh: `日期无效：${String(at)}` }, { path: 'at' });
  }
  const version = [...profile.parameters].reverse().find((v) => v.effectiveFrom <= date);
  if (!version) {
    const first = profile.parameters[0]!.effectiveFrom;
    throw new EngineError(
      'invalid-input',
      { en: `${region} has no parameters in force on ${date} (first version from ${first})`, zh: `${region} 在 ${date} 尚无生效的参数（最早版本自 ${first} 起）` },
      { path: 'at', region, date },
    );
  }
  return version;
}

/** The region's name for a role (its profile's term, else the default of DOMAIN.md). */
export function roleLabel(region: string, role: string): LocalText {
  if (!isRole(role)) {
    throw new EngineError('invalid-input', { en: `unknown role ${String(role)}`, zh: `未知角色 ${String(role)}` }, { path: 'role' });
  }
  return regionProfile(region).roleLabels[role] ?? DEFAULT_ROLE_LABELS[role];
}

/** A version by the id an instance pinned (`jiyuan@2024-10-10`), or undefined. */
export function parameterVersion(id: string): ParameterVersion | undefined {
  return versionsById.get(id);
}

export { REGION_IDS, LIFECYCLE_IDS, SPECIES, SUBSIDY_CLASSES } from './types.js';
export type * from './types.js';
export { validateProfile } from './validateProfile.js';
export { RegionProfileError, type ProfileIssue } from './profileError.js';
