/**
 * Certificate numbers and the verification code (QR payload) of a 承诺达标合格证.
 *
 * The number embeds the case id (`HGZ-<region code>-<YYYYMMDD>-<instance id>`); the store keys cases
 * by id, so two certificates can never share a number. The QR payload carries the national fields
 * (DOMAIN.md §Facts: number, product, quantity, origin, producer and contact, date of issue, the
 * basis of the commitment) and the words 承诺达标合格证, with a checksum that catches mistyped or
 * altered codes (integrity, not secrecy: the public verify page compares with the stored case).
 */
import { inputError } from '../calc/inputError.js';

export const CERTIFICATE_TITLE = '承诺达标合格证';
const PREFIX = 'HGZ';

/** seed 003 §(十三), national rules: the three bases of the commitment. */
export const COMMITMENT_BASES = ['quality-control', 'self-tested', 'commissioned-test'] as const;
export type CommitmentBasis = (typeof COMMITMENT_BASES)[number];

export const COMMITMENT_TEXT = {
  zh: '我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物；常规农药兽药残留不超标；对承诺的真实性负责。',
  en: 'I commit that this produce contains no banned pesticides, veterinary drugs or illegal additives, that withdrawal periods were respected, that routine residues are within the national standard, and I answer for the truth of this certificate.',
} as const;

export interface CertificateFields {
  number: string;
  productName: string;
  quantity: number;
  unit: string;
  origin: string;
  producerName: string;
  contact: string;
  issuedOn: string;
  basis: CommitmentBasis;
}

/** The fields a certificate prints, in order: what public answers show of it. */
export const CERTIFICATE_FIELDS: ReadonlyArray<keyof CertificateFields> = ['number', 'productName', 'quantity', 'unit', 'origin', 'producerName', 'contact', 'issuedOn', 'basis'];

/** Just the printed fields of `certificate` (a stored certificate carries more). */
export function printedFields(certificate: CertificateFields): CertificateFields {
  return Object.fromEntries(CERTIFICATE_FIELDS.map((key) => [key, certificate[key]])) as unknown as CertificateFields;
}

export function certificateNumber(regionCode: string, issuedOn: string, instanceId: string): string {
  if (!/^[A-Z]{2,4}$/.test(regionCode)) throw inputError('regionCode', 'region code must be 2–4 capital letters', '地区代码须为 2–4 个大写字母');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) throw inputError('issuedOn', 'issue date must be YYYY-MM-DD', '开具日期须为 YYYY-MM-DD');
  if (typeof instanceId !== 'string' || instanceId === '') throw inputError('instanceId', 'a case id is needed', '缺少案件编号');
  return `${PREFIX}-${regionCode}-${issuedOn.replaceAll('-', '')}-${instanceId}`;
}

/** The case id inside a certificate number, or null when it is not one of ours. */
export function instanceIdOfNumber(number: string): string | null {
  const match = /^HGZ-[A-Z]{2,4}-\d{8}-(.+)$/.exec(typeof number === 'string' ? number.trim() : '');
  return match ? match[1]! : null;
}

/** FNV-1a (32 bit) over UTF-16 code units, as 8 hex digits. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const KEYS: Array<[keyof CertificateFields, string]> = [
  ['number', 'no'],
  ['productName', 'p'],
  ['quantity', 'q'],
  ['unit', 'u'],
  ['origin', 'o'],
  ['producerName', 'm'],
  ['contact', 't'],
  ['issuedOn', 'd'],
  ['basis', 'b'],
];

/** The QR payload: `承诺达标合格证|v1|no=…|p=…|…|c=<checksum>`, values percent-encoded. */
export function verificationCode(fields: CertificateFields): string {
  const body = [CERTIFICATE_TITLE, 'v1', ...KEYS.map(([key, short]) => `${short}=${encodeURIComponent(String(fields[key]))}`)].join('|');
  return `${body}|c=${checksum(body)}`;
}

export type ParsedCode = { ok: true; fields: CertificateFields } | { ok: false; reason: 'not-a-certificate' | 'checksum' | 'malformed' };

export function parseVerificationCode(code: string): ParsedCode {
  if (typeof code !== 'string' || !code.startsWith(`${CERTIFICATE_TITLE}|v1|`)) return { ok: false, reason: 'not-a-certificate' };
  const at = code.lastIndexOf('|c=');
  if (at < 0 || checksum(code.slice(0, at)) !== code.slice(at + 3)) return { ok: false, reason: 'checksum' };
  const values = new Map<string, string>();
  for (const part of code.slice(0, at).split('|').slice(2)) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'malformed' };
    try {
      values.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1)));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  }
  const get = (short: string) => values.get(short);
  if (KEYS.some(([, short]) => get(short) === undefined)) return { ok: false, reason: 'malformed' };
  const quantity = Number(get('q'));
  const basis = get('b') as CommitmentBasis;
  if (!Number.isFinite(quantity) || !COMMITMENT_BASES.includes(basis)) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    fields: {
      number: get('no')!,
      productName: get('p')!,
      quantity,
      unit: get('u')!,
      origin: get('o')!,
      producerName: get('m')!,
      contact: get('t')!,
      issuedOn: get('d')!,
      basis,
    },
  };
}
