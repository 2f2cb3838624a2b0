/**
 * The address a certificate's QR code carries: the public verification page with the signed token,
 * after the words 承诺达标合格证 (the national rule asks the QR to carry them; any phone camera opens
 * the address). `#/verify/承诺达标合格证/<token>`, so the token never reaches a server log as a path.
 */
import { CERTIFICATE_TITLE } from './certificateCode.js';

/** `base` is the portal's public address, e.g. `https://nongan.example.gov.cn/`. */
export function certificateVerifyUrl(base: string, token: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}#/verify/${encodeURIComponent(CERTIFICATE_TITLE)}/${token}`;
}

/**
 * The same address as the QR code carries it: the words 承诺达标合格证 written as they are (the
 * national rule wants them in the code; phone cameras open such an address, encoding it themselves).
 */
export function certificateQrText(base: string, token: string): string {
  return certificateVerifyUrl(base, token).replace(encodeURIComponent(CERTIFICATE_TITLE), CERTIFICATE_TITLE);
}

/** The token in a verification address (or in the route part after `#/verify/`), or null. */
export function tokenOfVerifyUrl(urlOrRoute: string): string | null {
  if (typeof urlOrRoute !== 'string') return null;
  const hash = urlOrRoute.includes('#') ? urlOrRoute.slice(urlOrRoute.indexOf('#') + 1) : urlOrRoute;
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash);
  } catch {
    return null;
  }
  const match = new RegExp(`(?:^|/)${CERTIFICATE_TITLE}/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)$`).exec(decoded);
  return match ? match[1]! : null;
}
