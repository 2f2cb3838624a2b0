/** Scale thresholds and large-farm classification (seed 002 §三(一), §三(三); national rule 2025-09-01). */
import type { QualificationParameters, ScaleThreshold, Species } from '../regions/types.js';
import { SPECIES } from '../regions/types.js';
import { assertCount, inputError } from './inputError.js';

export interface HerdCounts {
  /** Head held (存栏). */
  stock: number;
  /** Head marketed in a year (年出栏); 0 when unknown. */
  annualOutput?: number;
}

function assertSpecies(species: unknown): asserts species is Species {
  if (!(SPECIES as readonly string[]).includes(species as string)) {
    throw inputError('species', `unknown species ${String(species)}; known: ${SPECIES.join(', ')}`, `未知畜种 ${String(species)}；已知：${SPECIES.join('、')}`);
  }
}

/** Any one threshold satisfied makes a scale farm (seed 002 §三(一): "存栏…或年出栏…以上"). */
export function meetsScaleThreshold(species: Species, counts: HerdCounts, thresholds: Record<Species, ScaleThreshold>): boolean {
  assertSpecies(species);
  assertCount('stock', counts.stock);
  const output = counts.annualOutput ?? 0;
  assertCount('annualOutput', output);
  const t = thresholds[species];
  return (t.stock !== undefined && counts.stock >= t.stock) || (t.annualOutput !== undefined && output >= t.annualOutput);
}

export type LargeFarmGroup = keyof QualificationParameters['largeFarmStock'];

export function largeFarmGroupOf(species: Species): LargeFarmGroup {
  assertSpecies(species);
  if (species === 'pig') return 'pigs';
  if (species === 'dairyCattle' || species === 'beefCattle') return 'cattle';
  if (species === 'sheep') return 'sheep';
  return 'poultry';
}

/** Large farms self-evaluate immunity (seed 002 §三(三): 猪5000头、牛1000头、羊2000只、禽50000只以上, by stock). */
export function isLargeFarm(species: Species, stock: number, largeFarmStock: QualificationParameters['largeFarmStock']): boolean {
  assertCount('stock', stock);
  return stock >= largeFarmStock[largeFarmGroupOf(species)];
}

/** Minimum antibody samples per test for a large farm: poultry ≥30, livestock ≥20 (seed 002 §三(三)). */
export function minimumSamples(species: Species, minSamples: QualificationParameters['minSamples']): number {
  return largeFarmGroupOf(species) === 'poultry' ? minSamples.poultry : minSamples.livestock;
}
