/**
 * PostgreSQL restarted under load: requests in the gap fail with a retryable 503 ("unavailable", in
 * both languages), the server process itself keeps running, and clients that retry with the same
 * commandId get each step applied exactly once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '@nongan/engine/testing/postgres';
import { api, commandId, signIn } from './support/api.js';
import { expectWhole, inParallel, jiyuanApplication, jiyuanRegistration, PASSWORD, prepareDatabase, sendUntilAnswered } from './support/fixtures.js';
import { serverProcess, type ServerProcess } from './support/servers.js';

const farms = Array.from({ length: 60 }, (_, i) => `jy-restart-${i + 1}`);
let cluster: PostgresCluster;
let server: ServerProcess | undefined;

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await server?.kill();
  await cluster?.destroy();
});

it('answers 503 while the database restarts and applies every retried command once', async () => {
  const url = await cluster.createDatabase('restart');
  await prepareDatabase(url, [{ login: 'farms', displayName: '济源养殖场', roles: ['producer'], region: 'jiyuan', subjects: farms }]);
  server = await serverProcess({ DATABASE_URL: url, NONGAN_POOL_SIZE: '4' });
  const client = await signIn(server.baseUrl, 'farms', PASSWORD);
  const ids = await inParallel(farms, 6, async (subject, i) => (await client.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject, data: jiyuanRegistration(i), commandId: commandId('open') })).body.instanceId as string);

  const seen = { retried: 0 };
  const refusals: Array<{ status: number; body: { code: string; messageZh: string } }> = [];
  let answered = 0;
  const load = inParallel(ids, 4, async (id) => {
    const command = commandId('submit');
    const reply = await sendUntilAnswered(async () => {
      const r = await client.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: jiyuanApplication(), commandId: command });
      if (r.status === 503) refusals.push(r);
      await new Promise((resolve) => setTimeout(resolve, 15));
      return r;
    }, seen);
    answered++;
    return reply;
  });
  while (answered < 5) await new Promise((r) => setTimeout(r, 5));
  await cluster.restart();
  const replies = await load;

  expect(seen.retried, 'no request fell into the restart').toBeGreaterThan(0);
  expect(refusals.every((r) => r.body.code === 'unavailable' && /数据库/.test(r.body.messageZh))).toBe(true);
  expect(replies.every((r) => r.status === 200 && r.body.stateKey === 'initialReview')).toBe(true);
  expect(server.child.exitCode).toBeNull();
  expect((await api(server.baseUrl).get('/api/ready')).status).toBe(200);
  await expectWhole(client, ids);
  for (const id of ids) expect((await client.get(`/api/cases/${id}/journal`)).body).toHaveLength(2);
});
