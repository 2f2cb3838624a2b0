/**
 * Export and import of the whole local database. The engine's tables are replaced in ONE IndexedDB
 * transaction (clear + bulk add): if anything fails, IndexedDB rolls back and the stored data stays as
 * it was. Published form versions are immutable, so a restore adds the versions the browser lacks and
 * refuses a file whose version of the same id differs from the stored one.
 */
import type { Engine, StoreDump } from '@nongan/engine';
import type { DexieStore } from '@nongan/engine/dexie';
import type { DesignDoc, DesignerStore } from '@nongan/designer';
import type { KeyValueStorage } from '../boot/demoClock.js';
import { loadFarms, saveFarms } from '../shell/farms.js';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, verifyBackupJournals, type Backup, type BackupProblem, type PublishedDesign } from './backupFormat.js';

export interface BackupSources {
  /** Checks a restored file's cases by replaying them through their workflows, and its checkpoints. */
  engine: Pick<Engine, 'checkDump'>;
  /** The key this installation signs checkpoints with: checkpoints signed elsewhere cannot be checked here. */
  checkpointKeyId: string;
  store: DexieStore;
  designs: DesignerStore;
  storage: KeyValueStorage;
  clock: { now(): number; save(ms: number): void };
}

export async function exportDesigns(designs: DesignerStore): Promise<PublishedDesign[]> {
  const out: PublishedDesign[] = [];
  for (const summary of await designs.listDocuments()) {
    for (const v of await designs.listVersions(summary.docId)) {
      out.push({ docId: v.docId, version: v.version, effectiveFrom: v.effectiveFrom, note: v.note, publishedAt: v.publishedAt, doc: v.doc });
    }
  }
  return out;
}

export async function createBackup(sources: BackupSources, now: Date = new Date()): Promise<Backup> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    clock: sources.clock.now(),
    engine: await sources.store.exportAll(),
    farms: loadFarms(sources.storage),
    designs: await exportDesigns(sources.designs),
  };
}

export type ImportOutcome = { ok: true; instances: number; journal: number } | { ok: false; problems: BackupProblem[] };

/** Published versions in the file that clash with stored ones (same id and version, other content). */
async function designClashes(designs: DesignerStore, incoming: readonly PublishedDesign[]): Promise<{ missing: PublishedDesign[]; problems: BackupProblem[] }> {
  const missing: PublishedDesign[] = [];
  const problems: BackupProblem[] = [];
  for (const design of incoming) {
    const stored = await designs.getVersion(design.docId, design.version);
    if (!stored) missing.push(design);
    else if (JSON.stringify(stored.doc) !== JSON.stringify(design.doc)) {
      problems.push({
        path: `/designs/${design.docId}@${design.version}`,
        message: `published form ${design.docId} version ${design.version} differs from the one stored here; published versions never change`,
        messageZh: `已发布表单 ${design.docId} 第 ${design.version} 版与本机已存的不同；已发布版本不可更改`,
      });
    }
  }
  return { missing, problems };
}

/**
 * Replaces every engine table with `dump` in one IndexedDB transaction: on any failure (a duplicate
 * key, quota) IndexedDB rolls the whole transaction back and the previous data stays.
 */
export function replaceEngineData(store: DexieStore, dump: StoreDump): Promise<void> {
  return store.replaceAll(dump);
}

/** Validates the file completely, then replaces the stored data. Nothing is written unless every check passes. */
export async function importBackup(sources: BackupSources, fileText: string): Promise<ImportOutcome> {
  const checked = parseBackup(fileText);
  if (!checked.ok) return checked;
  const { backup } = checked;
  // A file from another browser carries checkpoints of a key this one does not hold: they cannot be
  // checked here, so the restore starts this installation's checkpoints anew (the cases are still replayed).
  if (backup.engine.checkpoints?.some((c) => c.keyId !== sources.checkpointKeyId)) delete backup.engine.checkpoints;
  const chainProblems = await verifyBackupJournals(sources.engine, backup);
  if (chainProblems.length > 0) return { ok: false, problems: chainProblems };
  const { missing, problems } = await designClashes(sources.designs, backup.designs);
  if (problems.length > 0) return { ok: false, problems };

  await replaceEngineData(sources.store, backup.engine);
  // The engine data is in; the small rest follows (farm register, clock, missing form versions).
  saveFarms(sources.storage, backup.farms);
  sources.clock.save(backup.clock);
  for (const design of missing) {
    await sources.designs.publish(design.doc as DesignDoc, { effectiveFrom: design.effectiveFrom, note: design.note });
  }
  return { ok: true, instances: backup.engine.instances.length, journal: backup.engine.journal.length };
}

/** A file name like `nongan-backup-2026-03-02.json`. */
export function backupFileName(clockMs: number): string {
  return `nongan-backup-${new Date(clockMs).toISOString().slice(0, 10)}.json`;
}
