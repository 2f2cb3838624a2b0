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

/** Signed for a day from which its key is revoked: it must be signed again. */
const signedWithRevokedKey = (c: { issuedOn: string; revokedFrom: string | null }) => c.revokedFrom !== null && c.issuedOn >= c.revokedFrom;

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

/** What a case's certificate says, signed with key `kid`: from the case, its farm's credit code and the entry that issued it. */
export function certificateContentOf(
  instance: Pick<InstanceRecord, 'id' | 'region'>,
  certificate: NonNullable<BatchContext['certificate']>,
  uscc: string,
  kid: string,
  entry: Pick<JournalEntry, 'seq' | 'hash'>,
): CertificateContent {
  return {
    v: 1,
    k: kid,
    a: instance.region,
    no: certificate.number,
    p: certificate.productName,
    q: certificate.quantity,
    u: certificate.unit,
    o: certificate.origin,
    m: certificate.producerName,
    s: uscc,
    t: certificate.contact,
    d: certificate.issuedOn,
    b: certificate.basis,
    cm: 'national-2024',
    c: instance.id,
    n: entry.seq,
    h: entry.hash,
  };
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
    return (await this.ensureMany([instance]))[0] ?? null;
  }

  /**
   * The signed certificates of many cases (a day's batches to print), in the order given; cases that
   * issued none are left out. What is already signed is read in one query, the rest signed (six
   * journals read at a time) and inserted in one; a certificate whose key was revoked is signed again.
   */
  async ensureMany(instances: readonly InstanceRecord[]): Promise<SignedCertificate[]> {
    const issued = instances.filter((i) => storedCertificateOf(i) !== null);
    if (issued.length === 0) return [];
    const ids = issued.map((i) => i.id);
    const existing = new Map((await this.ofCases(ids)).map((c) => [c.instanceId, c]));
    const toSign = issued.filter((i) => !existing.has(i.id) || signedWithRevokedKey(existing.get(i.id)!));
    const tokens = await this.signAll(toSign);
    const inserted: unknown[][] = [[], [], [], [], [], [], []];
    for (const [i, instance] of toSign.entries()) {
      const token = tokens[i];
      if (!token) continue;
      const stale = existing.get(instance.id);
      if (stale) {
        // Only the first of two processes re-signing together replaces the token.
        await this.db.query('UPDATE nongan_certificates SET token = $2, kid = $3, signed_at = $4 WHERE instance_id = $1 AND token = $5', [instance.id, token.token, token.kid, this.now(), stale.token]);
        continue;
      }
      const certificate = storedCertificateOf(instance)!;
      for (const [column, value] of [certificate.number, instance.id, instance.region, token.kid, token.token, certificate.issuedOn, this.now()].entries()) inserted[column]!.push(value);
    }
    if (inserted[0]!.length > 0) {
      // Two processes signing together: the first row stands, and both return it.
      await this.db.query(
        `INSERT INTO nongan_certificates (number, instance_id, authority, kid, token, issued_on, signed_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) ON CONFLICT DO NOTHING`,
        inserted,
      );
    }
    const signed = toSign.length === 0 ? existing : new Map((await this.ofCases(ids)).map((c) => [c.instanceId, c]));
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

  /** Tokens for `instances` in order (null where a case's journal holds no issuing entry): farms' credit codes and keys read once each. */
  private async signAll(instances: readonly InstanceRecord[]): Promise<Array<{ kid: string; token: string } | null>> {
    const uscc = new Map<string, string>();
    const keys = new Map<string, SigningKey>();
    for (const instance of instances) {
      // A farm's registry id defaults to its credit code; a case always names a registered farm on the server.
      if (!uscc.has(instance.subject)) uscc.set(instance.subject, (await this.subjects.get(instance.subject))?.uscc ?? instance.subject);
      if (!keys.has(instance.region)) keys.set(instance.region, await this.keys.signingKey(instance.region));
    }
    const tokens: Array<{ kid: string; token: string } | null> = new Array(instances.length).fill(null);
    // Each signature needs its case's journal: read a few at a time (the pool has connections to spare).
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(SIGNING_LOOPS, instances.length) }, async () => {
        for (let i = next++; i < instances.length; i = next++) {
          const instance = instances[i]!;
          tokens[i] = await this.sign(instance, storedCertificateOf(instance)!, uscc.get(instance.subject)!, keys.get(instance.region)!);
        }
      }),
    );
    return tokens;
  }

  private async sign(instance: InstanceRecord, certificate: NonNullable<BatchContext['certificate']>, uscc: string, { kid, privateKey }: SigningKey): Promise<{ kid: string; token: string } | null> {
    const entry = issuingEntry(await this.engine.history(instance.id));
    if (!entry) return null;
    return { kid, token: await signCertificate(certificateContentOf(instance, certificate, uscc, kid, entry), privateKey) };
  }

  /** Records a public check (its outcome, the authority the code names, the place the checker gave), for the regulators. */
  async recordCheck(check: { number: string | null; outcome: string; place: string | null; authority: string | null }): Promise<void> {
    await this.db.query('INSERT INTO nongan_certificate_checks (at, number, outcome, place, authority) VALUES ($1, $2, $3, $4, $5)', [this.now(), check.number, check.outcome, check.place, check.authority]);
  }

  /** Checks by outcome (and authority), most recent first: the forged codes, and where they were met. */
  async checks(filter: { outcomes?: readonly string[]; authority?: string; since?: number }, limit: number): Promise<CertificateCheckRecord[]> {
    const { rows } = await this.db.query<{ at: string; number: string | null; outcome: string; place: string | null; authority: string | null }>(
      `SELECT at, number, outcome, place, authority FROM nongan_certificate_checks
       WHERE ($1::text[] IS NULL OR outcome = ANY($1)) AND ($2::text IS NULL OR authority = $2) AND at >= $3
       ORDER BY at DESC, id DESC LIMIT $4`,
      [filter.outcomes ? [...filter.outcomes] : null, filter.authority ?? null, filter.since ?? 0, limit],
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
