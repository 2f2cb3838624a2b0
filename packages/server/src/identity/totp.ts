/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s) through `otpauth`, a maintained library that
 * authenticator apps interoperate with. A code is accepted one step either side of now, and a step
 * once used is refused again, so a code seen over a shoulder cannot be replayed.
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD_S = 30;
const WINDOW = 1;

function totpOf(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer: "Nong'an 农安", label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app scans (shown once, at enrolment). */
export function totpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/** The time step a code matches (to refuse its reuse), or null when it matches none. */
export function matchTotp(secret: string, code: string, now: number, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_S) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code (tests and the enrolment check use it). */
export function totpCode(secret: string, now: number): string {
  return totpOf(secret).generate({ timestamp: now });
}
