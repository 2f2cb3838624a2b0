/**
 * Each authority's signed status list (issue 14 item 4): its revoked and fake certificates and the
 * producers on the credit record, signed with its current key, so verifiers can keep it for offline
 * checks. Made fresh on every request (two indexed queries and one signature); proxies may keep it
 * for STATUS_LIST_MAX_AGE_MS, and verifiers keep theirs longer.
 */
import type { Engine, InstanceRecord } from '@nongan/engine';
import { signStatusList, type StatusListContent } from '@nongan/workflows';
import type { SubjectRegistry } from '../directory/subjects.js';
import type { CertificateKeyRing } from './certificateKeyRing.js';
import { CERTIFICATE_WORKFLOW, storedCertificateOf } from './certificateRegister.js';

/** How long proxies may serve a list before asking again. */
export const STATUS_LIST_MAX_AGE_MS = 60_000;
/** Cases read per state; an authority with more revocations than this needs paging here. */
const MAX_LISTED = 100_000;

export class StatusLists {
  constructor(
    private readonly engine: Engine,
    private readonly subjects: SubjectRegistry,
    private readonly keys: CertificateKeyRing,
    private readonly now: () => number = Date.now,
  ) {}

  async of(authority: string): Promise<{ token: string; madeAt: number }> {
    const { kid, privateKey } = await this.keys.signingKey(authority);
    const inState = (state: string) => this.engine.query({ workflowId: CERTIFICATE_WORKFLOW, region: authority, state, limit: MAX_LISTED });
    const numbers = (cases: InstanceRecord[]) => cases.map((c) => storedCertificateOf(c)?.number).filter((n): n is string => n !== undefined).sort();
    const [revoked, fake] = await Promise.all([inState('revoked'), inState('creditRecorded')]);
    const producers = [...new Set(fake.map((c) => c.subject))];
    const codes = (await Promise.all(producers.map(async (s) => (await this.subjects.get(s))?.uscc ?? s))).sort();
    const at = this.now();
    const content: StatusListContent = { v: 1, k: kid, a: authority, at: new Date(at).toISOString(), r: numbers(revoked), f: numbers(fake), b: codes };
    const token = await signStatusList(content, privateKey);
    return { token, madeAt: at };
  }
}
