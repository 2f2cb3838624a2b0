import { createMemoryStore } from '../../src/index.js';
import { describeStoreConformance, describeTamperEvidence } from '../../src/testing/index.js';

describeStoreConformance('memory', async () => createMemoryStore());
describeTamperEvidence('memory', async () => createMemoryStore());
