/**
 * The engine's last known copy of recently written cases. `send` computes against it and the store's
 * revision check inside the commit decides whether it was still current: if not, the entry is dropped
 * and the caller gets `conflict` (someone else moved the case since this engine last saw it). In a
 * single tab it is always current, which saves a read transaction per step.
 */
import type { InstanceRecord } from '../types.js';

export class InstanceCache {
  private readonly entries = new Map<string, InstanceRecord>();

  constructor(private readonly capacity = 1000) {}

  get(id: string): InstanceRecord | undefined {
    const record = this.entries.get(id);
    if (record) {
      // Re-insert to mark as most recently used.
      this.entries.delete(id);
      this.entries.set(id, record);
    }
    return record;
  }

  set(record: InstanceRecord): void {
    if (this.capacity === 0) return;
    this.entries.delete(record.id);
    this.entries.set(record.id, record);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
