/** The memory store's checkpoint log: checkpoints in order, and each case's latest anchored head. */
import type { HeadRef, JournalCheckpoint } from '../journal/checkpoint.js';
import type { InstanceRecord, JournalEntry } from '../types.js';
import type { CheckpointLog } from './store.js';
import { duplicateKeyError } from './storeErrors.js';

export class MemoryCheckpointLog implements CheckpointLog {
  private readonly log: JournalCheckpoint[] = [];
  /** instanceId → the checkpoint seq and head it was last anchored at. */
  private readonly anchored = new Map<string, { checkpoint: number; seq: number; hash: string }>();

  constructor(
    private readonly instances: () => Iterable<InstanceRecord>,
    private readonly entryAt: (instanceId: string, seq: number) => JournalEntry | undefined,
  ) {}

  get size(): number {
    return this.log.length;
  }

  all(): JournalCheckpoint[] {
    return structuredClone(this.log);
  }

  async add(checkpoint: JournalCheckpoint): Promise<void> {
    if (checkpoint.seq !== this.log.length + 1) throw duplicateKeyError('checkpoints', String(checkpoint.seq));
    this.log.push(structuredClone(checkpoint));
    for (const head of checkpoint.heads) this.anchored.set(head.instanceId, { checkpoint: checkpoint.seq, seq: head.seq, hash: head.hash });
  }

  async last(): Promise<JournalCheckpoint | undefined> {
    const last = this.log[this.log.length - 1];
    return last && structuredClone(last);
  }

  async list(afterSeq: number, limit: number): Promise<JournalCheckpoint[]> {
    return structuredClone(this.log.slice(afterSeq, afterSeq + limit));
  }

  async latestOf(instanceId: string): Promise<JournalCheckpoint | undefined> {
    const at = this.anchored.get(instanceId);
    return at && structuredClone(this.log[at.checkpoint - 1]);
  }

  async unanchoredHeads(limit: number): Promise<Array<HeadRef & { inJournal: boolean }>> {
    const out: Array<HeadRef & { inJournal: boolean }> = [];
    for (const record of this.instances()) {
      if (out.length >= limit) break;
      const { seq, hash } = record.journalHead;
      const at = this.anchored.get(record.id);
      if (!at || at.seq !== seq || at.hash !== hash) out.push({ instanceId: record.id, seq, hash, inJournal: this.entryAt(record.id, seq)?.hash === hash });
    }
    return out;
  }
}
