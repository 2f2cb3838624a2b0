/**
 * A certificate's live standing (issue 14 item 3): what a signature cannot say, because it changes
 * after printing. The signature proves who issued what; the standing says whether it still holds:
 * revoked by an official (who, when, why), superseded by a re-signed printing, the case found fake,
 * the producer on the credit record or suspended or exited, the retention period over, or the
 * case's record altered since it was issued.
 */
import { isEngineError, type Engine, type InstanceRecord, type JournalEntry, type LocalText } from '@nongan/engine';
import { regionProfile, type BatchContext } from '@nongan/workflows';
import type { OrganisationStore } from '../directory/organisations.js';
import type { AccountStore } from '../identity/accounts.js';
import { CERTIFICATE_WORKFLOW, lastEntryOf, storedCertificateOf, type CertificateRegister } from './certificateRegister.js';

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
export interface PublicCertificate {
  number: string;
  productName: string;
  quantity: number;
  unit: string;
  origin: string;
  producerName: string;
  contact: string;
  issuedOn: string;
  basis: string;
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

const standing = (status: CertificateStatus, rest: Omit<CertificateStanding, 'status' | 'message'> = {}): CertificateStanding => ({ status, message: STANDING_MESSAGES[status], ...rest });

export class CertificateStandings {
  constructor(
    private readonly engine: Engine,
    private readonly register: CertificateRegister,
    private readonly accounts: AccountStore,
    private readonly organisations: OrganisationStore,
  ) {}

  /** The standing of certificate `number`; `presentedToken` (from a scanned code) is checked against the one in force. */
  async of(number: string, presentedToken?: string): Promise<CertificateStanding> {
    const signed = await this.register.byNumber(number);
    if (!signed) return standing('not-found');
    let instance: InstanceRecord;
    try {
      instance = await this.engine.get(signed.instanceId);
    } catch (error) {
      if (isEngineError(error, 'not-found')) return standing('not-found');
      throw error;
    }
    const stored = storedCertificateOf(instance);
    if (!stored || stored.number !== number) return standing('record-altered');
    const certificate: PublicCertificate = {
      number: stored.number,
      productName: stored.productName,
      quantity: stored.quantity,
      unit: stored.unit,
      origin: stored.origin,
      producerName: stored.producerName,
      contact: stored.contact,
      issuedOn: stored.issuedOn,
      basis: stored.basis,
      electronic: stored.electronic,
      authority: signed.authority,
      authorityName: regionProfile(signed.authority).name,
    };
    if (!(await this.engine.verify(instance.id)).ok) return standing('record-altered', { certificate });
    if (instance.stateKey === 'creditRecorded') return standing('fake', { certificate });
    if (instance.stateKey === 'revoked') return standing('revoked', { certificate, revocation: await this.revocationOf(instance) });
    if (presentedToken !== undefined && presentedToken !== signed.token) return standing('superseded', { certificate });
    const producer = await this.producerStanding(instance);
    if (producer) return standing(producer, { certificate });
    return standing(instance.stateKey === 'archived' ? 'retention-ended' : 'valid', { certificate });
  }

  private async revocationOf(instance: InstanceRecord): Promise<CertificateStanding['revocation']> {
    const revocation = (instance.context as BatchContext).revocation;
    const entry: JournalEntry | undefined = lastEntryOf(await this.engine.history(instance.id), 'REVOKE_CERTIFICATE');
    const account = entry ? await this.accounts.get(entry.actor.id) : undefined;
    const organisation = account?.organisationId ? await this.organisations.get(account.organisationId) : undefined;
    return {
      on: revocation?.revokedOn ?? '',
      reason: revocation?.reason ?? '',
      by: account?.displayName ?? '',
      organisation: organisation?.name ?? null,
    };
  }

  /** The producer's other records: a fake certificate anywhere, or its certified status suspended or withdrawn (seed 001, seed 003 credit lists; seed 000 §七). */
  private async producerStanding(instance: InstanceRecord): Promise<CertificateStatus | null> {
    const [fake] = await this.engine.query({ workflowId: CERTIFICATE_WORKFLOW, subject: instance.subject, state: 'creditRecorded', limit: 1 });
    if (fake) return 'producer-blacklisted';
    const certifications = await this.engine.query({ workflowId: 'certification', subject: instance.subject, limit: 20 }).catch(() => []);
    if (certifications.some((c) => c.stateKey === 'revoked')) return 'producer-exited';
    if (certifications.some((c) => c.stateKey === 'suspended' || c.stateKey === 'suspendedByWarning')) return 'producer-suspended';
    return null;
  }
}
