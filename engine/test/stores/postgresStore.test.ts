import { inject } from 'vitest';
import { createNodePostgresClient, createPostgresStore } from '../../src/stores/postgres/index.js';
import { describeStoreConformance, describeTamperEvidence } from '../../src/testing/index.js';
import { createTestDatabase } from '../../src/testing/postgres/index.js';

// A fresh database on the run's PostgreSQL server per store (node-postgres pool).
describeStoreConformance('postgres on a PostgreSQL server', async () =>
  createPostgresStore({ client: createNodePostgresClient({ connectionString: await createTestDatabase(inject('postgresAdminUrl'), 'conformance') }) }),
);
describeTamperEvidence('postgres on a PostgreSQL server', async () =>
  createPostgresStore({ client: createNodePostgresClient({ connectionString: await createTestDatabase(inject('postgresAdminUrl'), 'tamper') }) }),
);
