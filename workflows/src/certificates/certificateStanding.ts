/**
 * The words for a certificate's live standing (issue 14), shared by the server that decides it and
 * every client that shows it: what a signature cannot say, because it changes after printing.
 */
import type { LocalText } from '@nongan/engine';
import type { CertificateFields } from './certificateCode.js';

export type CertificateStatus =
  | 'valid'
  | 'retention-ended'
  | 'revoked'
  | 'superseded'
  | 'fake'
  | 'producer-blacklisted'
  | 'producer-suspended'
  | 'producer-exited'
  | 'record-altered'
  | 'not-found';

export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['valid', 'retention-ended', 'revoked', 'superseded', 'fake', 'producer-blacklisted', 'producer-suspended', 'producer-exited', 'record-altered', 'not-found'];

export const STANDING_MESSAGES: Record<CertificateStatus, LocalText> = {
  valid: { zh: '合格证真实有效', en: 'The certificate is genuine and in force' },
  'retention-ended': { zh: '合格证真实，留存期已满，本批记录已归档', en: 'The certificate is genuine; its retention period is over and the batch is archived' },
  revoked: { zh: '该合格证已被监管部门撤销', en: 'This certificate was revoked by the regulator' },
  superseded: { zh: '该合格证已重新签发，此份已作废，请以新证为准', en: 'This printing was replaced by a newly signed certificate and no longer counts' },
  fake: { zh: '该合格证已被认定为冒名开具或虚假合格，已记入信用档案', en: 'This certificate was found fake or impersonated and is on the credit record' },
  'producer-blacklisted': { zh: '开具主体已因虚假合格证记入信用档案，请谨慎采信', en: 'The producer is on the credit record for a false certificate; treat with care' },
  'producer-suspended': { zh: '开具主体的达标资格已暂停', en: 'The producer’s certified status is suspended' },
  'producer-exited': { zh: '开具主体已被取消达标资格', en: 'The producer’s certified status was withdrawn' },
  'record-altered': { zh: '该合格证的登记记录校验失败，请联系监管部门', en: 'The record behind this certificate fails its integrity check; contact the regulator' },
  'not-found': { zh: '未查询到该合格证', en: 'No such certificate' },
};

/** What the public may see of a certificate: its printed fields and who issued it, never ids. */
export interface PublicCertificate extends CertificateFields {
  electronic: boolean;
  authority: string;
  authorityName: LocalText;
}

export interface CertificateStanding {
  status: CertificateStatus;
  message: LocalText;
  certificate?: PublicCertificate;
  revocation?: { on: string; reason: string; by: string; organisation: LocalText | null };
}

/** What a public check found, as the regulators' dashboard names it: a standing, or why a code's signature failed. */
export const CHECK_OUTCOME_LABELS: Record<string, LocalText> = {
  valid: { zh: '真实有效', en: 'Genuine' },
  'retention-ended': { zh: '真实（留存期满）', en: 'Genuine (retention over)' },
  revoked: { zh: '已撤销的合格证', en: 'Revoked certificate' },
  superseded: { zh: '已作废的旧版合格证', en: 'Superseded printing' },
  fake: { zh: '已认定虚假的合格证', en: 'Certificate found fake' },
  'producer-blacklisted': { zh: '开具主体在信用黑名单', en: 'Producer on the credit record' },
  'producer-suspended': { zh: '开具主体资格暂停', en: 'Producer suspended' },
  'producer-exited': { zh: '开具主体已退出', en: 'Producer exited' },
  'record-altered': { zh: '登记记录校验失败', en: 'Record fails its check' },
  'not-found': { zh: '查无此证', en: 'No such certificate' },
  malformed: { zh: '无法识别的码', en: 'Unreadable code' },
  'unknown-key': { zh: '未公布的签名密钥（疑似伪造）', en: 'Unpublished signing key (likely forged)' },
  'wrong-authority': { zh: '冒用其他机构的密钥（疑似伪造）', en: 'Another authority\'s key (likely forged)' },
  'bad-signature': { zh: '签名不符（疑似伪造或篡改）', en: 'Signature mismatch (forged or altered)' },
  'key-revoked': { zh: '以已吊销密钥签发', en: 'Signed with a revoked key' },
  'outside-key-validity': { zh: '超出密钥有效期', en: 'Outside the key\'s validity' },
};

/** Outcomes that are not a genuine certificate in force: what the dashboard lists one by one. */
export const PROBLEM_OUTCOMES: readonly string[] = Object.keys(CHECK_OUTCOME_LABELS).filter((o) => o !== 'valid' && o !== 'retention-ended');
