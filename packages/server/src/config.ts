/**
 * The server's settings, from the environment (twelve-factor), checked once at start with a message
 * that names the variable and what it accepts.
 *
 *   PORT (default 8787)   HOST (default 127.0.0.1)
 *   DATABASE_URL          postgres://… for a PostgreSQL server; unset = embedded PGlite
 *   NONGAN_DATA_DIR       the embedded database's folder (default .data/pglite in the checkout)
 *   NONGAN_DEMO           1 = seed demo accounts and cases (default 1 with embedded PGlite, else 0)
 *   NONGAN_ALLOW_DEMO     1 = allow demo mode with NODE_ENV=production (refused otherwise)
 *   NONGAN_POOL_SIZE      node-postgres pool size (default 10)
 *   NONGAN_CLOCK_OFFSET_DAYS  run the clock this many days ahead (demo and tests; refused in production)
 *   NONGAN_SECURE_COOKIES 1 = session cookies only over HTTPS (default 1 with NODE_ENV=production)
 *   NONGAN_CHECKPOINT_KEY_FILE  the Ed25519 key that signs journal checkpoints, outside the database
 *                         (default: beside the PGlite folder, or .data/checkpoint-key.json; created if absent)
 *   LOG_LEVEL             pino level (default info)
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };
  demo: boolean;
  logLevel: string;
  /** Session cookies get `Secure` (set behind HTTPS). */
  secureCookies: boolean;
  /** Added to the system clock: deadlines fall due as if this much time had passed (not in production). */
  clockOffsetMs: number;
  /** The checkpoint key's file (null: a key for this process only, with an in-memory database). */
  checkpointKeyFile: string | null;
}

/**
 * Where the checkpoint key lives by default: beside the embedded database's folder, or in the
 * checkout's `.data` for PostgreSQL (every process of a deployment must read the same file).
 */
export function defaultCheckpointKeyFile(database: ServerConfig['database']): string | null {
  if (database.kind === 'pglite') return database.dataDir === null ? null : `${database.dataDir}-checkpoint-key.json`;
  return resolve(DEFAULT_DATA_DIR, '..', 'checkpoint-key.json');
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string, problemZh: string) {
    super(`${variable}: ${problem} / ${problemZh}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_DATA_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../.data/pglite');

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`, `须为 ${min} 至 ${max} 的整数，实际为 "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(name, `must be 1 or 0, got "${raw}"`, `须为 1 或 0，实际为 "${raw}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://', '须以 postgres:// 或 postgresql:// 开头');
  }
  const database: ServerConfig['database'] = url
    ? { kind: 'postgres', url, poolSize: integer(env, 'NONGAN_POOL_SIZE', 10, 1, 500) }
    : { kind: 'pglite', dataDir: env.NONGAN_DATA_DIR === ':memory:' ? null : resolve(env.NONGAN_DATA_DIR || DEFAULT_DATA_DIR) };
  const production = env.NODE_ENV === 'production';
  const demo = flag(env, 'NONGAN_DEMO', database.kind === 'pglite' && !production);
  if (demo && production && !flag(env, 'NONGAN_ALLOW_DEMO', false)) {
    throw new ConfigError(
      'NONGAN_DEMO',
      'demo mode publishes demo accounts and passwords; it is refused with NODE_ENV=production unless NONGAN_ALLOW_DEMO=1',
      '演示模式会公开演示账号及密码；NODE_ENV=production 时须同时设置 NONGAN_ALLOW_DEMO=1 才能启用',
    );
  }
  const offsetDays = integer(env, 'NONGAN_CLOCK_OFFSET_DAYS', 0, -36_600, 36_600);
  if (offsetDays !== 0 && production) {
    throw new ConfigError('NONGAN_CLOCK_OFFSET_DAYS', 'a shifted clock is for demos and tests; it is refused with NODE_ENV=production', '时钟偏移仅用于演示和测试；NODE_ENV=production 时不允许');
  }
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST || '127.0.0.1',
    database,
    demo,
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: flag(env, 'NONGAN_SECURE_COOKIES', production),
    clockOffsetMs: offsetDays * 86_400_000,
    checkpointKeyFile: env.NONGAN_CHECKPOINT_KEY_FILE ? resolve(env.NONGAN_CHECKPOINT_KEY_FILE) : defaultCheckpointKeyFile(database),
  };
}
