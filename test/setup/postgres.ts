/**
 * Vitest global setup: one PostgreSQL cluster for the whole unit run (Debian's server binaries,
 * started on a free port, removed afterwards), or the server named by NONGAN_TEST_DATABASE_URL.
 * Test files get a fresh database each with `createTestDatabase(inject('postgresAdminUrl'))`.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from '@nongan/engine/testing/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a database on the test cluster that may create databases. */
    postgresAdminUrl: string;
  }
}

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.NONGAN_TEST_DATABASE_URL;
  if (given) return void project.provide('postgresAdminUrl', given);
  cluster = await startPostgresCluster();
  project.provide('postgresAdminUrl', cluster.url());
}

export async function teardown(): Promise<void> {
  await cluster?.destroy();
}
