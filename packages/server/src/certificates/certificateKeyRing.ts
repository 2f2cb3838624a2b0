/**
 * The issuing authorities' Ed25519 keys (issue 14): one key signs for an authority at a time; rotation
 * closes it (its `validUntil` is the rotation day) and opens the next, so certificates signed before
 * keep verifying; a compromised key is revoked from a day on, and if it was signing, a new one takes
 * over at once. The public half of every key is published as the JWK Set; the private half never
 * leaves this table (not in backups, not in any reply).
 */
import type { SqlClient, SqlQueryable } from '@nongan/engine/postgres';
import { toChinaDate } from '@nongan/engine';
import { generateAuthorityKey, importPrivateKey, isRegionId, type CertificateJwk, type CertificateKeySet } from '@nongan/workflows';
import { apiError } from '../http/errors.js';

interface KeyRow {
  kid: string;
  authority: string;
  public_jwk: CertificateJwk;
  private_jwk: JsonWebKey | null;
  valid_from: string;
  valid_until: string | null;
  revoked_from: string | null;
  revoked_reason: string | null;
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** A key as the administrators' page lists it. */
export interface KeySummary {
  kid: string;
  authority: string;
  validFrom: string;
  validUntil: string | null;
  revokedFrom: string | null;
  revokedReason: string | null;
  signing: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function publicJwkOf(row: KeyRow): CertificateJwk {
  return {
    ...row.public_jwk,
    validFrom: row.valid_from,
    ...(row.valid_until ? { validUntil: row.valid_until } : {}),
    ...(row.revoked_from ? { revokedFrom: row.revoked_from } : {}),
  };
}

function summaryOf(row: KeyRow): KeySummary {
  return {
    kid: row.kid,
    authority: row.authority,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    revokedFrom: row.revoked_from,
    revokedReason: row.revoked_reason,
    signing: row.valid_until === null,
  };
}

function checkAuthority(authority: string): void {
  if (!isRegionId(authority)) throw apiError('invalid-input', `unknown issuing authority ${authority}`, `未知的签发机构 ${authority}`, { path: 'authority' });
}

export class CertificateKeyRing {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every key ever published, oldest first per authority (the JWK Set verifiers cache). */
  async publicKeySet(): Promise<CertificateKeySet> {
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM nongan_certificate_keys ORDER BY authority, valid_from, created_at');
    return { keys: rows.map(publicJwkOf) };
  }

  async list(): Promise<KeySummary[]> {
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM nongan_certificate_keys ORDER BY authority, valid_from, created_at');
    return rows.map(summaryOf);
  }

  /** The key that signs for `authority` today, created on first use. */
  async signingKey(authority: string): Promise<SigningKey> {
    checkAuthority(authority);
    let row = await this.current(this.db, authority);
    if (!row) {
      try {
        row = await this.db.transaction((tx) => this.open(tx, authority, toChinaDate(this.now())));
      } catch (error) {
        // Another process opened it first (the one-signing-key index): use theirs.
        row = await this.current(this.db, authority);
        if (!row) throw error;
      }
    }
    return { kid: row.kid, privateKey: await this.privateKeyOf(row) };
  }

  /** Closes the signing key of `authority` today and opens a new one. */
  async rotate(authority: string): Promise<KeySummary> {
    checkAuthority(authority);
    const today = toChinaDate(this.now());
    return this.db.transaction(async (tx) => {
      await tx.query('UPDATE nongan_certificate_keys SET valid_until = $2 WHERE authority = $1 AND valid_until IS NULL', [authority, today]);
      return summaryOf(await this.open(tx, authority, today));
    });
  }

  /**
   * Revokes a key from `from` on: certificates it signed for that day or later are refused wherever
   * they are checked. A revoked signing key is replaced at once.
   */
  async revoke(kid: string, from: string, reason: string): Promise<KeySummary> {
    if (!DAY.test(from)) throw apiError('invalid-input', 'from: a day YYYY-MM-DD', 'from：须为日期 YYYY-MM-DD', { path: 'from' });
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM nongan_certificate_keys WHERE kid = $1', [kid]);
    const row = rows[0];
    if (!row) throw apiError('not-found', `no certificate key ${kid}`, `没有签名密钥 ${kid}`, { path: 'kid' });
    if (from < row.valid_from) {
      throw apiError('invalid-input', `from: the key signs from ${row.valid_from}; revoke it from that day or later`, `from：该密钥自 ${row.valid_from} 起签发，吊销日期不能早于此日`, { path: 'from' });
    }
    return this.db.transaction(async (tx) => {
      const { rows: updated } = await tx.query<KeyRow>(
        'UPDATE nongan_certificate_keys SET revoked_from = $2, revoked_reason = $3, valid_until = COALESCE(valid_until, $4) WHERE kid = $1 RETURNING *',
        [kid, from, reason, toChinaDate(this.now())],
      );
      if (row.valid_until === null) await this.open(tx, row.authority, toChinaDate(this.now()));
      return summaryOf(updated[0]!);
    });
  }

  private async current(db: SqlQueryable, authority: string): Promise<KeyRow | undefined> {
    const { rows } = await db.query<KeyRow>('SELECT * FROM nongan_certificate_keys WHERE authority = $1 AND valid_until IS NULL', [authority]);
    return rows[0];
  }

  private async open(tx: SqlQueryable, authority: string, validFrom: string): Promise<KeyRow> {
    const kid = `${authority}-${validFrom.replaceAll('-', '')}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
    const { privateJwk, publicJwk } = await generateAuthorityKey(authority, kid, validFrom);
    const { rows } = await tx.query<KeyRow>(
      `INSERT INTO nongan_certificate_keys (kid, authority, public_jwk, private_jwk, valid_from, created_at)
       VALUES ($1, $2, $3::json, $4::json, $5, $6) RETURNING *`,
      [kid, authority, JSON.stringify(publicJwk), JSON.stringify(privateJwk), validFrom, this.now()],
    );
    return rows[0]!;
  }

  private privateKeyOf(row: KeyRow): Promise<CryptoKey> {
    let key = this.imported.get(row.kid);
    if (!key) {
      // Restored keys are closed on restore, so a signing key always has its private half.
      if (!row.private_jwk) throw new Error(`certificate key ${row.kid} has no private half and cannot sign`);
      key = importPrivateKey(row.private_jwk);
      this.imported.set(row.kid, key);
    }
    return key;
  }
}
