/**
 * A certificate's live standing (issue 14 item 3): what a signature cannot say, because it changes
 * after printing. The signature proves who issued what; the standing says whether it still holds:
 * revoked by an official (who, when, why), superseded by a re-signed printing, the case found fake,
 * the producer on the credit record or suspended or exited, the retention period over, or the
 * case's record altered since it was issued.
 */
import { isEngineError, type Engine, type InstanceRecord, type JournalEntry } from '@nongan/engine';
import { printedFields, regionProfile, STANDING_MESSAGES, type BatchContext, type CertificateStanding, type CertificateStatus, type PublicCertificate } from '@nongan/workflows';
import type { OrganisationStore } from '../directory/organisations.js';
import type { AccountStore } from '../identity/accounts.js';
import { CERTIFICATE_WORKFLOW, lastEntryOf, storedCertificateOf, type CertificateRegister } from './certificateRegister.js';

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
    const certificate: PublicCertificate = { ...printedFields(stored), electronic: stored.electronic, authority: signed.authority, authorityName: regionProfile(signed.authority).name };
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
    const certifications = await this.engine.query({ workflowId: 'certification', subject: instance.subject, limit: 20 });
    if (certifications.some((c) => c.stateKey === 'revoked')) return 'producer-exited';
    if (certifications.some((c) => c.stateKey === 'suspended' || c.stateKey === 'suspendedByWarning')) return 'producer-suspended';
    return null;
  }
}
