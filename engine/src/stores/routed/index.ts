/**
 * `@nongan/engine/routed`: one `Store` over several, each case on the shard of its region (regions
 * split onto separate PostgreSQL clusters). See `routedStore.ts` for the semantics and known limits.
 */
export { RegionRoutedStore, createRegionRoutedStore } from './routedStore.js';
export { DEFAULT_DIRECTORY_SIZE, type RegionRoutedStoreOptions } from './shardRouting.js';
