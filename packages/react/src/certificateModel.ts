/**
 * The 承诺达标合格证 (commitment compliance certificate) as data: the national fields (rules of
 * 2019/2020 and Ministry order 2025 No. 4, see DOMAIN.md "Facts from outside the seeds"), checked
 * before anything is printed, and the QR payload, which carries the words 承诺达标合格证 as the rules
 * require for an electronic certificate.
 */
import type { LocalText } from './text.js';

export type CertificateBasis = 'quality-control' | 'self-tested' | 'commissioned-test';

export interface CertificateData {
  /** Certificate number, unique (one certificate per batch or per vehicle). */
  number: string;
  productName: string;
  /** Quantity or weight with its unit, e.g. `{ amount: 500, unit: '千克' }`. */
  quantity: { amount: number; unit: string };
  /** Place of origin (administrative division name, optionally the village). */
  origin: string;
  producer: { name: string; contact: string; creditCode?: string };
  /** China date of issue, YYYY-MM-DD. */
  issuedOn: string;
  /** What the commitment rests on (one or more). */
  basis: readonly CertificateBasis[];
  /** Signature text (typed name) or a seal/signature image as a data: URL; absent: a line to sign on paper. */
  signature?: string;
  /** Public verification code, printed under the QR code. */
  verificationCode?: string;
  /** Address of the public verification page for this certificate (the QR opens it). */
  verifyUrl?: string;
  /**
   * What the QR code encodes, when the certificate lifecycle defines its own code (e.g. a signed
   * payload); it must contain 承诺达标合格证. Default: `certificateQrPayload(certificate)`.
   */
  qrPayload?: string;
  /** Producer's traceability code (Inner Mongolia: 主体追溯二维码), shown when present. */
  traceCode?: string;
}

const t = (zh: string, en: string): LocalText => ({ zh, en });

export const CERTIFICATE_TITLE = '承诺达标合格证';

/** The four commitments printed on every certificate (national template). */
export const commitments: readonly LocalText[] = [
  t('不使用禁用农药兽药、停用兽药和非法添加物', 'contain no banned pesticides or veterinary drugs, withdrawn veterinary drugs or illegal additives;'),
  t('遵守农药安全间隔期、兽药休药期规定', 'were produced respecting pesticide safety intervals and veterinary drug withdrawal periods;'),
  t('常规农药兽药残留不超标', 'have routine pesticide and veterinary drug residues within the national standard;'),
  t('对承诺的真实性负责', 'and I answer for the truth of this commitment.'),
];

export const basisLabels: Readonly<Record<CertificateBasis, LocalText>> = {
  'quality-control': t('质量安全控制符合要求', 'Quality-safety controls meet requirements'),
  'self-tested': t('自行检测合格', 'Self-tested: compliant'),
  'commissioned-test': t('委托检测合格', 'Commissioned test: compliant'),
};

export interface CertificateProblem {
  path: string;
  message: string;
  messageZh: string;
}

const nonBlank = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Every problem of a certificate, so a broken one is shown as its list of problems, never half-printed. */
export function checkCertificate(value: unknown): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  const add = (path: string, en: string, zh: string) => problems.push({ path, message: en, messageZh: zh });
  if (typeof value !== 'object' || value === null) {
    add('', 'certificate must be an object', '合格证数据必须是对象');
    return problems;
  }
  const c = value as Partial<CertificateData>;
  const text: Array<[keyof CertificateData, string, string]> = [
    ['number', 'certificate number', '合格证编号'],
    ['productName', 'product name', '产品名称'],
    ['origin', 'place of origin', '产地'],
  ];
  for (const [key, en, zh] of text) if (!nonBlank(c[key])) add(`/${key}`, `${en} is required`, `缺少${zh}`);
  if (!c.quantity || typeof c.quantity.amount !== 'number' || !(c.quantity.amount > 0) || !nonBlank(c.quantity.unit)) {
    add('/quantity', 'quantity needs a positive amount and a unit', '数量（重量）须为正数并注明单位');
  }
  if (!c.producer || !nonBlank(c.producer.name)) add('/producer/name', 'producer name is required', '缺少生产者名称');
  if (!c.producer || !nonBlank(c.producer.contact)) add('/producer/contact', 'producer contact is required', '缺少联系方式');
  if (typeof c.issuedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.issuedOn) || Number.isNaN(Date.parse(`${c.issuedOn}T00:00:00Z`))) {
    add('/issuedOn', 'date of issue must be YYYY-MM-DD', '开具日期须为 YYYY-MM-DD');
  }
  if (!Array.isArray(c.basis) || c.basis.length === 0 || c.basis.some((b) => !(b in basisLabels))) {
    add('/basis', `basis must list one or more of ${Object.keys(basisLabels).join(', ')}`, '承诺依据须为“质量安全控制符合要求 / 自行检测合格 / 委托检测合格”之一或多项');
  }
  if (c.verifyUrl !== undefined && !/^https?:\/\//.test(c.verifyUrl)) add('/verifyUrl', 'verifyUrl must be an http(s) address', '核验地址须为 http(s) 网址');
  for (const key of ['signature', 'verificationCode'] as const) {
    if (c[key] !== undefined && typeof c[key] !== 'string') add(`/${key}`, `${key} must be text`, `${key} 须为文本`);
  }
  if (c.qrPayload !== undefined && (typeof c.qrPayload !== 'string' || !c.qrPayload.includes(CERTIFICATE_TITLE))) {
    add('/qrPayload', `the QR payload must carry the words ${CERTIFICATE_TITLE}`, `二维码内容须含“${CERTIFICATE_TITLE}”字样`);
  }
  return problems;
}

/**
 * What the QR code encodes: the words 承诺达标合格证, the number and the verification code, then the
 * verification address on its own line (scanners open a link found in the text).
 */
export function certificateQrPayload(c: Pick<CertificateData, 'number' | 'verificationCode' | 'verifyUrl' | 'qrPayload'>): string {
  if (c.qrPayload) return c.qrPayload;
  const lines = [CERTIFICATE_TITLE, `编号:${c.number}`];
  if (c.verificationCode) lines.push(`核验码:${c.verificationCode}`);
  if (c.verifyUrl) lines.push(c.verifyUrl);
  return lines.join('\n');
}

/**
 * Outcome of a public verification lookup, as the host's lookup function answers it. `fake`: found to
 * be impersonated or falsely qualified (credit record); `mismatch` / `invalid-code`: a scanned code that
 * does not match the register or fails its own check (possibly forged). `message` is the register's
 * own wording, shown under the widget's.
 */
export type VerificationResult = (
  | { status: 'valid' | 'retention-ended'; certificate: CertificateData }
  | { status: 'revoked' | 'fake'; certificate?: CertificateData; revokedOn?: string; reason?: string; revokedBy?: string }
  | { status: 'superseded' | 'producer-suspended'; certificate?: CertificateData }
  | { status: 'not-found' | 'mismatch' | 'invalid-code' }
) & {
  message?: LocalText;
  /**
   * How the answer was reached, when the host checks signatures: `signature` says the certificate's
   * signature was checked on this device with the issuers' published keys; `offline` that the live
   * status (revocation and the like) could not be asked, so the answer rests on the signature alone;
   * `keysFetchedOn` when the keys used were last fetched.
   */
  signature?: 'verified' | 'refused';
  offline?: boolean;
  keysFetchedOn?: string;
  /** Offline: the answer also rests on the issuer's signed status list of this date, kept on the device. */
  statusListOn?: string;
};

export const VERIFICATION_STATUSES = ['valid', 'retention-ended', 'revoked', 'superseded', 'producer-suspended', 'fake', 'not-found', 'mismatch', 'invalid-code'] as const;

export type CertificateLookup = (code: string) => Promise<VerificationResult>;

/** A code as typed or scanned: trimmed, and taken from a scanned QR payload when one is pasted whole. */
export function normalizeVerificationCode(input: string): string {
  const fromPayload = /核验码:(\S+)/.exec(input);
  return (fromPayload?.[1] ?? input).trim();
}
