/** `@nongan/engine/testing/postgres`: throwaway PostgreSQL clusters for tests and benchmarks (Node only). */
export { startPostgresCluster, postgresBinDir, freePort, type PostgresCluster, type ClusterOptions } from './postgresCluster.js';
export { createTestDatabase } from './testDatabase.js';
