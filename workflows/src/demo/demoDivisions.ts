/**
 * Where the demo farms are: each demo subject sits in one of its region's demo townships, chosen
 * from its id so every run (and every device) places it the same way.
 */
import { REGION_DIVISIONS } from '../regions/divisions.js';
import type { RegionId } from '../regions/types.js';

export function demoDivisionOf(region: RegionId, subject: string): string {
  const townships = REGION_DIVISIONS[region].townships;
  let hash = 0;
  for (const ch of subject) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return townships[hash % townships.length]!.code;
}
