/**
 * The checkpoint log in IndexedDB: checkpoints keyed by number, and each case's latest anchored head.
 * Adding a checkpoint and moving its heads is one transaction; a number taken already (another tab
 * checkpointed first) is a constraint error, reported as a conflict.
 */
import type { Dexie, Table } from 'dexie';

import type { HeadRef, JournalCheckpoint } from '../../journal/checkpoint.js';
import type { CheckpointLog } from '../../store/store.js';
import { duplicateKeyError } from '../../store/storeErrors.js';
import type { InstanceRecord, JournalEntry } from '../../types.js';

export interface AnchoredHead {
  instanceId: string;
  checkpoint: number;
  seq: number;
  hash: string;
}

export interface CheckpointTables {
  db: Dexie;
  instances: Table<InstanceRecord, string>;
  journal: Table<JournalEntry, [string, number]>;
  checkpoints: Table<JournalCheckpoint, number>;
  checkpointHeads: Table<AnchoredHead, string>;
}

export class DexieCheckpointLog implements CheckpointLog {
  constructor(private readonly tables: CheckpointTables) {}

  async add(checkpoint: JournalCheckpoint): Promise<void> {
    const { db, checkpoints, checkpointHeads } = this.tables;
    try {
      await db.transaction('rw', [checkpoints, checkpointHeads], async () => {
        await checkpoints.add(checkpoint);
        await checkpointHeads.bulkPut(checkpoint.heads.map((h) => ({ instanceId: h.instanceId, checkpoint: checkpoint.seq, seq: h.seq, hash: h.hash })));
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'ConstraintError') throw duplicateKeyError('checkpoints', String(checkpoint.seq));
      throw error;
    }
  }

  async last(): Promise<JournalCheckpoint | undefined> {
    return this.tables.checkpoints.orderBy(':id').last();
  }

  list(afterSeq: number, limit: number): Promise<JournalCheckpoint[]> {
    return this.tables.checkpoints.where(':id').above(afterSeq).limit(limit).toArray();
  }

  async latestOf(instanceId: string): Promise<JournalCheckpoint | undefined> {
    const anchored = await this.tables.checkpointHeads.get(instanceId);
    return anchored && this.tables.checkpoints.get(anchored.checkpoint);
  }

  async unanchoredHeads(limit: number): Promise<Array<HeadRef & { inJournal: boolean }>> {
    const anchored = new Map((await this.tables.checkpointHeads.toArray()).map((a) => [a.instanceId, a]));
    const moved: HeadRef[] = [];
    await this.tables.instances.each((record) => {
      if (moved.length >= limit) return;
      const at = anchored.get(record.id);
      if (!at || at.seq !== record.journalHead.seq || at.hash !== record.journalHead.hash) moved.push({ instanceId: record.id, ...record.journalHead });
    });
    const entries = await this.tables.journal.bulkGet(moved.map((h): [string, number] => [h.instanceId, h.seq]));
    return moved.map((head, i) => ({ ...head, inJournal: entries[i]?.hash === head.hash }));
  }
}
