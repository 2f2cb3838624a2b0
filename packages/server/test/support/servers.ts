/**
 * Servers for the tests: in this process (Fastify listening on a free port, for route tests), or as
 * real child processes running the production bundle (`node dist/main.js`), for tests that race two
 * servers, kill one with SIGKILL, or restart them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@nongan/engine/testing/postgres';
import { buildApp } from '../../src/app.js';
import { createServerRuntime, type RuntimeOptions, type ServerRuntime } from '../../src/runtime.js';
import type { ServerConfig } from '../../src/config.js';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface InProcessServer {
  baseUrl: string;
  runtime: ServerRuntime;
  close(): Promise<void>;
}

export async function inProcessServer(
  database: ServerConfig['database'],
  options: RuntimeOptions & { demo?: boolean; bodyLimit?: number; logLines?: string[] } = {},
): Promise<InProcessServer> {
  const runtime = await createServerRuntime({ database, demo: options.demo ?? false, secureCookies: false }, { ...options, onError: options.onError ?? (() => {}) });
  const logLines = options.logLines;
  const { app, close } = await buildApp(runtime, {
    logLevel: logLines ? 'trace' : 'silent',
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(logLines ? { logStream: { write: (line: string) => void logLines.push(line) } } : {}),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    runtime,
    async close() {
      await close();
      await runtime.close();
    },
  };
}

let built = false;
/** Builds the production bundle once per test file. */
export function buildServerBundle(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: SERVER_DIR, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`server build failed: ${result.stderr}`);
  built = true;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed (for a failing test's message). */
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all, as when a machine dies. */
  kill(): Promise<void>;
}

export async function serverProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  buildServerBundle();
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', NONGAN_DEMO: '0', LOG_LEVEL: 'warn', ...env, PORT: String(chosen), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${chosen}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (attempt > 600) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    port: chosen,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
