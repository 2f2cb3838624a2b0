/**
 * Public, read-only verification of a 承诺达标合格证 by its number or its QR code. Nothing is written;
 * only the certificate's public fields are returned. A code whose fields differ from the stored
 * certificate is reported as `mismatch` (an altered or forged code).
 */
import { isEngineError, type Engine } from '@nongan/engine';
import type { BatchContext } from '../lifecycles/selfInspectToCertificate.machine.js';
import { CERTIFICATE_FIELDS, COMMITMENT_TEXT, instanceIdOfNumber, parseVerificationCode, printedFields, type CertificateFields } from './certificateCode.js';

export type VerificationStatus =
  /** Issued and in good standing (also after its retention period). */
  | 'valid'
  /** Recorded as impersonated or falsely qualified (credit black list). */
  | 'fake'
  | 'not-found'
  | 'invalid-code'
  | 'mismatch';

export interface VerificationResult {
  status: VerificationStatus;
  message: { zh: string; en: string };
  certificate?: CertificateFields & { region: string; electronic: boolean; commitment: typeof COMMITMENT_TEXT };
}

const MESSAGES: Record<VerificationStatus, { zh: string; en: string }> = {
  valid: { zh: '合格证真实有效', en: 'The certificate is genuine' },
  fake: { zh: '该合格证已被认定为冒名开具或虚假合格，已记入信用档案', en: 'This certificate was found fake or impersonated and is on the credit record' },
  'not-found': { zh: '未查询到该合格证', en: 'No such certificate' },
  'invalid-code': { zh: '不是有效的合格证二维码（校验失败）', en: 'Not a valid certificate code (checksum failed)' },
  mismatch: { zh: '二维码内容与登记的合格证不一致，疑似伪造', en: 'The code does not match the registered certificate: possibly forged' },
};

const result = (status: VerificationStatus, certificate?: VerificationResult['certificate']): VerificationResult => ({
  status,
  message: MESSAGES[status],
  ...(certificate ? { certificate } : {}),
});


/** `query` is a certificate number (`HGZ-…`) or the full QR payload (`承诺达标合格证|v1|…`). */
export async function verifyCertificate(engine: Pick<Engine, 'get'>, query: string): Promise<VerificationResult> {
  if (typeof query !== 'string' || query.trim() === '') return result('not-found');
  let fromCode: CertificateFields | undefined;
  let number = query.trim();
  if (number.startsWith('承诺达标合格证')) {
    const parsed = parseVerificationCode(number);
    if (!parsed.ok) return result('invalid-code');
    fromCode = parsed.fields;
    number = parsed.fields.number;
  }
  const instanceId = instanceIdOfNumber(number);
  if (!instanceId) return fromCode ? result('invalid-code') : result('not-found');
  let record;
  try {
    record = await engine.get(instanceId);
  } catch (error) {
    if (isEngineError(error) && (error.code === 'not-found' || error.code === 'invalid-input')) return result('not-found');
    throw error;
  }
  const certificate = record.workflowId === 'selfInspectToCertificate' ? (record.context as BatchContext).certificate : null;
  if (!certificate || certificate.number !== number) return result('not-found');
  if (fromCode && CERTIFICATE_FIELDS.some((key) => fromCode[key] !== certificate[key])) return result('mismatch');
  const publicView = {
    ...printedFields(certificate),
    region: record.region,
    electronic: certificate.electronic,
    commitment: COMMITMENT_TEXT,
  } as NonNullable<VerificationResult['certificate']>;
  return result(record.stateKey === 'creditRecorded' ? 'fake' : 'valid', publicView);
}
