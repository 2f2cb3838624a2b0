/**
 * The HTTP API against a real server on a free port, on a real PostgreSQL database: sign-in and
 * sessions, a Jiyuan application through two parties, scope (another region's case is "not found"),
 * idempotent commands, bad input of every kind, the live stream with resume, and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData } from '@nongan/workflows';
import { api, commandId, signIn, type Api } from './support/api.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';
import { readEvents } from './support/sse.js';
import { regionBureau, registerFarms } from './support/fixtures.js';

const PASSWORD = 'correct horse battery';
let server: InProcessServer;
let farm: Awaited<ReturnType<typeof signIn>>;
let supervision: Awaited<ReturnType<typeof signIn>>;
let beijing: Awaited<ReturnType<typeof signIn>>;
let otherFarm: Api;

// One application per farm and subsidy year (seed 002 §二): each case these tests open is the next year's.
let nextYear = 2027;
const registration = (name = '济源市承留镇示范养殖场') => ({ ...sampleData('jiyuan', 'qr-registration'), farmName: name, year: nextYear++ });

async function openCase(client: Api = farm, subject = 'jy-farm-1') {
  const reply = await client.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject, data: registration(), commandId: commandId('start') });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.instanceId as string;
}

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'http'), poolSize: 5 }, { workers: false });
  const { accounts } = server.runtime;
  await registerFarms(server.runtime.subjects, 'jiyuan', ['jy-farm-1', 'jy-farm-2']);
  await accounts.create({ login: 'farm', displayName: '示范养殖场', password: PASSWORD, roles: ['producer'], region: 'jiyuan', subjects: ['jy-farm-1'] });
  await accounts.create({ login: 'farm2', displayName: '另一养殖场', password: PASSWORD, roles: ['producer'], region: 'jiyuan', subjects: ['jy-farm-2'] });
  await accounts.create({ login: 'sup', displayName: '济源监督所', password: PASSWORD, roles: ['supervision'], region: 'jiyuan', organisationId: await regionBureau(server.runtime.organisations, 'jiyuan') });
  await accounts.create({ login: 'bj', displayName: '北京区农业局', password: PASSWORD, roles: ['district'], region: 'beijing', organisationId: await regionBureau(server.runtime.organisations, 'beijing') });
  farm = await signIn(server.baseUrl, 'farm', PASSWORD);
  supervision = await signIn(server.baseUrl, 'sup', PASSWORD);
  beijing = await signIn(server.baseUrl, 'bj', PASSWORD);
  otherFarm = await signIn(server.baseUrl, 'farm2', PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

describe('sessions', () => {
  it('refuses a wrong password in both languages, records it, and never returns a hash', async () => {
    const reply = await api(server.baseUrl).post('/api/session', { login: 'farm', password: 'wrong password' });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ code: 'unauthenticated', messageZh: expect.stringContaining('账号或密码错误') });
    const audit = await server.runtime.audit.recent(20);
    expect(audit.some((a) => a.kind === 'sign-in-failed' && a.login === 'farm')).toBe(true);
    const ok = await api(server.baseUrl).post('/api/session', { login: 'FARM', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/argon2|"password|password_?hash|totp_?secret/i);
    expect(ok.headers.get('set-cookie')).toMatch(/^nongan_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('answers 401 without a session, and a signed-out token no longer works', async () => {
    expect((await api(server.baseUrl).get('/api/tasks')).status).toBe(401);
    const session = await signIn(server.baseUrl, 'farm', PASSWORD);
    expect((await session.get('/api/session')).body.account.login).toBe('farm');
    expect((await session.delete('/api/session')).status).toBe(200);
    expect((await session.get('/api/session')).status).toBe(401);
  });

  it('needs the CSRF token for a cookie-authenticated write, not for a read', async () => {
    const viaCookie = api(server.baseUrl, { cookie: farm.cookie });
    expect((await viaCookie.get('/api/tasks')).status).toBe(200);
    const refused = await viaCookie.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'jy-farm-1', data: registration(), commandId: commandId() });
    expect(refused.status).toBe(403);
    expect(refused.body.details.reason).toBe('csrf');
    const withToken = api(server.baseUrl, { cookie: farm.cookie, csrf: farm.csrf });
    expect((await withToken.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'jy-farm-1', data: registration('第二场'), commandId: commandId() })).status).toBe(201);
  });
});

describe('cases through two parties', () => {
  it('a farm submits, the township reviewer has the task and approves; the journal verifies', async () => {
    const id = await openCase();
    const submitted = await farm.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const tasks = await supervision.get('/api/tasks?limit=100');
    expect(tasks.body.find((t: { instance: { id: string } }) => t.instance.id === id)?.events).toContain('INITIAL_APPROVE');
    expect((await supervision.get(`/api/cases/${id}/allowed-events`)).body).toContain('INITIAL_APPROVE');
    const approved = await supervision.post(`/api/cases/${id}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    expect(approved.body.stateKey).toBe('finalReview');
    const journal = await farm.get(`/api/cases/${id}/journal`);
    expect(journal.body.map((e: { event: { type: string }; actor: { id: string } }) => [e.event.type, e.actor.id])).toEqual([
      ['start', farm.accountId],
      ['SUBMIT', farm.accountId],
      ['INITIAL_APPROVE', supervision.accountId],
    ]);
    expect((await farm.get(`/api/cases/${id}/verify`)).body).toMatchObject({ ok: true, entries: 3 });
    // The case number reaches the client (the response schema names it) and the task list carries it too.
    expect((await farm.get(`/api/cases/${id}`)).body.caseNumber).toMatch(/^济源-\d{4}-\d{6}$/);
  });

  it('answers a repeated command with its first result and writes nothing more', async () => {
    const id = await openCase();
    const command = commandId('submit');
    const body = { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: command };
    const first = await farm.post(`/api/cases/${id}/events`, body);
    const again = await farm.post(`/api/cases/${id}/events`, body);
    expect(again.status).toBe(200);
    expect({ ...again.body, replayed: false }).toEqual(first.body);
    expect(again.body.replayed).toBe(true);
    expect((await farm.get(`/api/cases/${id}/journal`)).body).toHaveLength(2);
  });

  it('refuses a below-threshold application naming the rule and its numbers, writing nothing', async () => {
    const id = await openCase();
    const reply = await farm.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: { species: 'pig', stock: 10, annualOutput: 20 }, commandId: commandId() });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ code: 'rule-refused', details: { rule: 'seed 002 §三(一)' } });
    expect(reply.body.messageZh).toContain('生猪养殖场须');
    expect(reply.body.messageZh).toContain('本次填报存栏10头、年出栏20头');
    expect((await farm.get(`/api/cases/${id}/journal`)).body).toHaveLength(1);
  });

  it('takes the actor from the session only: an actor in the body is refused, the role must be the caller\'s own', async () => {
    const id = await openCase();
    const forged = await farm.post(`/api/cases/${id}/events`, { type: 'INITIAL_APPROVE', commandId: commandId(), actor: { id: 'x', roles: ['supervision'], region: 'jiyuan' } });
    expect(forged.status).toBe(400);
    expect(forged.body.messageZh).toContain('actor');
    const asOtherRole = await farm.post(`/api/cases/${id}/events`, { type: 'INITIAL_APPROVE', commandId: commandId(), role: 'supervision' });
    expect(asOtherRole.status).toBe(403);
    expect((await farm.get(`/api/cases/${id}/journal`)).body).toHaveLength(1);
  });
});

describe('scope', () => {
  it('answers another region\'s or another farm\'s case exactly like a case that does not exist', async () => {
    const id = await openCase();
    const missing = await beijing.get('/api/cases/no-such-case');
    for (const client of [beijing, otherFarm]) {
      for (const path of [`/api/cases/${id}`, `/api/cases/${id}/journal`, `/api/cases/${id}/verify`]) {
        const reply = await client.get(path);
        expect(reply.status).toBe(404);
        expect(reply.body.message.replace(id, 'ID')).toBe(missing.body.message.replace('no-such-case', 'ID'));
      }
      const send = await client.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
      expect(send.status).toBe(404);
    }
  });

  it('lists only the caller\'s cases, whatever filter it asks for', async () => {
    await openCase();
    expect((await beijing.get('/api/cases?region=jiyuan')).body).toEqual({ items: [], total: 0 });
    const farmCases = (await farm.get('/api/cases?limit=500')).body;
    expect(farmCases.items.length).toBeGreaterThan(0);
    expect(farmCases.items.every((i: { subject: string }) => i.subject === 'jy-farm-1')).toBe(true);
    expect((await otherFarm.get('/api/cases?subject=jy-farm-1')).body.items).toEqual([]);
    const reviewer = (await supervision.get('/api/cases?limit=500')).body;
    expect(reviewer.total).toBe(farmCases.total);
  });
});

describe('bad input gets a clear error, and the server keeps serving', () => {
  const start = (body: unknown, headers?: Record<string, string>) => farm.post('/api/cases', body, headers);

  it.each([
    ['malformed JSON', '{"workflowId": ', 400, /not valid JSON/],
    ['a __proto__ key', '{"workflowId": "qualificationReview", "__proto__": {"admin": true}}', 400, /__proto__/],
    ['wrong types', { workflowId: 5, region: ['jiyuan'], subject: 'x', commandId: 'c' }, 400, /\/body\/workflowId must be string/],
    ['an unknown workflow', { workflowId: 'nope', region: 'jiyuan', subject: 'jy-farm-1', commandId: 'c-x' }, 404, /no lifecycle nope/],
    ['a control character in an id', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'jy\u0000farm', commandId: 'c-y' }, 400, /subject/],
  ])('%s', async (_what, body, status, message) => {
    const reply = await start(body);
    expect(reply.status).toBe(status);
    expect(reply.body.message).toMatch(message);
    expect(reply.body.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a 10 MB body with 413, an unknown case with 404, an unknown route with 404', async () => {
    const big = await start({ workflowId: 'qualificationReview', region: 'jiyuan', subject: 'jy-farm-1', commandId: 'c-big', data: { note: 'x'.repeat(10 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.body.messageZh).toContain('请求体超过');
    expect((await farm.post('/api/cases/nope/events', { type: 'SUBMIT', commandId: commandId() })).status).toBe(404);
    expect((await farm.get('/api/nothing-here')).body).toMatchObject({ code: 'not-found' });
    expect((await farm.get('/api/cases?limit=100000')).status).toBe(400);
    expect((await farm.get("/api/cases?state=' OR 1=1 --")).body).toEqual({ items: [], total: 0 });
    expect((await api(server.baseUrl).get('/api/health')).status).toBe(200);
  });
});

describe('live stream', () => {
  it('delivers steps as they commit and resumes from Last-Event-ID without missing one', async () => {
    const id = await openCase();
    const stream = await readEvents(`${server.baseUrl}/api/events`, { authorization: `Bearer ${supervision.token}` });
    const ready = await stream.next((e) => e.event === 'ready');
    expect(ready.id).toMatch(/^\d+:\d+:/);
    await farm.post(`/api/cases/${id}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
    await server.runtime.live.pull();
    // The stream may start a little before the case was opened (its position is the feed's last read), so look for the SUBMIT.
    const isSubmit = (s: { instanceId: string; eventType: string }) => s.instanceId === id && s.eventType === 'SUBMIT';
    const steps = await stream.next((e) => e.event === 'steps' && JSON.parse(e.data).some(isSubmit));
    expect(JSON.parse(steps.data).find(isSubmit)).toMatchObject({ stateKey: 'initialReview', seq: 2, workflowId: 'qualificationReview', region: 'jiyuan' });
    stream.close();

    // While nobody listens, the reviewer approves; the resumed stream starts with that step.
    await supervision.post(`/api/cases/${id}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    const resumed = await readEvents(`${server.baseUrl}/api/events`, { authorization: `Bearer ${supervision.token}`, 'last-event-id': steps.id! });
    const missed = await resumed.next((e) => e.event === 'steps');
    expect(JSON.parse(missed.data).map((s: { instanceId: string; eventType: string }) => [s.instanceId, s.eventType])).toContainEqual([id, 'INITIAL_APPROVE']);
    resumed.close();
  });

  it('shows a caller only the steps of cases it may see', async () => {
    const stream = await readEvents(`${server.baseUrl}/api/events`, { authorization: `Bearer ${beijing.token}` });
    const ready = await stream.next((e) => e.event === 'ready');
    await openCase();
    await server.runtime.live.pull();
    const after = await readEvents(`${server.baseUrl}/api/events`, { authorization: `Bearer ${beijing.token}`, 'last-event-id': ready.id! });
    const first = await after.next(() => true);
    expect(first.event).not.toBe('steps');
    stream.close();
    after.close();
  });

  it('refuses a resume position it did not give out', async () => {
    const reply = await api(server.baseUrl, { token: supervision.token }).raw('/api/events', { headers: { 'last-event-id': "1; DROP TABLE nongan_journal" } });
    expect(reply.status).toBe(400);
  });
});

describe('documents and reference data', () => {
  it('serves an OpenAPI 3.1 document with a schema for every body', async () => {
    const doc = (await api(server.baseUrl).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/cases', '/api/cases/{instanceId}/events', '/api/tasks', '/api/events', '/api/session', '/api/calendar/days']) expect(doc.paths[path], path).toBeDefined();
    for (const [path, item] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>(doc.paths)) {
      if (item.post) expect(item.post.requestBody?.content['application/json']?.schema, path).toBeDefined();
    }
  });

  it('serves the region\'s forms and the working-day calendar', async () => {
    const forms = (await farm.get('/api/regions/jiyuan/forms')).body;
    expect(forms.map((f: { id: string }) => f.id)).toContain('qr-registration');
    expect((await farm.get('/api/regions/jiyuan/forms/qr-registration')).body.schema).toBeDefined();
    expect((await farm.get('/api/regions/atlantis/forms')).status).toBe(404);
    const days = (await farm.get('/api/calendar/days?from=2026-10-01&to=2026-10-11')).body;
    expect(days.filter((d: { workingDay: boolean }) => d.workingDay).map((d: { date: string }) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']); // 国庆 10月1日至7日放假，10月10日（周六）上班
    expect((await farm.get('/api/calendar/add-working-days?from=2026-09-30&days=1')).body.date).toBe('2026-10-08');
    expect((await farm.get('/api/calendar/days?from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });
});
