import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { describeStoreConformance, describeTamperEvidence } from '../../src/testing/index.js';

// A fresh fake IndexedDB per store: each test starts from an empty database.
describeStoreConformance('dexie (fake-indexeddb)', async () => createDexieStore({ name: 'conformance', indexedDB: new IDBFactory(), IDBKeyRange }));
describeTamperEvidence('dexie (fake-indexeddb)', async () => createDexieStore({ name: 'tamper', indexedDB: new IDBFactory(), IDBKeyRange }));
