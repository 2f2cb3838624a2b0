/**
 * Leases on background work across shards. Each shard leases its own rows (PostgreSQL: one statement
 * with `FOR UPDATE SKIP LOCKED`), so two workers never hold the same row; this layer only decides how
 * many rows to ask each shard for, so that a caller gets what it asked for and nothing stays leased
 * without being worked on.
 *
 * - Timers: every shard claims up to `limit`; the earliest `limit` of all of them are kept and the rest
 *   are handed back at once with `releaseTimers`, so the answer is exactly "the earliest due timers no
 *   other worker holds", as on one store.
 * - Outbox: a claimed message cannot be handed back (there is no release; `updateOutbox` would rewrite
 *   the record, racing a worker that takes it once the lease ends), so the limit is split across the
 *   shards instead and never exceeded: each shard is asked for its share (`floor(limit / shards)`, the
 *   remainder to the shards whose turn it is, rotating per call so a limit smaller than the number of
 *   shards still reaches every shard in turn); a shard that fills its share may have more, so what
 *   drained shards left unused is offered to those in further rounds until the limit is reached or
 *   every shard is drained. The result is oldest first among the claimed messages, but not necessarily
 *   the oldest across all shards (delivery order only matters per source case, which is on one shard).
 *
 * A shard that fails fails the claim: timers the other shards claimed in that call are released first;
 * outbox messages they claimed wait out their lease (delayed, not lost).
 */
import type { TimerKey, WorkClaims } from '../../store/store.js';
import type { OutboxMessage, TimerRecord } from '../../types.js';
import { mergeHeads, outboxOrder, timerOrder } from './mergeSorted.js';
import type { ShardDirectory } from './shardDirectory.js';
import type { Shard, ShardRouting } from './shardRouting.js';

export class RoutedClaims implements WorkClaims {
  /** Which shard gets the remainder of an uneven outbox split first; advances every call. */
  private turn = 0;

  constructor(
    private readonly routing: ShardRouting,
    private readonly directory: ShardDirectory,
  ) {}

  async claimDueTimers(now: number, limit: number, leaseMs: number): Promise<TimerRecord[]> {
    const shards = this.routing.shards;
    const settled = await Promise.allSettled(shards.map((s) => claimsOf(s).claimDueTimers(now, limit, leaseMs)));
    const claimed = settled.map((r, i) => ({ shard: shards[i]!, timers: r.status === 'fulfilled' ? r.value : [] }));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await giveBack(claimed);
      throw failed.reason;
    }
    for (const { shard, timers } of claimed) this.directory.rememberAll(shard, timers.map((t) => t.instanceId));
    const kept = mergeHeads(claimed.map((c) => c.timers), timerOrder, limit);
    const keep = new Set(kept);
    await giveBack(claimed.map(({ shard, timers }) => ({ shard, timers: timers.filter((t) => !keep.has(t)) })));
    return kept;
  }

  async releaseTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    if (timers.length === 0) return;
    // Timers of cases not in the directory go to every shard: releasing a row a shard does not have is a no-op.
    const { known, unknown } = this.directory.split(timers, (t) => t.instanceId);
    await Promise.all(
      this.routing.shards.map((shard) => {
        const mine = [...(known.get(shard) ?? []), ...unknown];
        return mine.length > 0 ? claimsOf(shard).releaseTimers(mine) : undefined;
      }),
    );
  }

  async claimPendingOutbox(limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const all = this.routing.shards;
    const start = this.turn++ % all.length;
    let open = [...all.slice(start), ...all.slice(0, start)];
    let remaining = limit;
    const claimed: OutboxMessage[] = [];
    // Each round, every asked shard either fills its share (the remaining limit shrinks) or is drained
    // (leaves `open`), so the rounds end; usually there is one, two when the work sits on one shard.
    while (remaining > 0 && open.length > 0) {
      const asked = shares(remaining, open.length)
        .map((share, i) => ({ shard: open[i]!, share }))
        .filter((a) => a.share > 0);
      const answers = await Promise.all(asked.map(({ shard, share }) => claimsOf(shard).claimPendingOutbox(share, leaseMs)));
      const drained = new Set<Shard>();
      answers.forEach((messages, i) => {
        const { shard, share } = asked[i]!;
        this.directory.rememberAll(shard, messages.map((m) => m.sourceInstanceId));
        claimed.push(...messages);
        remaining -= messages.length;
        if (messages.length < share) drained.add(shard);
      });
      open = open.filter((s) => !drained.has(s));
    }
    return claimed.sort(outboxOrder);
  }
}

/** `total` split into `parts` integers differing by at most one, the larger ones first. */
export function shares(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The routed store makes claims only when every shard has them. */
function claimsOf(shard: Shard): WorkClaims {
  return shard.store.claims!;
}

/**
 * Hands claimed timers back to their shards. A release that fails only delays those timers until their
 * lease ends, exactly as if this worker had died; failing the claim for it would delay the kept ones too.
 */
async function giveBack(parts: ReadonlyArray<{ shard: Shard; timers: readonly TimerRecord[] }>): Promise<void> {
  await Promise.allSettled(
    parts
      .filter((p) => p.timers.length > 0)
      .map((p) => claimsOf(p.shard).releaseTimers(p.timers.map((t) => ({ id: t.id, instanceId: t.instanceId })))),
  );
}
