/**
 * The register of signed certificates (issue 14): a batch case that issued its 承诺达标合格证 gets
 * one signed token, made the first time anyone asks for it (the case page, or the event route right
 * after ISSUE_CERTIFICATE) by whichever process asks first, and kept. The content is the case's
 * certificate plus what only the server knows: the producer's credit code from the farm registry and
 * the journal entry (seq, hash) that issued it.
 */
import type { Engine, InstanceRecord, JournalEntry } from '@nongan/engine';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { signCertificate, type BatchContext, type CertificateContent } from '@nongan/workflows';
import type { SubjectRegistry } from '../directory/subjects.js';
import type { CertificateKeyRing, SigningKey } from './certificateKeyRing.js';

export interface SignedCertificate {
  number: string;
  instanceId: string;
  authority: string;
  kid: string;
  token: string;
  issuedOn: string;
}

interface Row {
  number: string;
  instance_id: string;
  authority: string;
  kid: string;
  token: string;
  issued_on: string;
}

const fromRow = (r: Row): SignedCertificate => ({ number: r.number, instanceId: r.instance_id, authority: r.authority, kid: r.kid, token: r.token, issuedOn: r.issued_on });

export const CERTIFICATE_WORKFLOW = 'selfInspectToCertificate';
/** Journals read at once while signing in bulk. */
const SIGNING_LOOPS = 6;

/** The certificate a batch case stores, or null (another lifecycle, or not issued yet). */
export function storedCertificateOf(instance: Pick<InstanceRecord, 'workflowId' | 'context'>): NonNullable<BatchContext['certificate']> | null {
  if (instance.workflowId !== CERTIFICATE_WORKFLOW) return null;
  return (instance.context as BatchContext).certificate ?? null;
}

/** The last ISSUE_CERTIFICATE entry of a journal (a case issues once; the last is the one in force). */
export function issuingEntry(journal: readonly JournalEntry[]): JournalEntry | undefined {
  return lastEntryOf(journal, 'ISSUE_CERTIFICATE');
}

/** The last entry of `journal` for an event type. */
export function lastEntryOf(journal: readonly JournalEntry[], eventType: string): JournalEntry | undefined {
  for (let i = journal.length - 1; i >= 0; i--) if (journal[i]!.event.type === eventType) return journal[i];
  return undefined;
}

export class CertificateRegister {
  constructor(
    private readonly db: SqlQueryable,
    private readonly engine: Engine,
    private readonly subjects: SubjectRegistry,
    private readonly keys: CertificateKeyRing,
    private readonly now: () => number = Date.now,
  ) {}

  async byNumber(number: string): Promise<SignedCertificate | undefined> {
    const { rows } = await this.db.query<Row>('SELECT * FROM nongan_certificates WHERE number = $1', [number]);
    return rows[0] && fromRow(rows[0]);
  }

  /**
   * The signed certificate of a case, signing it now if this is the first request; null when the case
   * issued none. A certificate whose key was revoked for its issue day is signed again with the
   * authority's current key (the earlier printing is then superseded).
   */
  async ensure(instance: InstanceRecord): Promise<SignedCertificate | null> {
    const certificate = storedCertificateOf(instance);
    if (!certificate) return null;
    const existing = await this.ofCase(instance.id);
    if (existing && !(existing.revokedFrom !== null && existing.issuedOn >= existing.revokedFrom)) return existing;
    const token = await this.sign(instance, certificate);
    if (!token) return existing ?? null;
    if (existing) {
      // Only the first of two processes re-signing together replaces the token.
      await this.db.query('UPDATE nongan_certificates SET token = $2, kid = $3, signed_at = $4 WHERE instance_id = $1 AND token = $5', [instance.id, token.token, token.kid, this.now(), existing.token]);
    } else {
      // Two processes signing together: the first row stands, and both return it.
      await this.db.query(
        `INSERT INTO nongan_certificates (number, instance_id, authority, kid, token, issued_on, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [certificate.number, instance.id, instance.region, token.kid, token.token, certificate.issuedOn, this.now()],
      );
    }
    return (await this.ofCase(instance.id))!;
  }

  /**
   * The signed certificates of many cases (a day's batches to print), in the order given; cases that
   * issued none are left out. What is already signed is read in one query and the rest inserted in
   * one; a certificate whose key was revoked goes through `ensure` one by one (rare).
   */
  async ensureMany(instances: readonly InstanceRecord[]): Promise<SignedCertificate[]> {
    const issued = instances.filter((i) => storedCertificateOf(i) !== null);
    if (issued.length === 0) return [];
    const ids = issued.map((i) => i.id);
    const existing = new Map((await this.ofCases(ids)).map((c) => [c.instanceId, c]));
    const toSign: Array<{ instance: InstanceRecord; certificate: NonNullable<BatchContext['certificate']> }> = [];
    for (const instance of issued) {
      const found = existing.get(instance.id);
      if (!found) toSign.push({ instance, certificate: storedCertificateOf(instance)! });
      else if (found.revokedFrom !== null && found.issuedOn >= found.revokedFrom) await this.ensure(instance);
    }
    const rows: unknown[][] = [[], [], [], [], [], [], []];
    const uscc = new Map<string, string>();
    const keys = new Map<string, SigningKey>();
    for (const { instance } of toSign) {
      if (!uscc.has(instance.subject)) uscc.set(instance.subject, (await this.subjects.get(instance.subject))?.uscc ?? instance.subject);
      if (!keys.has(instance.region)) keys.set(instance.region, await this.keys.signingKey(instance.region));
    }
    // Each signature needs its case's journal: read a few at a time (the pool has connections to spare).
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(SIGNING_LOOPS, toSign.length) }, async () => {
        for (let i = next++; i < toSign.length; i = next++) {
          const { instance, certificate } = toSign[i]!;
          const token = await this.sign(instance, certificate, uscc.get(instance.subject), keys.get(instance.region));
          if (!token) continue;
          for (const [column, value] of [certificate.number, instance.id, instance.region, token.kid, token.token, certificate.issuedOn, this.now()].entries()) rows[column]!.push(value);
        }
      }),
    );
    if (rows[0]!.length > 0) {
      await this.db.query(
        `INSERT INTO nongan_certificates (number, instance_id, authority, kid, token, issued_on, signed_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) ON CONFLICT DO NOTHING`,
        rows,
      );
    }
    const signed = new Map((await this.ofCases(ids)).map((c) => [c.instanceId, c]));
    return ids.map((id) => signed.get(id)).filter((c): c is NonNullable<typeof c> => c !== undefined).map(({ revokedFrom: _r, ...c }) => c);
  }

  private async ofCases(instanceIds: readonly string[]): Promise<Array<SignedCertificate & { revokedFrom: string | null }>> {
    const { rows } = await this.db.query<Row & { revoked_from: string | null }>(
      'SELECT c.*, k.revoked_from FROM nongan_certificates c JOIN nongan_certificate_keys k ON k.kid = c.kid WHERE c.instance_id = ANY($1::text[])',
      [[...instanceIds]],
    );
    return rows.map((r) => ({ ...fromRow(r), revokedFrom: r.revoked_from }));
  }

  /** Signs certificate `number` again if its key was revoked for its issue day (a verifier met the old printing). */
  async reissue(number: string): Promise<void> {
    const signed = await this.byNumber(number);
    if (!signed) return;
    await this.ensure(await this.engine.get(signed.instanceId));
  }

  private async ofCase(instanceId: string): Promise<(SignedCertificate & { revokedFrom: string | null }) | undefined> {
    const { rows } = await this.db.query<Row & { revoked_from: string | null }>(
      'SELECT c.*, k.revoked_from FROM nongan_certificates c JOIN nongan_certificate_keys k ON k.kid = c.kid WHERE c.instance_id = $1',
      [instanceId],
    );
    return rows[0] && { ...fromRow(rows[0]), revokedFrom: rows[0].revoked_from };
  }

  private async sign(instance: InstanceRecord, certificate: NonNullable<BatchContext['certificate']>, knownUscc?: string, knownKey?: SigningKey): Promise<{ kid: string; token: string } | null> {
    const entry = issuingEntry(await this.engine.history(instance.id));
    if (!entry) return null;
    const uscc = knownUscc ?? (await this.subjects.get(instance.subject))?.uscc ?? instance.subject;
    const { kid, privateKey } = knownKey ?? (await this.keys.signingKey(instance.region));
    const content: CertificateContent = {
      v: 1,
      k: kid,
      a: instance.region,
      no: certificate.number,
      p: certificate.productName,
      q: certificate.quantity,
      u: certificate.unit,
      o: certificate.origin,
      m: certificate.producerName,
      // A farm's registry id defaults to its credit code; a case always names a registered farm on the server.
      s: uscc,
      t: certificate.contact,
      d: certificate.issuedOn,
      b: certificate.basis,
      cm: 'national-2024',
      c: instance.id,
      n: entry.seq,
      h: entry.hash,
    };
    return { kid, token: await signCertificate(content, privateKey) };
  }

  /** Records a public check (its outcome, the authority the code names, the place the checker gave), for the regulators. */
  async recordCheck(check: { number: string | null; outcome: string; place: string | null; authority: string | null }): Promise<void> {
    await this.db.query('INSERT INTO nongan_certificate_checks (at, number, outcome, place, authority) VALUES ($1, $2, $3, $4, $5)', [this.now(), check.number, check.outcome, check.place, check.authority]);
  }

  /** Checks by outcome (and authority), most recent first: the forged codes, and where they were met. */
  async checks(filter: { outcome?: string; outcomes?: readonly string[]; authority?: string; since?: number }, limit: number): Promise<CertificateCheckRecord[]> {
    const { rows } = await this.db.query<{ at: string; number: string | null; outcome: string; place: string | null; authority: string | null }>(
      `SELECT at, number, outcome, place, authority FROM nongan_certificate_checks
       WHERE ($1::text IS NULL OR outcome = $1) AND ($2::text IS NULL OR authority = $2) AND at >= $3 AND ($5::text[] IS NULL OR outcome = ANY($5))
       ORDER BY at DESC, id DESC LIMIT $4`,
      [filter.outcome ?? null, filter.authority ?? null, filter.since ?? 0, limit, filter.outcomes ? [...filter.outcomes] : null],
    );
    return rows.map((r) => ({ ...r, at: Number(r.at) }));
  }

  /** The server's time `days` days ago (its clock may run ahead in a demo). */
  daysAgo(days: number): number {
    return this.now() - days * 86_400_000;
  }

  /** How many checks of each outcome an authority's certificates had since `since`. */
  async checkCounts(authority: string | null, since: number): Promise<Array<{ outcome: string; count: number }>> {
    const { rows } = await this.db.query<{ outcome: string; count: string }>(
      'SELECT outcome, count(*) AS count FROM nongan_certificate_checks WHERE ($1::text IS NULL OR authority = $1) AND at >= $2 GROUP BY outcome ORDER BY outcome',
      [authority, since],
    );
    return rows.map((r) => ({ outcome: r.outcome, count: Number(r.count) }));
  }
}

export interface CertificateCheckRecord {
  at: number;
  number: string | null;
  outcome: string;
  place: string | null;
  authority: string | null;
}
