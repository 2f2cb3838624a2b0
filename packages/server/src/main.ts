/**
 * `node dist/main.js`: the server alone, configured by the environment (see config.ts). Starts on
 * embedded PGlite without any setup, or on PostgreSQL with DATABASE_URL. SIGTERM/SIGINT stop it
 * gracefully: no new requests, in-flight commits finish, workers stop, the database closes.
 */
import { buildApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { seedDemoData, DEMO_PASSWORD } from './demo/seedDemoAccounts.js';
import { createServerRuntime } from './runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[nongan server] configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await createServerRuntime(config);
  const { app, close } = await buildApp(runtime, { logLevel: config.logLevel });
  const log = app.log;
  if (config.demo) {
    const seeded = await seedDemoData(runtime);
    log.info({ ...seeded, password: DEMO_PASSWORD }, 'demo mode: demo accounts (login e.g. jiyuan-supervision, jiyuan-farm-1) share the demo password');
  }
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir ?? 'memory'}`;
  await app.listen({ port: config.port, host: config.host });
  log.info(`Nong'an server on ${where}; OpenAPI at /api/openapi.json`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then stopping`);
    try {
      await close();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error('[nongan server] failed to start:', error);
  process.exit(1);
});
