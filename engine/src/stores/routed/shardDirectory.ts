/**
 * Case id → shard, learnt from what the routed store wrote and read. A case id does not say its
 * region, so without this every read by id would ask every shard; with it, a case the process has
 * seen recently costs one round trip to one cluster. Bounded (least recently used ids are forgotten)
 * because a long-running server sees an unbounded number of cases.
 *
 * The directory is a hint, never the truth: a forgotten id only costs a fan-out, and a point read that
 * misses on the remembered shard falls back to asking the others. Rows never move between shards on
 * their own (a case's region never changes, and its journal, timers and outbox are written in the same
 * commit as the case), so a remembered shard is also trusted for lists that may legitimately be empty,
 * such as a case's timers.
 */
import type { Shard } from './shardRouting.js';

export class ShardDirectory {
  /** A Map iterates in insertion order: re-inserting on every use keeps the least recently used first. */
  private readonly entries = new Map<string, Shard>();

  constructor(private readonly capacity: number) {}

  get(instanceId: string): Shard | undefined {
    const shard = this.entries.get(instanceId);
    if (shard) {
      this.entries.delete(instanceId);
      this.entries.set(instanceId, shard);
    }
    return shard;
  }

  remember(instanceId: string, shard: Shard): void {
    this.entries.delete(instanceId);
    this.entries.set(instanceId, shard);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  rememberAll(shard: Shard, instanceIds: Iterable<string>): void {
    for (const id of instanceIds) this.remember(id, shard);
  }

  /** Items split by the shard remembered for their case; items of cases not remembered are `unknown`. */
  split<T>(items: readonly T[], caseOf: (item: T) => string): { known: Map<Shard, T[]>; unknown: T[] } {
    const known = new Map<Shard, T[]>();
    const unknown: T[] = [];
    for (const item of items) {
      const shard = this.get(caseOf(item));
      if (!shard) unknown.push(item);
      else if (known.has(shard)) known.get(shard)!.push(item);
      else known.set(shard, [item]);
    }
    return { known, unknown };
  }

  forget(instanceId: string): void {
    this.entries.delete(instanceId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
