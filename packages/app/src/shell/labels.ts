/** Region and role names as the region calls them (from the @nongan/workflows profiles). */
import { DEFAULT_ROLE_LABELS, REGION_PROFILES, isRegionId, isRole } from '@nongan/workflows';
import type { Locale } from './i18n.js';
import { local } from './i18n.js';

export function regionName(region: string, locale: Locale): string {
  return isRegionId(region) ? local(REGION_PROFILES[region].name, locale) : region;
}

export function roleName(role: string, region: string, locale: Locale): string {
  if (!isRole(role)) return role;
  const regional = isRegionId(region) ? REGION_PROFILES[region].roleLabels[role] : undefined;
  return local(regional ?? DEFAULT_ROLE_LABELS[role], locale);
}

/** Role names of a region for the widgets' provider (`district` → 防疫检疫科 in Jiyuan, …). */
export function roleLabelsOf(region: string | undefined): Record<string, { zh: string; en: string }> {
  const labels: Record<string, { zh: string; en: string }> = { ...DEFAULT_ROLE_LABELS };
  if (region && isRegionId(region)) Object.assign(labels, REGION_PROFILES[region].roleLabels);
  return labels;
}

/** Region names for the widgets' provider (a case shows 济源示范区, not `jiyuan`). */
export const REGION_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  Object.entries(REGION_PROFILES).map(([id, profile]) => [id, profile.name]),
);
