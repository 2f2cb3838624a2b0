/**
 * Backup and restore on Chromium's real IndexedDB, through the portal runtime the page uses (seeded
 * with the five regions' demo data): export, refused imports that change nothing, a restore that
 * brings back exactly what was exported, and the one-transaction replacement rolling back on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalRuntime, type LocalPortalRuntime } from '../src/boot/runtime.js';
import { createBackup, importBackup, replaceEngineData, type BackupSources } from '../src/backup/backupIO.js';
import { startCase } from '@nongan/workflows';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

let runtime: LocalPortalRuntime;
let sources: BackupSources;
const count = async () => (await runtime.store.exportAll()).instances.length;

beforeAll(async () => {
  runtime = await createPortalRuntime({ storage: memoryStorage(), dbPrefix: `backup-test-${Date.now()}-` });
  sources = { engine: runtime.engine, checkpointKeyId: runtime.checkpointKeyId, store: runtime.store, designs: runtime.designs, storage: runtime.storage, clock: runtime.demoClock };
}, 120_000);
afterAll(async () => {
  await runtime?.close();
});

async function addCase(): Promise<string> {
  const actor = { id: 'p', roles: ['producer'], region: 'luoyang', subjects: ['luoyang-extra'] };
  const data = { productName: '青菜', category: 'vegetable', quantity: 10, unit: 'kg', origin: '洛阳镇', producerName: '种植户', contact: '13600002222', village: '岑村' };
  return (await startCase(runtime.engine, 'selfInspectToCertificate', { actor, region: 'luoyang', subject: 'luoyang-extra', data })).instanceId;
}

describe('portal backup on IndexedDB', () => {
  it('exports everything and restores exactly that, dropping what came after', async () => {
    const backup = await createBackup(sources);
    expect(backup.engine.instances.length).toBe(await count());
    expect(backup.engine.instances.map((i) => i.region)).toEqual(expect.arrayContaining(['beijing', 'jiyuan', 'kaizhou', 'inner-mongolia', 'luoyang']));
    expect(backup.farms.length).toBeGreaterThan(0);

    const extra = await addCase();
    expect(await count()).toBe(backup.engine.instances.length + 1);

    const outcome = await importBackup(sources, JSON.stringify(backup));
    expect(outcome).toEqual({ ok: true, instances: backup.engine.instances.length, journal: backup.engine.journal.length });
    const restored = await runtime.store.exportAll();
    expect(restored.instances.map((i) => i.id).sort()).toEqual(backup.engine.instances.map((i) => i.id).sort());
    expect(restored.instances.some((i) => i.id === extra)).toBe(false);
    expect(restored.journal.length).toBe(backup.engine.journal.length);
  }, 120_000);

  it('refuses a broken or edited file and keeps the stored data', async () => {
    const before = await count();
    const backup = await createBackup(sources);
    const bad = await importBackup(sources, '{"format":"nongan-portal-backup","version":1}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['/clock', '/engine']));

    const edited = structuredClone(backup);
    edited.engine.journal[0]!.actor = { id: 'someone-else', role: 'producer' };
    const refused = await importBackup(sources, JSON.stringify(edited));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.messageZh).toMatch(/修改|篡改|哈希|链/);
    expect(await count()).toBe(before);
  }, 120_000);

  it('rolls the replacement back when a write fails half-way', async () => {
    const before = await runtime.store.exportAll();
    const dump = structuredClone(before);
    // Two outbox messages with one id: the last bulk write fails after the others were cleared and written.
    const message = { id: 'dup', sourceInstanceId: dump.instances[0]!.id, sourceSeq: 1, to: { instanceId: dump.instances[0]!.id }, event: { type: 'X' }, status: 'pending' as const, createdAt: 1, attempts: 0, outcomes: [] };
    dump.outbox = [message, { ...message }];
    dump.instances = dump.instances.slice(0, 1);
    await expect(replaceEngineData(runtime.store, dump)).rejects.toThrow();
    const after = await runtime.store.exportAll();
    expect(after.instances.length).toBe(before.instances.length);
    expect(after.journal.length).toBe(before.journal.length);
  }, 120_000);
});
