/** The verification address of a certificate code on this portal (what the printed QR code opens). */
import { verifyUrl } from './routes.js';

export function verifyUrlHere(code: string): string {
  return verifyUrl(window.location.origin, window.location.pathname, code);
}
