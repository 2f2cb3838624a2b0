/**
 * The journal: one entry per accepted event, each carrying the hash of the previous one, so an edit,
 * a removal or a reordering anywhere breaks the chain at a place `verifyJournal` can name.
 */
import type { JournalEntry, JournalHead } from '../types.js';
import { canonicalJson, sha256Hex } from './hash.js';

/** Hash of the empty chain: the `prevHash` of every first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type UnsealedEntry = Omit<JournalEntry, 'hash'>;

export async function sealEntry(entry: UnsealedEntry): Promise<JournalEntry> {
  return { ...entry, hash: await sha256Hex(canonicalJson(entry)) };
}

export type JournalProblemKind =
  | 'edited'
  | 'missing'
  | 'reordered'
  | 'broken-link'
  | 'discontinuous'
  | 'head-mismatch'
  /** Replaying the entry through its workflow gives another entry (`field` names what differs). */
  | 'replay-differs'
  /** The entry's event was not accepted by the case at that point (state or conditions). */
  | 'not-accepted'
  /** The entry's workflow version is not known to this engine, so the rest cannot be replayed. */
  | 'cannot-replay'
  /** The stored case differs from what its journal produces (`field` names it). */
  | 'record-differs'
  /** A pending deadline's row is gone, added or changed. */
  | 'timer-missing'
  | 'timer-extra'
  | 'timer-differs'
  /** A signed checkpoint anchored another head: the journal was cut or re-written (or the checkpoint is not genuine). */
  | 'checkpoint';

export interface JournalProblem {
  /** Sequence number of the entry concerned (for `missing`, the first absent number). */
  seq: number;
  kind: JournalProblemKind;
  /** The field of the case or entry that differs, for replay and record problems. */
  field?: string;
  message: string;
  messageZh: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problems: JournalProblem[];
  /** The latest signed checkpoint that anchors this case and holds (absent when none does). */
  checkpoint?: { seq: number; at: number };
}

/**
 * Checks an instance's journal in stored order against its head (seq + hash kept on the instance).
 * Reports every problem found, not just the first, so an auditor sees the whole damage.
 */
export async function verifyJournal(entries: readonly JournalEntry[], head: JournalHead): Promise<VerifyResult> {
  const problems: JournalProblem[] = [];
  const add = (seq: number, kind: JournalProblemKind, en: string, zh: string) =>
    problems.push({ seq, kind, message: en, messageZh: zh });

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let prevState: string | null = null;
  for (const entry of entries) {
    const { hash, ...rest } = entry;
    const recomputed = await sha256Hex(canonicalJson(rest));
    if (recomputed !== hash) {
      add(entry.seq, 'edited', `entry ${entry.seq} was altered after it was written`, `第 ${entry.seq} 条记录在写入后被修改`);
    }
    if (entry.seq < expectedSeq) {
      add(entry.seq, 'reordered', `entry ${entry.seq} appears after entry ${expectedSeq - 1}`, `第 ${entry.seq} 条记录出现在第 ${expectedSeq - 1} 条之后`);
    } else if (entry.seq > expectedSeq) {
      for (let missing = expectedSeq; missing < entry.seq; missing++) {
        add(missing, 'missing', `entry ${missing} is missing`, `第 ${missing} 条记录缺失`);
      }
    }
    if (entry.prevHash !== prevHash) {
      add(entry.seq, 'broken-link', `entry ${entry.seq} does not follow the entry before it`, `第 ${entry.seq} 条记录与前一条记录不衔接`);
    }
    // Each step must start where the previous one ended: catches a correctly hashed but impossible history.
    const before = canonicalJson(entry.stateBefore);
    if (prevState !== null && before !== prevState) {
      add(entry.seq, 'discontinuous', `entry ${entry.seq} starts in a state the previous entry did not end in`, `第 ${entry.seq} 条记录的起始状态与前一条的结束状态不一致`);
    }
    prevState = canonicalJson(entry.stateAfter);
    prevHash = hash;
    expectedSeq = Math.max(expectedSeq, entry.seq + 1);
  }
  const last = entries[entries.length - 1];
  if (head.seq > (last?.seq ?? 0)) {
    for (let missing = (last?.seq ?? 0) + 1; missing <= head.seq; missing++) {
      add(missing, 'missing', `entry ${missing} is missing`, `第 ${missing} 条记录缺失`);
    }
  } else if (last && (last.seq !== head.seq || last.hash !== head.hash)) {
    add(last.seq, 'head-mismatch', `the last entry does not match the case's recorded head (entry ${head.seq})`, `最后一条记录与案件记录的链头（第 ${head.seq} 条）不一致`);
  }
  return { ok: problems.length === 0, entries: entries.length, problems };
}
