/**
 * From a certificate lifecycle case to the printable certificate and back: the widget's data from the
 * case context, and the public lookup: by the signed code a QR scan carries (code → number → case →
 * stored code compared) or by the certificate number a person types from the paper.
 */
import { isEngineError, type Engine, type InstanceRecord } from '@nongan/engine';
import type { CertificateData, VerificationResult } from '@nongan/react';
import { BASE_FORMS, instanceIdOfNumber, parseVerificationCode, type BatchContext } from '@nongan/workflows';

/** The certificate is a Chinese document: its unit is printed as the batch form names it (head → 头/只). */
export function unitName(unit: string): string {
  const options = BASE_FORMS.get('sic-batch')?.definition.fields.unit?.options ?? [];
  return options.find((o) => o.value === unit)?.label.zh ?? unit;
}

/** The certificate a batch case stores in its context (workflows' selfInspectToCertificate). */
type StoredCertificate = NonNullable<BatchContext['certificate']>;

function storedCertificate(instance: Pick<InstanceRecord, 'workflowId' | 'context'>): StoredCertificate | null {
  if (instance.workflowId !== 'selfInspectToCertificate') return null;
  const c = (instance.context as { certificate?: unknown } | null)?.certificate;
  if (typeof c !== 'object' || c === null) return null;
  const cert = c as Partial<StoredCertificate>;
  return typeof cert.number === 'string' && typeof cert.code === 'string' ? (cert as StoredCertificate) : null;
}

/** The certificate a case issued, as the widget shows it; null when the case has none. */
export function certificateOf(instance: Pick<InstanceRecord, 'workflowId' | 'context'>, verifyUrlFor: (code: string) => string): CertificateData | null {
  const c = storedCertificate(instance);
  if (!c) return null;
  return {
    number: c.number,
    productName: c.productName,
    quantity: { amount: c.quantity, unit: unitName(c.unit) },
    origin: c.origin,
    producer: { name: c.producerName, contact: c.contact },
    issuedOn: c.issuedOn,
    basis: [c.basis],
    signature: c.producerName,
    // Nothing extra is printed as text: the number is on the card, the signed code (national fields +
    // checksum) travels in the QR's verification address.
    verifyUrl: verifyUrlFor(c.code),
  };
}

/** States in which a certificate no longer stands (a fake or impersonated certificate was recorded). */
const WITHDRAWN_STATES = new Set(['creditRecorded']);

/**
 * Public verification of a scanned code or a typed certificate number. A code must parse, name a case
 * of ours and equal the code stored there; a number must name a case that issued that number.
 */
export async function lookupCertificate(engine: Engine, codeOrNumber: string, verifyUrlFor: (code: string) => string): Promise<VerificationResult> {
  const query = codeOrNumber.trim();
  const parsed = parseVerificationCode(query);
  const number = parsed.ok ? parsed.fields.number : query;
  const instanceId = instanceIdOfNumber(number);
  if (!instanceId) return { status: 'not-found' };
  let instance: InstanceRecord;
  try {
    instance = await engine.get(instanceId);
  } catch (error) {
    if (isEngineError(error) && error.code === 'not-found') return { status: 'not-found' };
    throw error;
  }
  const stored = storedCertificate(instance);
  const matches = stored !== null && (parsed.ok ? stored.code === query : stored.number === query);
  const certificate = matches ? certificateOf(instance, verifyUrlFor) : null;
  if (!certificate) return { status: 'not-found' };
  if (WITHDRAWN_STATES.has(instance.stateKey)) {
    const reason = (instance.context as { credit?: { note?: string } }).credit?.note;
    return { status: 'revoked', certificate, ...(reason ? { reason } : {}) };
  }
  return { status: 'valid', certificate };
}
