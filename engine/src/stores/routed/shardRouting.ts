/**
 * Which shard holds which region: the routed store's configuration, checked once when the store is
 * made, so a misspelt shard name fails at start-up instead of sending a region's cases to the wrong
 * cluster (or nowhere) later.
 */
import { EngineError } from '../../errors.js';
import type { Store } from '../../store/store.js';

export interface RegionRoutedStoreOptions {
  /** The underlying stores by shard name, e.g. `{ a: storeOnClusterA, b: storeOnClusterB }`. */
  shards: Readonly<Record<string, Store>>;
  /** Region → shard name, e.g. `{ jiyuan: 'a', beijing: 'b' }`. */
  regions: Readonly<Record<string, string>>;
  /** Shard for regions not listed in `regions`; without it, a case of an unlisted region is refused. */
  defaultShard?: string;
  /** How many case ids the id → shard directory remembers (default 50,000; least recently used go first). */
  directorySize?: number;
}

export interface Shard {
  readonly name: string;
  readonly store: Store;
}

export const DEFAULT_DIRECTORY_SIZE = 50_000;

/** What a store must offer to be a shard (the `Store` interface without the optional `claims`). */
export const STORE_METHODS = [
  'commit', 'getInstance', 'findInstances', 'countInstances', 'findByTaskKeys', 'findByActor', 'nextCaseSequence', 'getJournal', 'getJournalEntry', 'findByCommand',
  'dueTimers', 'timersOf', 'deleteTimers', 'nextDueAt', 'pendingOutbox', 'updateOutbox', 'exportAll', 'importAll', 'close',
] as const;

function invalid(en: string, zh: string, details: Record<string, unknown>): EngineError {
  return new EngineError('invalid-input', { en: `region-routed store: ${en}`, zh: `按地区分片的存储：${zh}` }, details);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class ShardRouting {
  /** In the order the options listed them: fan-outs ask them in this order and break ties by it. */
  readonly shards: readonly Shard[];
  readonly directorySize: number;
  private readonly byRegion = new Map<string, Shard>();
  private readonly fallback: Shard | undefined;

  constructor(options: RegionRoutedStoreOptions) {
    if (!isPlainObject(options)) throw invalid('options must be an object', '参数必须是对象', { path: 'options' });
    const { shards, regions, defaultShard, directorySize } = options;
    if (!isPlainObject(shards) || Object.keys(shards).length === 0) {
      throw invalid('needs at least one shard in `shards`', '`shards` 中至少需要一个分片', { path: 'shards' });
    }
    const byName = new Map<string, Shard>();
    const seen = new Map<Store, string>();
    for (const [name, store] of Object.entries(shards)) {
      if (name.trim() === '') throw invalid('a shard name is empty', '分片名称不能为空', { path: 'shards' });
      const missing = STORE_METHODS.filter((m) => typeof (store as unknown as Record<string, unknown> | null | undefined)?.[m] !== 'function');
      if (missing.length > 0) {
        throw invalid(`shard ${name} is not a Store (missing ${missing.join(', ')})`, `分片 ${name} 不是 Store（缺少 ${missing.join('、')}）`, { path: `shards.${name}`, missing });
      }
      // One store under two names would be asked twice by every fan-out: counts doubled, rows repeated.
      const other = seen.get(store);
      if (other !== undefined) {
        throw invalid(`shards ${other} and ${name} are the same store`, `分片 ${other} 与 ${name} 是同一个存储`, { path: `shards.${name}`, shard: name, sameAs: other });
      }
      seen.set(store, name);
      byName.set(name, { name, store });
    }
    this.shards = [...byName.values()];
    const known = this.shards.map((s) => s.name).join(', ');
    const knownZh = this.shards.map((s) => s.name).join('、');

    if (!isPlainObject(regions)) throw invalid('`regions` must map region names to shard names', '`regions` 须为地区到分片名称的映射', { path: 'regions' });
    for (const [region, shardName] of Object.entries(regions)) {
      if (region.trim() === '') throw invalid('a region name is empty', '地区名称不能为空', { path: 'regions' });
      const shard = typeof shardName === 'string' ? byName.get(shardName) : undefined;
      if (!shard) {
        throw invalid(
          `region ${region} is mapped to shard ${String(shardName)}, which is not among the shards (${known})`,
          `地区 ${region} 映射到分片 ${String(shardName)}，但分片中没有它（现有：${knownZh}）`,
          { path: `regions.${region}`, region, shard: shardName, shards: this.shards.map((s) => s.name) },
        );
      }
      this.byRegion.set(region, shard);
    }

    if (defaultShard !== undefined) {
      this.fallback = typeof defaultShard === 'string' ? byName.get(defaultShard) : undefined;
      if (!this.fallback) {
        throw invalid(
          `defaultShard ${String(defaultShard)} is not among the shards (${known})`,
          `默认分片 ${String(defaultShard)} 不在分片中（现有：${knownZh}）`,
          { path: 'defaultShard', shard: defaultShard, shards: this.shards.map((s) => s.name) },
        );
      }
    }

    if (directorySize !== undefined && (!Number.isInteger(directorySize) || directorySize < 1)) {
      throw invalid('directorySize must be an integer ≥ 1', 'directorySize 须为不小于 1 的整数', { path: 'directorySize' });
    }
    this.directorySize = directorySize ?? DEFAULT_DIRECTORY_SIZE;
  }

  /** The shard a region's cases live on, or undefined when the region has no shard (and there is no default). */
  shardOfRegion(region: string): Shard | undefined {
    return this.byRegion.get(region) ?? this.fallback;
  }

  /** Like `shardOfRegion`, for writes: a region without a shard is refused before anything is written. */
  shardForWrite(region: string, what: { en: string; zh: string; instanceId: string }): Shard {
    const shard = this.shardOfRegion(region);
    if (shard) return shard;
    throw invalid(
      `region ${region} of ${what.en} is not mapped to a shard and there is no defaultShard`,
      `${what.zh}所属地区 ${region} 未映射到任何分片，且未设置默认分片`,
      { path: 'region', region, instanceId: what.instanceId },
    );
  }

  get allHaveClaims(): boolean {
    return this.shards.every((s) => s.store.claims !== undefined);
  }
}
