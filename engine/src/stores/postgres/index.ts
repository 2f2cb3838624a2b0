/**
 * `@nongan/engine/postgres`: the engine's store on PostgreSQL, through node-postgres (a real server)
 * or PGlite (embedded). Node-only for node-postgres; PGlite also runs in browsers and workers.
 */
export { PostgresStore, createPostgresStore, type PostgresStoreOptions } from './postgresStore.js';
export { createNodePostgresClient, type NodePostgresOptions } from './nodePostgres.js';
export { createPgliteClient } from './pglite.js';
export { migrate, type MigrationResult } from './migrate.js';
export { readDump, writeDump } from './dumpTables.js';
export { ENGINE_MIGRATIONS, type Migration } from './migrations/index.js';
export { isStepCursor, type StepPage } from './stepFeed.js';
export { isConnectionError, advisoryKey, type SqlClient, type SqlQueryable, type SqlResult } from './sqlClient.js';
