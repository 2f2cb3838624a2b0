import { createDexieStore } from '../../src/stores/dexie/index.js';
import { describeStoreConformance } from '../../src/testing/index.js';

let n = 0;
// Real IndexedDB in Chromium: a new database name per store keeps tests independent.
describeStoreConformance('dexie (Chromium IndexedDB)', async () => createDexieStore({ name: `conformance-${Date.now()}-${n++}` }));
