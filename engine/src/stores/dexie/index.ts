export { DexieStore, createDexieStore, type DexieStoreOptions } from './dexieStore.js';
