/**
 * Leases on due timers and pending messages for servers sharing one database. A claim is one
 * statement: pick the earliest unclaimed rows with `FOR UPDATE SKIP LOCKED` (two workers claiming at
 * the same moment get different rows instead of waiting) and stamp a lease end on the database clock.
 * The lease outlives the claim's transaction, so a worker keeps its rows while it fires them; one that
 * dies simply lets the lease run out.
 */
import type { TimerKey, WorkClaims } from '../../store/store.js';
import type { OutboxMessage, TimerRecord } from '../../types.js';
import { storeError } from './postgresErrors.js';
import type { SqlClient } from './sqlClient.js';

export class PostgresClaims implements WorkClaims {
  constructor(private readonly client: SqlClient) {}

  async claimDueTimers(now: number, limit: number, leaseMs: number): Promise<TimerRecord[]> {
    const { rows } = await this.run<{ record: TimerRecord }>(
      `WITH picked AS (
         SELECT instance_id, id FROM nongan_timers
         WHERE due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= nongan_now_ms())
         ORDER BY due_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE nongan_timers t SET claimed_until = nongan_now_ms() + $3
       FROM picked WHERE t.instance_id = picked.instance_id AND t.id = picked.id
       RETURNING t.record`,
      [now, limit, leaseMs],
    );
    // RETURNING has no order of its own.
    return rows.map((r) => r.record).sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async releaseTimers(timers: ReadonlyArray<TimerKey>): Promise<void> {
    if (timers.length === 0) return;
    await this.run(
      `UPDATE nongan_timers t SET claimed_until = NULL FROM unnest($1::text[], $2::text[]) AS k(instance_id, id)
       WHERE t.instance_id = k.instance_id AND t.id = k.id`,
      [timers.map((t) => t.instanceId), timers.map((t) => t.id)],
    );
  }

  async claimPendingOutbox(limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const { rows } = await this.run<{ record: OutboxMessage }>(
      `WITH picked AS (
         SELECT source_instance_id, id FROM nongan_outbox
         WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= nongan_now_ms())
         ORDER BY created_at, id LIMIT $1
         FOR UPDATE SKIP LOCKED)
       UPDATE nongan_outbox m SET claimed_until = nongan_now_ms() + $2
       FROM picked WHERE m.source_instance_id = picked.source_instance_id AND m.id = picked.id
       RETURNING m.record`,
      [limit, leaseMs],
    );
    return rows.map((r) => r.record).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private async run<Row>(text: string, params: readonly unknown[]) {
    try {
      return await this.client.query<Row>(text, params);
    } catch (error) {
      throw storeError(error);
    }
  }
}
