/**
 * Chinese identifier formats for Ajv, each with its official checksum, plus `date` / `date-time` from
 * ajv-formats. A format check returns WHY a value is wrong (a bilingual reason) rather than a bare
 * boolean, so the validator can tell a user "check digit is wrong" instead of "does not match format".
 */
import type AjvCore from 'ajv/dist/core.js';
import addFormats from 'ajv-formats';
import type { LocalText } from '../definition/types.js';

export const CHINESE_FORMATS = ['cn-mobile', 'cn-resident-id', 'cn-uscc', 'cn-division'] as const;
export type ChineseFormat = (typeof CHINESE_FORMATS)[number];

/** The ajv-formats formats we enable. Others (email, uri…) are left out on purpose: unknown formats are refused. */
export const STANDARD_FORMATS = ['date', 'date-time'] as const;

/**
 * Province-level codes (GB/T 2260): 11–15 north, 21–23 north-east, 31–37 east, 41–46 central-south,
 * 50–54 south-west, 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function isProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

// --- 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check char ---

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 1..17. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check char indexed by (weighted sum mod 11): (12 - r) mod 11, where 10 is written X. */
const ID_CHECK_CHARS = '10X98765432';

/** The check character of a resident ID given its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** A real calendar date between 1800-01-01 and today (one day of slack for time zones). */
function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= now.getTime() + 86_400_000;
}

// --- 统一社会信用代码 (GB 32100-2015): 18 chars from 31 symbols, last one a mod-31 check char ---

/** The code's alphabet: digits and capital letters without I, O, Z, S, V (easily confused). Value = index. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i) mod 31 for positions 1..17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of a USCC given its first 17 characters: 31 - (Σ value·weight mod 31), 31 → 0. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
}

// --- Reasons (bilingual). Each reads after the field label: "身份证号码：校验位不正确". ---

const REASONS = {
  mobile: {
    zh: '应为 11 位手机号码，以 13–19 开头',
    en: 'must be an 11-digit mobile number starting with 13–19',
  },
  idShape: {
    zh: '应为 18 位身份证号码：前 17 位为数字，末位为数字或大写 X',
    en: 'must be an 18-character resident ID: 17 digits, then a digit or capital X',
  },
  idRegion: { zh: '地区码（前 6 位）无效', en: 'the region code (first 6 digits) is not valid' },
  idBirth: { zh: '出生日期（第 7–14 位）无效', en: 'the birth date (digits 7–14) is not a valid date' },
  idCheck: { zh: '校验位（最后一位）不正确，请核对', en: 'the check digit (the last one) is wrong; please check' },
  usccShape: {
    zh: '应为 18 位统一社会信用代码（数字或大写字母，不含 I、O、Z、S、V）',
    en: 'must be an 18-character unified social credit code (digits or capital letters, no I, O, Z, S, V)',
  },
  usccDivision: {
    zh: '第 3–8 位应为行政区划代码（数字）',
    en: 'characters 3–8 must be a division code (digits)',
  },
  usccCheck: { zh: '校验码（最后一位）不正确，请核对', en: 'the check character (the last one) is wrong; please check' },
  divisionShape: {
    zh: '行政区划代码应为 6 位（县级）、9 位（乡级）或 12 位（村级）数字',
    en: 'division code must be 6 (county), 9 (township) or 12 (village) digits',
  },
  divisionProvince: {
    zh: '行政区划代码的省级代码无效',
    en: 'division code does not start with a valid province code',
  },
  date: { zh: '应为有效日期（YYYY-MM-DD）', en: 'must be a valid date (YYYY-MM-DD)' },
  dateTime: {
    zh: '应为有效的日期时间（如 2024-05-01T08:30:00+08:00）',
    en: 'must be a valid date-time (e.g. 2024-05-01T08:30:00+08:00)',
  },
} satisfies Record<string, LocalText>;

type Check = (value: string, now: Date) => LocalText | null;

const CHECKS: Record<ChineseFormat, Check> = {
  'cn-mobile': (v) => (/^1[3-9]\d{9}$/.test(v) ? null : REASONS.mobile),

  'cn-resident-id': (v, now) => {
    if (!/^\d{17}[\dX]$/.test(v)) return REASONS.idShape;
    if (!isProvinceCode(v.slice(0, 2))) return REASONS.idRegion;
    if (!isPlausibleBirthDate(v.slice(6, 14), now)) return REASONS.idBirth;
    return residentIdCheckChar(v) === v.charAt(17) ? null : REASONS.idCheck;
  },

  'cn-uscc': (v) => {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return REASONS.usccShape;
    // Characters 3–8 are the registering authority's division code; the first two are not checked
    // against provinces because central registrations use codes such as 100000.
    if (!/^\d{6}$/.test(v.slice(2, 8))) return REASONS.usccDivision;
    return usccCheckChar(v) === v.charAt(17) ? null : REASONS.usccCheck;
  },

  'cn-division': (v) => {
    if (!/^(?:\d{6}|\d{9}|\d{12})$/.test(v)) return REASONS.divisionShape;
    return isProvinceCode(v.slice(0, 2)) ? null : REASONS.divisionProvince;
  },
};

function isChineseFormat(format: string): format is ChineseFormat {
  return (CHINESE_FORMATS as readonly string[]).includes(format);
}

/** Why `value` fails a Chinese format, or null when it passes. `now` bounds birth dates (tests pin it). */
export function checkChineseFormat(format: ChineseFormat, value: string, now: Date = new Date()): LocalText | null {
  return CHECKS[format](value, now);
}

/**
 * The bilingual reason a value failed `format`, for issue messages; null for formats we have no text for
 * (the caller falls back to ajv-i18n's generic message).
 */
export function explainFormat(format: string, value: unknown): LocalText | null {
  if (format === 'date') return REASONS.date;
  if (format === 'date-time') return REASONS.dateTime;
  if (!isChineseFormat(format)) return null;
  if (typeof value !== 'string') return null;
  return checkChineseFormat(format, value);
}

/** Registers cn-mobile, cn-resident-id, cn-uscc, cn-division, date and date-time on `ajv`. */
export function addChineseFormats<A extends AjvCore>(ajv: A): A {
  for (const format of CHINESE_FORMATS) {
    ajv.addFormat(format, { type: 'string', validate: (value: string) => CHECKS[format](value, new Date()) === null });
  }
  // ajv-formats is typed against the default Ajv class; every Ajv class shares the format API it uses.
  addFormats(ajv as unknown as Parameters<typeof addFormats>[0], [...STANDARD_FORMATS]);
  return ajv;
}
