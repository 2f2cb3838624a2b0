/**
 * The digest of a case record that its journal entry seals: everything but the journal head (which
 * names the entry, so it cannot be inside it). An edit of the stored case — its state, context,
 * status, deadlines, scope — changes the digest, and the entry, being hash-chained, cannot follow.
 */
import type { InstanceRecord } from '../types.js';
import { canonicalJson, sha256Hex } from './hash.js';

export function recordDigest(record: InstanceRecord | Omit<InstanceRecord, 'journalHead'>): Promise<string> {
  const { journalHead: _head, ...sealed } = record as InstanceRecord;
  return sha256Hex(canonicalJson(sealed));
}
