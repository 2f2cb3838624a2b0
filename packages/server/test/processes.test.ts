/**
 * Several server processes (the production bundle) on one PostgreSQL database: racing on the same
 * cases, delivering cross-case messages, catching up deadlines after downtime, and one of them killed
 * with SIGKILL in the middle of a load. Nothing is lost, nothing happens twice, every journal verifies.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData } from '@nongan/workflows';
import { commandId, signIn } from './support/api.js';
import { eventually, expectWhole, inParallel, jiyuanApplication, jiyuanRegistration, PASSWORD, prepareDatabase, sendUntilAnswered, sql } from './support/fixtures.js';
import { serverProcess, type ServerProcess } from './support/servers.js';

const CASES = 100;
const beijingFarms = Array.from({ length: CASES }, (_, i) => `bj-load-${i + 1}`);
const jiyuanFarms = Array.from({ length: CASES }, (_, i) => `jy-load-${i + 1}`);
const shutdownFarms = Array.from({ length: 40 }, (_, i) => `jy-term-${i + 1}`);
let url: string;
const running: ServerProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await serverProcess({ DATABASE_URL: url, NONGAN_POOL_SIZE: '6', ...env });
  running.push(server);
  return server;
}

beforeAll(async () => {
  url = await createTestDatabase(inject('postgresAdminUrl'), 'processes');
  await prepareDatabase(url, [
    { login: 'bj-farms', displayName: '北京负载测试养殖场', roles: ['producer'], region: 'beijing', subjects: beijingFarms },
    { login: 'bj-expert', displayName: '北京专家办', roles: ['expert-office'], region: 'beijing' },
    { login: 'bj-municipal', displayName: '北京市农业农村局', roles: ['municipal'], region: 'beijing' },
    { login: 'jy-farms', displayName: '济源负载测试养殖场', roles: ['producer'], region: 'jiyuan', subjects: jiyuanFarms },
    { login: 'jy-shutdown', displayName: '济源停机测试养殖场', roles: ['producer'], region: 'jiyuan', subjects: shutdownFarms },
  ]);
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.kill()));
});

describe('two server processes on one database', () => {
  it('race on 100 cases: one of two simultaneous steps wins, messages are delivered once, journals verify', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const on = (server: ServerProcess, login: string) => signIn(server.baseUrl, login, PASSWORD);
    const farms = [await on(a, 'bj-farms'), await on(b, 'bj-farms')];
    const experts = [await on(a, 'bj-expert'), await on(b, 'bj-expert')];
    const municipal = await on(b, 'bj-municipal');
    const application = sampleData('beijing', 'cert-application');

    const certs = await inParallel(beijingFarms, 10, async (subject, i) => {
      const reply = await farms[i % 2]!.post('/api/cases', { workflowId: 'certification', region: 'beijing', subject, data: application, commandId: commandId('cert') });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.instanceId as string;
    });
    // The same evaluation sent to both servers at once, as two experts clicking together would.
    const outcomes = await inParallel(certs, 10, async (id) => {
      const send = (i: number) => experts[i]!.post(`/api/cases/${id}/events`, { type: 'EVALUATE', data: { score: 90, method: 'onsite', evaluatedOn: '2026-12-01' }, commandId: commandId('eval') });
      const replies = await Promise.all([send(0), send(1)]);
      return replies.map((r) => r.status).sort();
    });
    for (const statuses of outcomes) expect(statuses).toEqual([200, 409]);
    await inParallel(certs, 10, async (id) => {
      const reply = await municipal.post(`/api/cases/${id}/events`, { type: 'RECOGNISE', commandId: commandId('recognise') });
      expect(reply.body.stateKey).toBe('certified');
    });

    // A warning with a direct-exit proposal suspends each farm's mark through an outbox message.
    await inParallel(beijingFarms, 10, async (subject, i) => {
      const expert = experts[i % 2]!;
      const warning = await expert.post('/api/cases', { workflowId: 'warningToExit', region: 'beijing', subject, data: sampleData('beijing', 'warn-finding'), commandId: commandId('warn') });
      const proposed = await expert.post(`/api/cases/${warning.body.instanceId}/events`, { type: 'PROPOSE_DIRECT_EXIT', data: { ground: 'banned-drugs', evidence: '检出禁用药' }, commandId: commandId('exit') });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    });
    await eventually(
      'every mark suspended by its warning',
      async () => (await municipal.get('/api/cases?workflowId=certification&state=suspendedByWarning&limit=1')).body.total,
      (n) => n === CASES,
    );
    const outbox = await sql<{ status: string; n: number }>(url, 'SELECT status, count(*)::integer AS n FROM nongan_outbox GROUP BY status');
    expect(outbox).toEqual([{ status: 'delivered', n: CASES }]);
    const messageSteps = await sql<{ instance_id: string; n: number }>(url, "SELECT instance_id, count(*)::integer AS n FROM nongan_journal WHERE entry->>'kind' = 'message' GROUP BY instance_id");
    expect(messageSteps).toHaveLength(CASES);
    expect(messageSteps.every((r) => r.n === 1)).toBe(true);
    await expectWhole(municipal, certs);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a server killed with SIGKILL mid-load leaves nothing partial; retries with the same command apply once; deadlines that fell due while all were down fire once', async () => {
    const a = await start();
    const b = await start();
    const viaA = await signIn(a.baseUrl, 'jy-farms', PASSWORD);
    const viaB = await signIn(b.baseUrl, 'jy-farms', PASSWORD);
    const ids = await inParallel(jiyuanFarms, 10, async (subject, i) => {
      const reply = await viaB.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject, data: jiyuanRegistration(i), commandId: commandId('open') });
      return reply.body.instanceId as string;
    });
    // Half the farms submit through A; A is killed while those requests are in flight.
    const submitting = ids.slice(0, CASES / 2).map((id) => ({ id, command: commandId('submit') }));
    let answered = 0;
    const load = inParallel(submitting, 10, async ({ id, command }) => {
      try {
        return (await viaA.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: jiyuanApplication(), commandId: command })).status;
      } catch {
        return 0; // the connection died with the process
      } finally {
        answered++;
      }
    });
    // Killed once a fifth of the submissions were answered: ten are in flight, the rest not yet sent.
    await eventually('the first submissions answered', async () => answered, (n) => n >= CASES / 10, 2000);
    await a.kill();
    const statuses = await load;
    expect(statuses.some((s) => s !== 200), 'the kill landed after every request had been answered').toBe(true);
    // The farm's client retries every submission through B with the command id it used.
    const retried = await inParallel(submitting, 10, ({ id, command }) =>
      sendUntilAnswered(() => viaB.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: jiyuanApplication(), commandId: command })),
    );
    expect(retried.every((r) => r.status === 200 && r.body.stateKey === 'initialReview')).toBe(true);
    await expectWhole(viaB, ids);
    for (const { id } of submitting) expect((await viaB.get(`/api/cases/${id}/journal`)).body.map((e: { event: { type: string } }) => e.event.type)).toEqual(['start', 'SUBMIT']);
    await b.stop();

    // Everything is down until after the application window closed (2027-03-10): both servers come
    // back 120 days later and catch up; each draft's deadline fires exactly once, at its due time.
    const later = { NONGAN_CLOCK_OFFSET_DAYS: '120' };
    const [c, d] = await Promise.all([start(later), start(later)]);
    const viaC = await signIn(c.baseUrl, 'jy-farms', PASSWORD);
    const drafts = ids.slice(CASES / 2);
    await eventually(
      'every unsubmitted application waived when the window closed',
      async () => (await viaC.get('/api/cases?workflowId=qualificationReview&state=waived&limit=1')).body.total,
      (n) => n === drafts.length,
    );
    const timerSteps = await sql<{ instance_id: string; n: number; at: number }>(
      url,
      "SELECT instance_id, count(*)::integer AS n, min((entry->>'at')::bigint)::float8 AS at FROM nongan_journal WHERE entry->>'kind' = 'timer' AND instance_id = ANY($1) GROUP BY instance_id",
      [drafts],
    );
    expect(timerSteps).toHaveLength(drafts.length);
    expect(timerSteps.every((r) => r.n === 1)).toBe(true);
    // A late deadline uses its due time: the end of 2027-03-10, China time.
    expect(new Set(timerSteps.map((r) => r.at))).toEqual(new Set([Date.parse('2027-03-10T16:00:00Z')]));
    expect(await sql(url, 'SELECT 1 FROM nongan_timers WHERE instance_id = ANY($1)', [drafts])).toEqual([]);
    await expectWhole(viaC, ids);
    await Promise.all([c.stop(), d.stop()]);
  });

  it('SIGTERM under load: requests in flight finish and are applied, later ones are refused, the exit is clean', async () => {
    const server = await start();
    const client = await signIn(server.baseUrl, 'jy-shutdown', PASSWORD);
    const ids = await inParallel(shutdownFarms, 8, async (subject, i) => (await client.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject, data: jiyuanRegistration(i), commandId: commandId('open') })).body.instanceId as string);
    let answered = 0;
    const load = inParallel(ids, 8, async (id) => {
      try {
        return { id, status: (await client.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: jiyuanApplication(), commandId: commandId('submit') })).status };
      } catch {
        return { id, status: 0 }; // the listener was already closed
      } finally {
        answered++;
      }
    });
    await eventually('the first submissions answered', async () => answered, (n) => n >= 4, 2000);
    const exit = server.stop();
    const replies = await load;
    expect(await exit).toBe(0);
    expect(replies.every((r) => [200, 503, 0].includes(r.status))).toBe(true);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(4);

    const after = await start();
    const reader = await signIn(after.baseUrl, 'jy-shutdown', PASSWORD);
    await expectWhole(reader, ids);
    for (const { id, status } of replies) {
      const types = (await reader.get(`/api/cases/${id}/journal`)).body.map((e: { event: { type: string } }) => e.event.type);
      if (status === 200) expect(types).toEqual(['start', 'SUBMIT']);
      else expect(types).toEqual(['start']);
    }
    await after.stop();
  });
});
