/**
 * `importAll` across shards: each record goes to the shard of its case's region (journal entries,
 * timers and outbox messages follow their case through `instanceId` / `sourceInstanceId`).
 *
 * NOT ATOMIC ACROSS CLUSTERS. Each shard imports its part in one transaction of its own, so an import
 * is all-or-nothing per shard only: if a later shard refuses its part after an earlier shard committed
 * its own, the earlier part stays. To make that rare, everything that can be checked is checked before
 * the first shard writes: the dump's shape, a shard for every region, every record's case in the dump,
 * keys repeated within the dump, case ids already on any shard, and command ids already on the target
 * shard. What is left is what only the shard's own transaction can find (a lost connection, a key the
 * store indexes more strictly). Shards import one after another, in the order of `options.shards`, and
 * a failure after a success names the shards already imported, so the rest can be imported by itself
 * (`RegionRoutedStore.splitDump` gives each shard's part).
 */
import { EngineError, isEngineError } from '../../errors.js';
import type { StoreDump } from '../../store/store.js';
import { duplicateKeyError } from '../../store/storeErrors.js';
import type { ShardDirectory } from './shardDirectory.js';
import type { Shard, ShardRouting } from './shardRouting.js';

/** How many existence look-ups run at once per import (point reads; an import is a rare, bulk operation). */
const CHECK_CONCURRENCY = 32;

function invalid(en: string, zh: string, details: Record<string, unknown>): EngineError {
  return new EngineError('invalid-input', { en: `region-routed import: ${en}`, zh: `按地区分片导入：${zh}` }, details);
}

/**
 * Each shard's part of `dump`, in shard order (shards with nothing to import are left out). Refuses,
 * before anything is written, a dump whose cases have no shard, whose records name a case not in the
 * dump, or that repeats a key within one shard's part.
 */
export function planImport(dump: StoreDump, routing: ShardRouting): Map<Shard, StoreDump> {
  for (const table of ['instances', 'journal', 'timers', 'outbox'] as const) {
    if (!Array.isArray((dump as Partial<StoreDump> | null | undefined)?.[table])) {
      throw invalid(`the dump has no ${table} list`, `导入数据缺少 ${table} 列表`, { path: table });
    }
  }
  const parts = new Map<Shard, StoreDump>();
  const partOf = (shard: Shard) => {
    let part = parts.get(shard);
    if (!part) parts.set(shard, (part = { instances: [], journal: [], timers: [], outbox: [] }));
    return part;
  };

  const shardOfCase = new Map<string, Shard>();
  for (const instance of dump.instances) {
    if (shardOfCase.has(instance.id)) throw duplicateKeyError('instances', instance.id);
    const shard = routing.shardForWrite(instance.region, { en: `imported case ${instance.id}`, zh: `导入的案件 ${instance.id} `, instanceId: instance.id });
    shardOfCase.set(instance.id, shard);
    partOf(shard).instances.push(instance);
  }
  const follow = (table: string, instanceId: string, key: string): Shard => {
    const shard = shardOfCase.get(instanceId);
    if (shard) return shard;
    throw invalid(
      `${table} record ${key} belongs to case ${instanceId}, which is not in the dump, so its shard is unknown`,
      `${table} 记录 ${key} 所属案件 ${instanceId} 不在导入数据中，无法确定其分片`,
      { path: table, instanceId, key },
    );
  };

  // Keys repeated within one shard's part would fail that shard's transaction, possibly after an
  // earlier shard committed: found here, they fail the whole import before any write.
  const seen = new Map<Shard, Set<string>>();
  const once = (shard: Shard, table: string, key: string, shown = key) => {
    let keys = seen.get(shard);
    if (!keys) seen.set(shard, (keys = new Set()));
    const scoped = `${table}\u0000${key}`;
    if (keys.has(scoped)) throw duplicateKeyError(table, shown);
    keys.add(scoped);
  };
  for (const entry of dump.journal) {
    const key = `${entry.instanceId}#${entry.seq}`;
    const shard = follow('journal', entry.instanceId, key);
    once(shard, 'journal', key);
    // Command ids are unique per shard only (see routedStore.ts), so only within the shard's part.
    once(shard, 'journal-command', entry.commandId, entry.commandId);
    partOf(shard).journal.push(entry);
  }
  for (const timer of dump.timers) {
    const shard = follow('timers', timer.instanceId, timer.id);
    once(shard, 'timers', `${timer.instanceId}\u0000${timer.id}`, timer.id);
    partOf(shard).timers.push(timer);
  }
  for (const message of dump.outbox) {
    const shard = follow('outbox', message.sourceInstanceId, message.id);
    once(shard, 'outbox', `${message.sourceInstanceId}\u0000${message.id}`, message.id);
    partOf(shard).outbox.push(message);
  }
  return new Map(routing.shards.filter((s) => parts.has(s)).map((s) => [s, parts.get(s)!]));
}

/** Refuses (writing nothing) a case id already on any shard, or a command id already on its target shard. */
async function checkCollisions(plan: Map<Shard, StoreDump>, routing: ShardRouting): Promise<void> {
  const checks: Array<() => Promise<void>> = [];
  for (const [shard, part] of plan) {
    for (const instance of part.instances) {
      // Every shard, not only the target: the same case id on two shards would make reads by id ambiguous.
      for (const other of routing.shards) {
        checks.push(async () => {
          if (await other.store.getInstance(instance.id)) throw duplicateKeyError('instances', instance.id);
        });
      }
    }
    for (const entry of part.journal) {
      checks.push(async () => {
        if (await shard.store.findByCommand(entry.commandId)) throw duplicateKeyError('journal', entry.commandId);
      });
    }
  }
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < checks.length) {
      const check = checks[next++]!;
      try {
        await check();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, checks.length) }, worker));
  if (failure) throw failure.error;
}

export async function importAcrossShards(dump: StoreDump, routing: ShardRouting, directory: ShardDirectory): Promise<void> {
  const plan = planImport(dump, routing);
  await checkCollisions(plan, routing);
  const imported: string[] = [];
  for (const [shard, part] of plan) {
    try {
      await shard.store.importAll(part);
    } catch (error) {
      if (imported.length === 0) throw error; // nothing written anywhere: the shard's own error says it all
      throw partialImport(error, shard, imported);
    }
    imported.push(shard.name);
    directory.rememberAll(shard, part.instances.map((i) => i.id));
  }
}

function partialImport(error: unknown, failed: Shard, imported: readonly string[]): Error {
  const cause = error instanceof Error ? error.message : String(error);
  const en = `shard ${failed.name} refused its part (${cause}); shards ${imported.join(', ')} had already imported theirs and keep them: import only the parts of the remaining shards`;
  const zh = `分片 ${failed.name} 拒绝导入其部分（${cause}）；分片 ${imported.join('、')} 已导入并保留其部分：只需再导入其余分片的部分`;
  const details = { importedShards: [...imported], failedShard: failed.name, reason: 'partial-import' };
  if (isEngineError(error)) return new EngineError(error.code, { en, zh }, { ...error.details, ...details });
  return Object.assign(new Error(`region-routed import: ${en}`, { cause: error }), details);
}
