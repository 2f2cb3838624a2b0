/**
 * The backup gate: a real dump (Luoyang demo cases on the memory store) passes; every kind of broken
 * file is refused with the reason in Chinese and English; an edited journal fails the hash-chain check.
 */
import { createEngine, createManualClock, createMemoryStore, type Engine, type StoreDump } from '@nongan/engine';
import { createRegionEngineOptions, seedDemo } from '@nongan/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, checkBackup, parseBackup, verifyBackupJournals, type Backup } from '../src/backup/backupFormat.js';

let dump: StoreDump;
let engine: Engine;

beforeAll(async () => {
  const store = createMemoryStore();
  const clock = createManualClock('2026-03-02T09:00:00+08:00');
  engine = createEngine(createRegionEngineOptions({ store, clock }));
  await seedDemo(engine, { region: 'luoyang', clock });
  dump = await store.exportAll();
});

function backup(overrides: Partial<Backup> = {}): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-03-02T01:00:00.000Z',
    clock: Date.parse('2026-03-02T09:00:00+08:00'),
    engine: structuredClone(dump),
    farms: [{ id: 'luoyang-producer-1', region: 'luoyang', name: '洛阳镇种植户', registeredAt: '2026-03-02T01:00:00.000Z' }],
    designs: [],
    ...overrides,
  };
}

describe('checkBackup', () => {
  it('accepts a real export', async () => {
    const checked = parseBackup(JSON.stringify(backup()));
    expect(checked.ok).toBe(true);
    expect(dump.instances.length).toBeGreaterThan(5);
    if (checked.ok) expect(await verifyBackupJournals(engine, checked.backup)).toEqual([]);
  });

  it('refuses text that is not JSON, and JSON that is not a portal backup', () => {
    const notJson = parseBackup('{ not json');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problems[0]!.messageZh).toContain('JSON');
    const other = checkBackup({ format: 'something-else' });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.problems[0]).toMatchObject({ path: '/format', messageZh: expect.stringContaining('不是农安门户备份文件') });
    expect(checkBackup([1, 2]).ok).toBe(false);
  });

  it('refuses a newer version', () => {
    const checked = checkBackup({ ...backup(), version: 2 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toContain('/version');
  });

  it('refuses duplicate cases, orphan journal entries and heads that do not match', () => {
    const broken = backup();
    broken.engine.instances.push(structuredClone(broken.engine.instances[0]!));
    broken.engine.journal.push({ ...structuredClone(broken.engine.journal[0]!), instanceId: 'nowhere', commandId: 'orphan' });
    const checked = checkBackup(broken);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const text = checked.problems.map((p) => p.messageZh).join('\n');
      expect(text).toContain('重复');
      expect(text).toContain('流水所属案件 nowhere 不在导入数据中');
    }
  });

  it('refuses records with missing fields, naming the path', () => {
    const broken = backup();
    delete (broken.engine.timers as unknown as Array<Record<string, unknown>>)[0];
    (broken.engine.instances[1] as unknown as Record<string, unknown>).revision = 'one';
    (broken.farms[0] as unknown as Record<string, unknown>).name = '';
    const checked = checkBackup(broken);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const paths = checked.problems.map((p) => p.path);
      expect(paths).toContain('/engine/instances/1/revision');
      expect(paths).toContain('/farms/0/name');
    }
  });

  it('detects a case record edited in the file (replayed through its workflow), naming the field', async () => {
    const edited = backup();
    const record = edited.engine.instances.find((i) => i.status === 'active')!;
    record.status = 'done';
    const checked = checkBackup(edited);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      const problems = await verifyBackupJournals(engine, checked.backup);
      expect(problems).toContainEqual(expect.objectContaining({ path: `/engine/instances/${record.id}/status` }));
      expect(problems[0]!.messageZh).toContain('办结状态');
    }
  });

  it('detects an edited journal through the hash chain', async () => {
    const edited = backup();
    const entry = edited.engine.journal.find((e) => e.event.data !== undefined)!;
    entry.event.data = { ...entry.event.data, quantity: 99_999 };
    const checked = checkBackup(edited);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      const problems = await verifyBackupJournals(engine, checked.backup);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.messageZh).toContain(entry.instanceId);
    }
  });
});
