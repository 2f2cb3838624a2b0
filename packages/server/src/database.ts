/** Opens the database the configuration names: a PostgreSQL server through a pool, or embedded PGlite in a folder. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createNodePostgresClient, createPgliteClient, type SqlClient } from '@nongan/engine/postgres';
import type { ServerConfig } from './config.js';

export async function openDatabase(database: ServerConfig['database'], applicationName = 'nongan-server'): Promise<SqlClient> {
  if (database.kind === 'postgres') {
    return createNodePostgresClient({ connectionString: database.url, max: database.poolSize, applicationName });
  }
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  return createPgliteClient(await PGlite.create(database.dataDir ?? undefined));
}
