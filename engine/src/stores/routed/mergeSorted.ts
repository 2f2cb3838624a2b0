/**
 * One answer from several shards' answers, as if one store had given it. Each shard is asked for the
 * first `offset + limit` rows (at offset 0) in its own order; the lists are merged by always taking the
 * smallest of their heads, and the page is cut from the merged list.
 *
 * Why merging heads rather than concatenating and sorting: the first N merged rows depend only on the
 * first N rows of each shard, so asking for more rows (a later page) never reorders the rows an earlier
 * page already showed. Pages therefore neither overlap nor skip even when a shard's own order is stable
 * but not the comparator's (the memory and Dexie stores list task-key matches in index order, not by
 * id); when every shard sorts by the comparator (PostgreSQL: `ORDER BY id`), the result is that sort.
 */
import type { OutboxMessage, TimerRecord } from '../../types.js';

export type Compare<T> = (a: T, b: T) => number;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byId: Compare<{ id: string }> = (a, b) => compareStrings(a.id, b.id);

/** Earliest first, ties by id: the order of `Store.dueTimers` and `WorkClaims.claimDueTimers`. */
export const timerOrder: Compare<TimerRecord> = (a, b) => a.dueAt - b.dueAt || compareStrings(a.id, b.id);

/** Oldest first, ties by id: the order of `Store.pendingOutbox`. */
export const outboxOrder: Compare<OutboxMessage> = (a, b) => a.createdAt - b.createdAt || compareStrings(a.id, b.id);

/**
 * Up to `take` rows from `lists`, repeatedly taking the smallest head (the earlier list on ties, so
 * the result is deterministic). Linear in shards per row: shard counts are small.
 */
export function mergeHeads<T>(lists: ReadonlyArray<readonly T[]>, compare: Compare<T>, take: number): T[] {
  const positions = lists.map(() => 0);
  const out: T[] = [];
  while (out.length < take) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const head = lists[i]![positions[i]!];
      if (head === undefined) continue;
      if (best === -1 || compare(head, lists[best]![positions[best]!]!) < 0) best = i;
    }
    if (best === -1) break;
    out.push(lists[best]![positions[best]!]!);
    positions[best]!++;
  }
  return out;
}

/** The page `[offset, offset + limit)` of the merged lists (each list holding at least its first `offset + limit` rows). */
export function mergePage<T>(lists: ReadonlyArray<readonly T[]>, compare: Compare<T>, limit: number, offset: number): T[] {
  return mergeHeads(lists, compare, offset + limit).slice(offset);
}
