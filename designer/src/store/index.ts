/** Persistence of designs: drafts, immutable published versions, diffs, autosave. */
export * from './types.js';
export { createMemoryDesignerStore } from './memoryStore.js';
export { createDexieDesignerStore, type DexieDesignerStoreOptions } from './dexieStore.js';
export { diffDocs, type Change } from './diff.js';
export { autosaveSession, type AutosaveHandle } from './autosave.js';
