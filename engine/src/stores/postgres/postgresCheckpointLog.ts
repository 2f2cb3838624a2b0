/**
 * The checkpoint log on PostgreSQL (migration 0003). Adding a checkpoint and moving its cases' anchored
 * heads is one transaction; a second process adding the same checkpoint number gets a conflict.
 */
import type { HeadRef, JournalCheckpoint } from '../../journal/checkpoint.js';
import type { CheckpointLog } from '../../store/store.js';
import { duplicateKeyError } from '../../store/storeErrors.js';
import { storeError } from './postgresErrors.js';
import type { SqlClient } from './sqlClient.js';

export class PostgresCheckpointLog implements CheckpointLog {
  constructor(private readonly client: SqlClient) {}

  async add(checkpoint: JournalCheckpoint): Promise<void> {
    const { heads } = checkpoint;
    try {
      await this.client.transaction(async (tx) => {
        await tx.query('INSERT INTO nongan_checkpoints (seq, checkpoint) VALUES ($1, $2::json)', [checkpoint.seq, JSON.stringify(checkpoint)]);
        await tx.query(
          `INSERT INTO nongan_checkpoint_heads (instance_id, checkpoint_seq, seq, hash)
           SELECT i, $1, s, h FROM unnest($2::text[], $3::integer[], $4::text[]) AS u(i, s, h)
           ON CONFLICT (instance_id) DO UPDATE SET checkpoint_seq = EXCLUDED.checkpoint_seq, seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
          [checkpoint.seq, heads.map((h) => h.instanceId), heads.map((h) => h.seq), heads.map((h) => h.hash)],
        );
      });
    } catch (error) {
      // Another process took this number first (unique_violation).
      if ((error as { code?: string }).code === '23505') throw duplicateKeyError('checkpoints', String(checkpoint.seq));
      throw storeError(error);
    }
  }

  async last(): Promise<JournalCheckpoint | undefined> {
    const { rows } = await this.run<{ checkpoint: JournalCheckpoint }>('SELECT checkpoint FROM nongan_checkpoints ORDER BY seq DESC LIMIT 1');
    return rows[0]?.checkpoint;
  }

  async list(afterSeq: number, limit: number): Promise<JournalCheckpoint[]> {
    const { rows } = await this.run<{ checkpoint: JournalCheckpoint }>('SELECT checkpoint FROM nongan_checkpoints WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
    return rows.map((r) => r.checkpoint);
  }

  async latestOf(instanceId: string): Promise<JournalCheckpoint | undefined> {
    const { rows } = await this.run<{ checkpoint: JournalCheckpoint }>(
      'SELECT c.checkpoint FROM nongan_checkpoint_heads h JOIN nongan_checkpoints c ON c.seq = h.checkpoint_seq WHERE h.instance_id = $1',
      [instanceId],
    );
    return rows[0]?.checkpoint;
  }

  /**
   * A case's revision is its head's sequence number, so a moved head is a revision the index has not
   * seen; the journal entry it names is joined in the same statement.
   */
  async unanchoredHeads(limit: number): Promise<Array<HeadRef & { inJournal: boolean }>> {
    const { rows } = await this.run<{ id: string; seq: number; hash: string; in_journal: boolean }>(
      `SELECT m.id, m.seq, m.hash, COALESCE(j.entry->>'hash' = m.hash, false) AS in_journal
       FROM (SELECT i.id, (i.record->'journalHead'->>'seq')::integer AS seq, i.record->'journalHead'->>'hash' AS hash
             FROM nongan_instances i LEFT JOIN nongan_checkpoint_heads h ON h.instance_id = i.id
             WHERE h.instance_id IS NULL OR h.seq <> i.revision OR h.hash <> i.record->'journalHead'->>'hash'
             ORDER BY i.id LIMIT $1) m
       LEFT JOIN nongan_journal j ON j.instance_id = m.id AND j.seq = m.seq
       ORDER BY m.id`,
      [limit],
    );
    return rows.map((r) => ({ instanceId: r.id, seq: Number(r.seq), hash: r.hash, inJournal: r.in_journal }));
  }

  private async run<Row>(text: string, params?: readonly unknown[]) {
    try {
      return await this.client.query<Row>(text, params);
    } catch (error) {
      throw storeError(error);
    }
  }
}
