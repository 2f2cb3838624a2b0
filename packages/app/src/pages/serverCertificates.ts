/**
 * Certificates when the portal runs on the server: the case page's QR carries the server-signed
 * verification address, and the public page verifies through `@nongan/client/certificates`
 * (signature on the device, live standing from the server) and says what it could and could not check.
 */
import { EngineError, type InstanceRecord } from '@nongan/engine';
import type { ServerConnection } from '@nongan/client';
import type { CertificateCheck } from '@nongan/client/certificates';
import type { CertificateData, VerificationResult } from '@nongan/react';
import { certificateQrText, certificateVerifyUrl, STANDING_MESSAGES, type CertificateContent, type PublicCertificate } from '@nongan/workflows';
import { certificateOf, unitName } from './certificates.js';

/** The QR is the address alone: any phone camera opens it, and the words 承诺达标合格证 are in it. */
function withSignedAddress(printed: CertificateData, pageBase: string, token: string): CertificateData {
  return { ...printed, verifyUrl: certificateVerifyUrl(pageBase, token), qrPayload: certificateQrText(pageBase, token) };
}

/** The case's certificate with the QR on the server-signed token (signed on first request). */
export async function signedCertificateOf(connection: ServerConnection, instance: InstanceRecord, pageBase: string): Promise<CertificateData | null> {
  const printed = certificateOf(instance, () => '');
  if (!printed) return null;
  const { token } = await connection.request<{ token: string }>('GET', `/api/cases/${encodeURIComponent(instance.id)}/certificate`);
  return withSignedAddress(printed, pageBase, token);
}

/** Many cases' certificates with their signed QR addresses, signed in bulk (a day's batches to print). */
export async function signedCertificatesOf(connection: ServerConnection, instances: readonly InstanceRecord[], pageBase: string): Promise<CertificateData[]> {
  const BATCH = 500;
  const out: CertificateData[] = [];
  for (let i = 0; i < instances.length; i += BATCH) {
    const chunk = instances.slice(i, i + BATCH);
    const signed = await connection.request<Array<{ instanceId: string; token: string }>>('POST', '/api/certificates/signed', { instanceIds: chunk.map((c) => c.id) });
    const tokens = new Map(signed.map((s) => [s.instanceId, s.token]));
    for (const instance of chunk) {
      const printed = certificateOf(instance, () => '');
      const token = tokens.get(instance.id);
      if (printed && token) out.push(withSignedAddress(printed, pageBase, token));
    }
  }
  return out;
}

function fromPublic(c: PublicCertificate, creditCode?: string): CertificateData {
  return {
    number: c.number,
    productName: c.productName,
    quantity: { amount: c.quantity, unit: unitName(c.unit) },
    origin: c.origin,
    producer: { name: c.producerName, contact: c.contact, ...(creditCode ? { creditCode } : {}) },
    issuedOn: c.issuedOn,
    basis: [c.basis],
  };
}

function fromContent(c: CertificateContent): CertificateData {
  return {
    number: c.no,
    productName: c.p,
    quantity: { amount: c.q, unit: unitName(c.u) },
    origin: c.o,
    producer: { name: c.m, contact: c.t, creditCode: c.s },
    issuedOn: c.d,
    basis: [c.b],
  };
}

const OFFLINE_NUMBER = new EngineError('unavailable', {
  zh: '当前离线：按编号查询需要联网；扫描合格证二维码可在本机核验签名',
  en: 'Offline: looking up a typed number needs the network; scanning the QR code checks the signature on this device',
});
const OFFLINE_NO_KEYS = new EngineError('unavailable', {
  zh: '当前离线，且本机尚未保存签发机构公钥：请联网后核验一次，之后离线也可核验',
  en: 'Offline, and this device has not kept the issuers’ keys yet: verify once online, then it works offline too',
});

/** What the verification widget shows for a check (throws when nothing could be checked: offline). */
export function verificationResultOf(check: CertificateCheck, formatDay: (at: number) => string, locale: 'zh-CN' | 'en' = 'zh-CN'): VerificationResult {
  if (check.input === 'unreadable') return { status: 'invalid-code' };
  const { standing } = check;
  const signature = check.signature === 'valid' ? ('verified' as const) : check.input === 'token' && check.signature !== 'no-keys' ? ('refused' as const) : undefined;
  const how = { ...(signature ? { signature } : {}), ...(check.keys ? { keysFetchedOn: formatDay(check.keys.fetchedAt) } : {}) };
  const certificate = standing?.certificate ? fromPublic(standing.certificate, check.content?.s) : check.content ? fromContent(check.content) : undefined;

  if (signature === 'refused') {
    if (standing?.status === 'superseded') return { status: 'superseded', ...(certificate ? { certificate } : {}), message: standing.message, ...how };
    return { status: check.signature === 'malformed' ? 'invalid-code' : 'mismatch', ...(check.signatureMessage ? { message: check.signatureMessage } : {}), ...how };
  }
  if (!standing) {
    if (check.input === 'number') throw OFFLINE_NUMBER;
    if (signature !== 'verified' || !certificate) throw OFFLINE_NO_KEYS;
    const offline = { offline: true, ...how, ...(check.listed ? { statusListOn: formatDay(Date.parse(check.listed.asOf)) } : {}) };
    switch (check.listed?.status) {
      case 'revoked':
        return { status: 'revoked', certificate, ...offline };
      case 'fake':
        return { status: 'fake', certificate, ...offline };
      case 'producer-blacklisted':
        return { status: 'producer-suspended', certificate, message: STANDING_MESSAGES['producer-blacklisted'], ...offline };
      default:
        return { status: 'valid', certificate, ...offline };
    }
  }
  const message = { message: standing.message };
  switch (standing.status) {
    case 'valid':
      return certificate ? { status: 'valid', certificate, ...how } : { status: 'not-found' };
    case 'retention-ended':
      return certificate ? { status: 'retention-ended', certificate, ...message, ...how } : { status: 'not-found' };
    case 'revoked': {
      const r = standing.revocation;
      const organisation = locale === 'en' ? r?.organisation?.en : r?.organisation?.zh;
      const by = organisation && r?.by ? `${organisation}（${r.by}）` : (organisation ?? r?.by ?? '');
      // The widget's own sentence says it is revoked; the details say by whom, when and why.
      return { status: 'revoked', ...(certificate ? { certificate } : {}), ...(r?.on ? { revokedOn: r.on } : {}), ...(r?.reason ? { reason: r.reason } : {}), ...(by ? { revokedBy: by } : {}), ...how };
    }
    case 'superseded':
      return { status: 'superseded', ...(certificate ? { certificate } : {}), ...message, ...how };
    case 'fake':
      return { status: 'fake', ...(certificate ? { certificate } : {}), ...how };
    case 'producer-blacklisted':
    case 'producer-suspended':
    case 'producer-exited':
      return { status: 'producer-suspended', ...(certificate ? { certificate } : {}), ...message, ...how };
    case 'record-altered':
      return { status: 'mismatch', ...message, ...how };
    case 'not-found':
      return { status: 'not-found', ...message, ...how };
  }
}
