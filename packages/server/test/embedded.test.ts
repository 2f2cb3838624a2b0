/**
 * `pnpm --filter @nongan/server start` with no setup: the production bundle on embedded PGlite in a
 * data folder, demo mode seeding accounts and cases; the data is still there after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seedDemoAccounts.js';
import { api, commandId, signIn } from './support/api.js';
import { serverProcess, type ServerProcess } from './support/servers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'nongan-embedded-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts on PGlite in NONGAN_DATA_DIR, seeds the demo, serves the API, and keeps the data across a restart', async () => {
  server = await serverProcess({ NONGAN_DATA_DIR: dataDir, NONGAN_DEMO: '1' });
  expect((await api(server.baseUrl).get('/api/openapi.json')).body.openapi).toBe('3.1.0');
  const reviewer = await signIn(server.baseUrl, 'jiyuan-supervision', DEMO_PASSWORD);
  const tasks = (await reviewer.get('/api/tasks')).body;
  expect(tasks.length).toBeGreaterThan(0);
  const id = tasks[0].instance.id as string;
  const event = tasks[0].events.find((e: string) => e === 'INITIAL_RETURN') ?? tasks[0].events[0];
  const sent = await reviewer.post(`/api/cases/${id}/events`, { type: event, ...(event === 'INITIAL_RETURN' ? { data: { reason: '材料不全，请补充' } } : {}), commandId: commandId() });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  expect(await server.stop()).toBe(0);

  server = await serverProcess({ NONGAN_DATA_DIR: dataDir, NONGAN_DEMO: '1' });
  const again = await signIn(server.baseUrl, 'jiyuan-supervision', DEMO_PASSWORD);
  const record = (await again.get(`/api/cases/${id}`)).body;
  expect(record.revision).toBe(sent.body.revision);
  expect((await again.get(`/api/cases/${id}/verify`)).body.ok).toBe(true);
});

it('refuses demo mode in production unless asked, naming the variable', async () => {
  await expect(serverProcess({ NONGAN_DATA_DIR: dataDir, NONGAN_DEMO: '1', NODE_ENV: 'production' })).rejects.toThrow(/NONGAN_DEMO.*NONGAN_ALLOW_DEMO=1/s);
});
