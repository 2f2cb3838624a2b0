import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDexieDesignerStore } from '../../src/index.js';
import { designerStoreConformance } from './conformance.js';

// A fresh IndexedDB per test, so each case starts empty like the memory store does.
designerStoreConformance('dexie (fake-indexeddb)', async () => createDexieDesignerStore({ indexedDB: new IDBFactory(), IDBKeyRange }));
