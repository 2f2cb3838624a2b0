/**
 * The issuing authorities' public keys as a JWK Set (RFC 7517; Ed25519 keys per RFC 8037: `kty: OKP`,
 * `crv: Ed25519`, `x`), with what a verifier needs beyond the key itself as extra members (RFC 7517
 * §4 allows them): whose key it is, the days it signs for, and the day from which it is revoked.
 * Rotation closes a key's `validUntil` and opens a new one; certificates signed before stay valid.
 */
import { ED25519, fromBase64Url } from './certificateToken.js';

export interface CertificateJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  /** The issuing authority (a region's platform). */
  authority: string;
  /** First day (YYYY-MM-DD, China) it signs for; last day, when rotated out. */
  validFrom: string;
  validUntil?: string;
  /** From this day on, certificates signed with it are refused (a compromised key). */
  revokedFrom?: string;
}

export interface CertificateKeySet {
  keys: CertificateJwk[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Keeps the well-formed keys of a fetched or cached set (a verifier never trusts a malformed entry). */
export function readKeySet(value: unknown): CertificateKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return { keys: [] };
  return {
    keys: keys.filter((k): k is CertificateJwk => {
      const key = k as Partial<CertificateJwk> | null;
      return (
        !!key && key.kty === 'OKP' && key.crv === 'Ed25519' && typeof key.kid === 'string' && typeof key.authority === 'string' &&
        typeof key.x === 'string' && fromBase64Url(key.x)?.length === 32 && typeof key.validFrom === 'string' && DAY.test(key.validFrom) &&
        (key.validUntil === undefined || DAY.test(key.validUntil)) && (key.revokedFrom === undefined || DAY.test(key.revokedFrom))
      );
    }),
  };
}

/** The public key of a JWK, for `crypto.subtle.verify`. */
export function importPublicKey(jwk: CertificateJwk): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, ED25519, false, ['verify']);
}

/** A new key pair for an authority: the private JWK (kept by the server) and the public JWK (published). */
export async function generateAuthorityKey(authority: string, kid: string, validFrom: string): Promise<{ privateJwk: JsonWebKey; publicJwk: CertificateJwk }> {
  const pair = (await globalThis.crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
  const { x } = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateJwk, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: x!, kid, alg: 'EdDSA', use: 'sig', authority, validFrom } };
}

export function importPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', jwk, ED25519, false, ['sign']);
}
