import { PGlite } from '@electric-sql/pglite';
import { createPgliteClient, createPostgresStore } from '../../src/stores/postgres/index.js';
import { describeStoreConformance } from '../../src/testing/index.js';

// A fresh in-memory PGlite per store: each test starts from an empty, freshly migrated database.
describeStoreConformance('postgres on PGlite', async () => createPostgresStore({ client: createPgliteClient(await PGlite.create()) }));
