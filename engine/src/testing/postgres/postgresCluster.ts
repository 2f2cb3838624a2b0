/**
 * A throwaway PostgreSQL cluster for tests and benchmarks, from the machine's own PostgreSQL binaries
 * (Debian's `postgresql` package): `initdb` into a temporary folder, started on a free loopback port,
 * trust authentication, removed at the end. Tests that stop or restart the database own a cluster of
 * their own; the rest share one started by the test run (see `test/setup/postgres.ts`).
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresCluster {
  readonly port: number;
  readonly dataDir: string;
  /** Connection string of a database on this cluster (default `postgres`). */
  url(database?: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server (`fast`: ends sessions; `immediate`: like a crash, recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

export interface ClusterOptions {
  port?: number;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
}

/** The folder holding `initdb`, `pg_ctl` and `postgres`: `PG_BIN`, or the newest under /usr/lib/postgresql. */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found: install Debian\'s package (apt-get install postgresql) or set PG_BIN to the folder with initdb and pg_ctl',
    );
  }
  return join(root, versions[0]!, 'bin');
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` system user. */
function asClusterUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'nongan-pg-'));
  if (process.getuid?.() === 0) chownSync(dataDir, ...postgresUserIds());
  const port = options.port ?? (await freePort());
  const exec = async (command: string, args: string[]) => {
    const [cmd, argv] = asClusterUser(join(bin, command), args);
    try {
      await run(cmd, argv, { cwd: tmpdir() });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${command} failed: ${e.stderr || e.stdout || e.message}`);
    }
  };
  await exec('initdb', ['-D', join(dataDir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  // Durability settings off: tests restart the server, they never crash the machine.
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: dataDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: 200,
    ...options.settings,
  };
  const serverOptions = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  const logFile = join(dataDir, 'server.log');
  const pgCtl = (args: string[]) => exec('pg_ctl', ['-D', join(dataDir, 'data'), '-l', logFile, '-o', serverOptions, ...args]);

  let created = 0;
  const cluster: PostgresCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const database = name ?? `t_${process.pid}_${Date.now().toString(36)}_${created++}`;
      await exec('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE "${database.replace(/"/g, '')}"`]);
      return cluster.url(database);
    },
    stop: (mode = 'fast') => pgCtl(['-m', mode, '-w', 'stop']),
    start: () => pgCtl(['-w', '-t', '60', 'start']),
    restart: () => pgCtl(['-m', 'fast', '-w', '-t', '60', 'restart']),
    async destroy() {
      await cluster.stop('immediate').catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

function postgresUserIds(): [number, number] {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root needs the postgres system user (created by Debian\'s postgresql package) to own the test cluster');
  }
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}
