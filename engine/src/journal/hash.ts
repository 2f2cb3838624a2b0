/**
 * SHA-256 over RFC 8785 canonical JSON, so the same entry hashes the same in every browser and in
 * Node regardless of key order. Web Crypto is global in browsers and in Node 20.
 */
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be represented as canonical JSON');
  return text;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
