/** Persistence of designs: drafts, immutable published versions, diffs, autosave. */
export * from './types.js';
export { createMemoryDesignerStore } from './memoryStore.js';
export { createDexieDesignerStore, type DexieDesignerStoreOptions } from './dexieStore.js';
export { diffDocs, type Change } from './diff.js';
export { autosaveSession, type AutosaveHandle } from './autosave.js';
// For other implementations of DesignerStore (the server's PostgreSQL store): the same checks and list.
export { checkDoc, checkDraft, checkPublishInput, duplicateVersion, withSupersession } from './checks.js';
export { summarize } from './summary.js';
