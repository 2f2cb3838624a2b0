import { createDexieStore } from '../../src/stores/dexie/index.js';
import { describeStoreConformance, describeTamperEvidence } from '../../src/testing/index.js';

let n = 0;
// Real IndexedDB in Chromium: a new database name per store keeps tests independent.
describeStoreConformance('dexie (Chromium IndexedDB)', async () => createDexieStore({ name: `conformance-${Date.now()}-${n++}` }));
describeTamperEvidence('dexie (Chromium IndexedDB)', async () => createDexieStore({ name: `tamper-${Date.now()}-${n++}` }));
