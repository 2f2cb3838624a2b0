/**
 * Applies ordered migrations under an advisory lock, so two servers starting at once take turns and
 * the second finds the work done. Each migration runs in its own transaction and is recorded with a
 * checksum; an applied migration whose text changed, or a database newer than this code, is refused
 * with a clear error instead of being "fixed". Written here rather than taken from a migration
 * library because the same runner must work through both drivers (node-postgres and PGlite).
 */
import { EngineError } from '../../errors.js';
import { sha256Hex } from '../../journal/hash.js';
import type { Migration } from './migrations/index.js';
import type { SqlClient } from './sqlClient.js';

export interface MigrationResult {
  applied: Array<{ id: number; name: string }>;
  /** Highest migration now applied. */
  version: number;
}

/**
 * `table` records what is applied; different schemas of migrations (the engine's, a server's own)
 * keep separate tables and lock keys, so their numbering is independent.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[], table = 'nongan_migrations'): Promise<MigrationResult> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) {
    throw new EngineError('invalid-input', { en: `migration table name ${table} is not a plain identifier`, zh: `迁移记录表名 ${table} 不是合法标识符` }, { path: 'table' });
  }
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) {
      throw new EngineError('invalid-definition', { en: `migration ${m.name} is numbered ${m.id}, expected ${i + 1}`, zh: `迁移 ${m.name} 的编号为 ${m.id}，应为 ${i + 1}` }, { migration: m.name });
    }
  });
  const checksums = await Promise.all(migrations.map((m) => sha256Hex(m.sql)));
  return client.withAdvisoryLock(`nongan:migrate:${table}`, async (session) => {
    await session.query(
      `CREATE TABLE IF NOT EXISTS ${table} (id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await session.query<{ id: number; name: string; checksum: string }>(`SELECT id, name, checksum FROM ${table} ORDER BY id`);
    for (const row of rows) {
      const known = migrations[row.id - 1];
      if (!known) {
        throw new EngineError(
          'invalid-definition',
          { en: `the database has migration ${row.id} (${row.name}) that this version does not know: it was written by a newer version`, zh: `数据库已应用本版本不认识的迁移 ${row.id}（${row.name}），应由更新的版本写入` },
          { migration: row.id },
        );
      }
      if (checksums[row.id - 1] !== row.checksum) {
        throw new EngineError(
          'invalid-definition',
          { en: `migration ${row.id} (${row.name}) was changed after it was applied; add a new migration instead`, zh: `迁移 ${row.id}（${row.name}）在应用后被修改；应新增迁移而不是修改已应用的迁移` },
          { migration: row.id },
        );
      }
    }
    const applied: MigrationResult['applied'] = [];
    for (const migration of migrations.slice(rows.length)) {
      await session.query('BEGIN');
      try {
        await session.exec(migration.sql);
        await session.query(`INSERT INTO ${table} (id, name, checksum) VALUES ($1, $2, $3)`, [migration.id, migration.name, checksums[migration.id - 1]]);
        await session.query('COMMIT');
      } catch (error) {
        await session.query('ROLLBACK');
        throw error;
      }
      applied.push({ id: migration.id, name: migration.name });
    }
    return { applied, version: migrations.length };
  });
}
