/**
 * A region profile: what makes Beijing, Jiyuan, Kaizhou, Inner Mongolia and Luoyang town differ
 * while running the same four machines — effective-dated parameters, which lifecycles run, the
 * region's names for roles and administrative levels, and dashboard targets. Plain JSON data.
 */
import type { LocalText } from '@nongan/engine';
import type { Role } from '../roles.js';

export const LIFECYCLE_IDS = ['qualificationReview', 'certification', 'warningToExit', 'selfInspectToCertificate'] as const;
export type LifecycleId = (typeof LIFECYCLE_IDS)[number];

export const REGION_IDS = ['beijing', 'jiyuan', 'kaizhou', 'inner-mongolia', 'luoyang'] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** Species of seed 002 §三(一) (scale standard) and the national 2025 thresholds. */
export const SPECIES = ['pig', 'dairyCattle', 'beefCattle', 'sheep', 'layer', 'broiler', 'duck', 'goose', 'otherPoultry'] as const;
export type Species = (typeof SPECIES)[number];

/** What people call each species (the forms' options, the rules' refusals), and the word heads are counted in. */
export const SPECIES_NAMES: Record<Species, { zh: string; en: string; unit: string }> = {
  pig: { zh: '生猪', en: 'Pigs', unit: '头' },
  dairyCattle: { zh: '奶牛', en: 'Dairy cattle', unit: '头' },
  beefCattle: { zh: '肉牛', en: 'Beef cattle', unit: '头' },
  sheep: { zh: '羊', en: 'Sheep and goats', unit: '只' },
  layer: { zh: '蛋鸡', en: 'Laying hens', unit: '只' },
  broiler: { zh: '肉鸡', en: 'Broilers', unit: '只' },
  duck: { zh: '鸭', en: 'Ducks', unit: '只' },
  goose: { zh: '鹅', en: 'Geese', unit: '只' },
  otherPoultry: { zh: '其他禽类', en: 'Other poultry', unit: '只' },
};

/** Any one satisfied makes the farm a scale farm: stock held, or head marketed a year. */
export interface ScaleThreshold {
  stock?: number;
  annualOutput?: number;
}

/** Subsidy classes of seed 002 §二(二)1, each with its cap and which count it is based on (§二(二)2). */
export const SUBSIDY_CLASSES = ['breedingSow', 'finishingPig', 'beefCattle', 'dairyCattle', 'sheep', 'layer', 'meatPoultry'] as const;
export type SubsidyClass = (typeof SUBSIDY_CLASSES)[number];

export interface SubsidyCap {
  /** Cap per counted head, in fen (1 CNY = 100 fen). */
  capFen: number;
  /** `quarantine`: the year's origin-quarantine count; `stock`: the stock count. */
  basis: 'quarantine' | 'stock';
}

export interface QualificationParameters {
  scaleThresholds: Record<Species, ScaleThreshold>;
  /** Stock from which a farm self-evaluates immunity (seed 002 §三(三)). */
  largeFarmStock: { pigs: number; cattle: number; sheep: number; poultry: number };
  minSamples: { poultry: number; livestock: number };
  passRatePercent: number;
  samplingSharePercent: number;
  resultsWorkingDays: number;
  claimNoticeWorkingDays: number;
  /** Application close date per year (`2024` → `2024-10-30`), else `MM-DD` of the same year. */
  applicationCloses: { byYear: Record<string, string>; default: string };
  /** Disbursement by this `MM-DD` of the year after the subsidy year. */
  paymentBy: string;
  /** The subsidy year starts on this `MM-DD` (seed 002 §二(三): 3月11日至下年度3月10日). */
  subsidyYearStarts: string;
  caps: Record<SubsidyClass, SubsidyCap>;
  budgetFen: number;
}

export interface CertificationParameters {
  passScore: number;
  reEvaluationYears: number;
  rectificationMonths: number;
  reapplicationBanYears: number;
}

export interface CertificateParameters {
  /** Short code used in certificate numbers (`KZ`, `NM`, `LY`). */
  regionCode: string;
  retentionMonths: number;
  /** Inner Mongolia: electronic certificate + producer traceability QR code (seed 004 §二(三)6). */
  electronic: boolean;
}

export interface ParameterValues {
  qualification?: QualificationParameters;
  certification?: CertificationParameters;
  certificate?: CertificateParameters;
}

/** One effective-dated version. Ids are `<region>@<effectiveFrom>`; a published version never changes. */
export interface ParameterVersion {
  id: string;
  effectiveFrom: string;
  /** Where the numbers come from (seed file and section, or the national rule). */
  source: string;
  values: ParameterValues;
}

export interface AdministrativeLevel {
  id: string;
  label: LocalText;
}

/** A dashboard target: `value` of `unit` for `metric`, optionally for one year or county class. */
export interface Target {
  metric: string;
  label: LocalText;
  value: number;
  unit: 'percent' | 'count' | 'per-1000-people';
  year?: number;
  countyClass?: 'safe' | 'other';
  source: string;
}

export interface RegionProfile {
  id: RegionId;
  name: LocalText;
  /** How the region's 受理编号 begin (`济源` → `济源-2026-000123`): short, as people write the place. */
  caseNumberPrefix: string;
  level: 'municipality' | 'city' | 'district' | 'province' | 'town';
  seed: string;
  lifecycles: LifecycleId[];
  roleLabels: Partial<Record<Role, LocalText>>;
  /** From the region down to the producer (Inner Mongolia: 苏木乡镇 → 嘎查村 → 生产主体). */
  adminLevels: AdministrativeLevel[];
  parameters: ParameterVersion[];
  targets: Target[];
}
