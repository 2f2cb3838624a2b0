/**
 * The certificate register in the server's backup: the authorities' public keys (never the private
 * halves) and the signed certificates. A restored server keeps verifying every certificate printed
 * before: the backup's keys are added as closed keys (they cannot sign here), the register is
 * replaced along with the cases, and new certificates are signed with this server's own keys.
 */
import { canonicalJson, type JournalEntry, type StoreDump } from '@nongan/engine';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { readKeySet, splitToken, verifyCertificateToken, type CertificateJwk } from '@nongan/workflows';
import { certificateContentOf, issuingEntry, storedCertificateOf, type SignedCertificate } from './certificateRegister.js';

export interface BackedUpKey {
  kid: string;
  authority: string;
  publicJwk: CertificateJwk;
  validFrom: string;
  validUntil: string | null;
  revokedFrom: string | null;
  revokedReason: string | null;
}

/** A register row as the backup carries it: the signed certificate itself. */
export type BackedUpCertificate = SignedCertificate;

export async function exportCertificates(tx: SqlQueryable): Promise<{ keys: BackedUpKey[]; certificates: BackedUpCertificate[] }> {
  const keys = await tx.query<{ kid: string; authority: string; public_jwk: CertificateJwk; valid_from: string; valid_until: string | null; revoked_from: string | null; revoked_reason: string | null }>(
    'SELECT kid, authority, public_jwk, valid_from, valid_until, revoked_from, revoked_reason FROM nongan_certificate_keys ORDER BY authority, valid_from, created_at',
  );
  const certificates = await tx.query<{ number: string; instance_id: string; authority: string; kid: string; token: string; issued_on: string }>(
    'SELECT number, instance_id, authority, kid, token, issued_on FROM nongan_certificates ORDER BY number',
  );
  return {
    keys: keys.rows.map((k) => ({ kid: k.kid, authority: k.authority, publicJwk: k.public_jwk, validFrom: k.valid_from, validUntil: k.valid_until, revokedFrom: k.revoked_from, revokedReason: k.revoked_reason })),
    certificates: certificates.rows.map((c) => ({ number: c.number, instanceId: c.instance_id, authority: c.authority, kid: c.kid, token: c.token, issuedOn: c.issued_on })),
  };
}

/** A key of the file that cannot be a published Ed25519 key, as a path into the file; null when all read. */
export function unreadableKey(keys: readonly BackedUpKey[]): string | null {
  const i = keys.findIndex((k) => readKeySet({ keys: [{ ...k.publicJwk, kid: k.kid, authority: k.authority, validFrom: k.validFrom }] }).keys.length !== 1);
  return i < 0 ? null : `/certificateKeys/${i}/publicJwk`;
}

/**
 * Adds the file's keys this server lacks (closed on `today` at the latest: without a private half
 * they verify, never sign) and replaces the register. Returns how many keys were added and kept.
 */
export async function restoreCertificates(tx: SqlQueryable, keys: readonly BackedUpKey[], certificates: readonly BackedUpCertificate[], today: string, now: number): Promise<{ added: number; kept: number }> {
  let added = 0;
  for (const k of keys) {
    const { rowCount } = await tx.query(
      `INSERT INTO nongan_certificate_keys (kid, authority, public_jwk, private_jwk, valid_from, valid_until, revoked_from, revoked_reason, created_at)
       VALUES ($1, $2, $3::json, NULL, $4, $5, $6, $7, $8) ON CONFLICT (kid) DO NOTHING`,
      [k.kid, k.authority, JSON.stringify(k.publicJwk), k.validFrom, k.validUntil ?? today, k.revokedFrom, k.revokedReason, now],
    );
    added += rowCount ?? 0;
  }
  await tx.query('DELETE FROM nongan_certificates');
  if (certificates.length > 0) {
    const columns = (['number', 'instanceId', 'authority', 'kid', 'token', 'issuedOn'] as const).map((key) => certificates.map((c) => c[key]));
    await tx.query(
      `INSERT INTO nongan_certificates (number, instance_id, authority, kid, token, issued_on, signed_at)
       SELECT n, i, a, k, t, d, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(n, i, a, k, t, d)`,
      [...columns, now],
    );
  }
  return { added, kept: keys.length - added };
}

export interface CertificateProblem {
  path: string;
  message: string;
  messageZh: string;
}

/** Refusals that make a certificate a forgery; a revoked or expired key only means it is signed again later. */
const FORGED = new Set(['malformed', 'unknown-key', 'wrong-authority', 'bad-signature']);

/**
 * Certificates of the file that its cases did not issue: each must be signed by one of the file's keys
 * and say exactly what its case (replay-checked by the engine before this) and the journal entry that
 * issued it say, for the farm's credit code in the file. A certificate added or edited in the file is
 * named here, so it never reaches the register where it would verify as genuine.
 */
export async function forgedCertificates(
  engine: StoreDump,
  subjects: ReadonlyArray<{ id: string; uscc: string }>,
  keys: readonly BackedUpKey[],
  certificates: readonly BackedUpCertificate[],
): Promise<CertificateProblem[]> {
  const keySet = readKeySet({ keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, authority: k.authority, validFrom: k.validFrom, ...(k.validUntil ? { validUntil: k.validUntil } : {}), ...(k.revokedFrom ? { revokedFrom: k.revokedFrom } : {}) })) });
  const problems: CertificateProblem[] = [];
  // Looked up per certificate: indexed once (10,000 certificates over their journals).
  const cases = new Map(engine.instances.map((c) => [c.id, c]));
  const journals = new Map<string, JournalEntry[]>();
  for (const entry of engine.journal) {
    const list = journals.get(entry.instanceId);
    if (list) list.push(entry);
    else journals.set(entry.instanceId, [entry]);
  }
  const usccOf = new Map(subjects.map((s) => [s.id, s.uscc]));
  for (const [i, certificate] of certificates.entries()) {
    const path = `/certificates/${i}`;
    const refuse = (en: string, zh: string) => problems.push({ path, message: `certificate ${certificate.number} ${en}`, messageZh: `合格证 ${certificate.number}${zh}` });
    const check = await verifyCertificateToken(certificate.token, keySet);
    if (!check.ok && FORGED.has(check.reason)) {
      refuse(`is not signed by a key of the file: ${check.message.en}`, `未经备份中的密钥签名：${check.message.zh}`);
      continue;
    }
    const content = splitToken(certificate.token)?.content as { k?: string } | undefined;
    const instance = cases.get(certificate.instanceId);
    const issued = instance && storedCertificateOf(instance);
    const entry = instance && issuingEntry((journals.get(instance.id) ?? []).sort((a, b) => a.seq - b.seq));
    if (!instance || !issued || !entry || !content?.k) {
      refuse('belongs to no case of the file that issued it', '不属于备份中开具它的任何案件');
      continue;
    }
    const uscc = usccOf.get(instance.subject) ?? instance.subject;
    const expected = certificateContentOf(instance, issued, uscc, content.k, entry);
    if (canonicalJson(content) !== canonicalJson(expected) || certificate.kid !== content.k || certificate.number !== issued.number) {
      refuse('does not say what its case issued', '的内容与其案件开具的不一致');
    }
  }
  return problems;
}
