/**
 * Who may do what, decided on the server: an authorization matrix of case routes × accounts of
 * every kind (own farm, other farm, the case's township, another township, the region's bureau,
 * another region, an account acting for the farm and also holding an official role, administrator,
 * nobody), on a real PostgreSQL database; separation of duties; injection in every parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData } from '@nongan/workflows';
import { api, commandId, signIn, type Api } from './support/api.js';
import { regionBureau, registerFarms } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'scope test password';
const CHENGLIU = '419001103';
const LILIN = '419001106';
let server: InProcessServer;
const who: Record<string, Api> = {};
let caseId: string;

const registration = () => ({ ...sampleData('jiyuan', 'qr-registration'), farmName: '承留镇示范养殖场', year: 2027 });

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'scope'), poolSize: 5 }, { workers: false });
  const { accounts, organisations, subjects } = server.runtime;
  await registerFarms(subjects, 'jiyuan', ['farm-chengliu'], CHENGLIU);
  await registerFarms(subjects, 'jiyuan', ['farm-lilin'], LILIN);
  const bureau = await regionBureau(organisations, 'jiyuan');
  await regionBureau(organisations, 'beijing');
  await organisations.create({ id: 'station-chengliu', name: { zh: '承留镇监管站', en: 'Chengliu station' }, kind: 'township-station', region: 'jiyuan', division: CHENGLIU, parentId: bureau });
  await organisations.create({ id: 'station-lilin', name: { zh: '梨林镇监管站', en: 'Lilin station' }, kind: 'township-station', region: 'jiyuan', division: LILIN, parentId: bureau });
  const people = [
    { login: 'own-farm', roles: ['producer'], region: 'jiyuan', subjects: ['farm-chengliu'], dataScope: 'self' as const },
    { login: 'other-farm', roles: ['producer'], region: 'jiyuan', subjects: ['farm-lilin'], dataScope: 'self' as const },
    { login: 'township', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-chengliu' },
    { login: 'other-township', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-lilin' },
    { login: 'custom', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-lilin', dataScope: 'custom' as const, customDivisions: [CHENGLIU] },
    { login: 'bureau', roles: ['supervision', 'district'], region: 'jiyuan', organisationId: bureau },
    { login: 'beijing', roles: ['supervision', 'district'], region: 'beijing', organisationId: 'beijing-bureau' },
    { login: 'stakeholder', roles: ['producer', 'supervision'], region: 'jiyuan', subjects: ['farm-chengliu'], organisationId: bureau },
    { login: 'admin', roles: ['admin'], dataScope: 'all' as const },
  ];
  for (const p of people) await accounts.create({ displayName: p.login, password: PASSWORD, ...p });
  for (const p of people) who[p.login] = await signIn(server.baseUrl, p.login, PASSWORD);
  who.nobody = api(server.baseUrl);
  const started = await who['own-farm']!.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'farm-chengliu', data: registration(), commandId: commandId('start') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  caseId = started.body.instanceId;
  const submitted = await who['own-farm']!.post(`/api/cases/${caseId}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
  expect(submitted.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

const SEES = ['own-farm', 'township', 'custom', 'bureau', 'stakeholder'];
const REVIEWS = ['township', 'custom', 'bureau'];

describe('authorization matrix: case routes × accounts', () => {
  const accounts = ['own-farm', 'other-farm', 'township', 'other-township', 'custom', 'bureau', 'beijing', 'stakeholder', 'admin', 'nobody'];

  it.each(accounts)('reads of the case by %s', async (login) => {
    const client = who[login]!;
    const expected = login === 'nobody' ? 401 : SEES.includes(login) ? 200 : 404;
    for (const path of [`/api/cases/${caseId}`, `/api/cases/${caseId}/journal`, `/api/cases/${caseId}/verify`, `/api/cases/${caseId}/allowed-events`]) {
      expect((await client.get(path)).status, `${login} GET ${path}`).toBe(expected);
    }
    const list = await client.get('/api/cases?limit=500');
    if (login === 'nobody') expect(list.status).toBe(401);
    else expect(list.body.items.some((c: { id: string }) => c.id === caseId), `${login} lists the case`).toBe(SEES.includes(login));
    const tasks = await client.get('/api/tasks?limit=500');
    if (login !== 'nobody') expect(tasks.body.some((t: { instance: { id: string } }) => t.instance.id === caseId), `${login} has the task`).toBe(REVIEWS.includes(login));
  });

  it.each(accounts)('the initial review sent by %s', async (login) => {
    // A dry run per account: a refusal writes nothing, so the case stays in initial review for the next.
    const before = (await server.runtime.engine.get(caseId)).revision;
    if (REVIEWS.includes(login)) {
      expect(await server.runtime.engine.allowedEvents(caseId, await actorOfLogin(login))).toContain('INITIAL_APPROVE');
      return;
    }
    const reply = await who[login]!.post(`/api/cases/${caseId}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    const expected = login === 'nobody' ? 401 : SEES.includes(login) ? 403 : 404;
    expect(reply.status, `${login}: ${JSON.stringify(reply.body)}`).toBe(expected);
    if (login === 'stakeholder') expect(reply.body.details.reason).toBe('separation-of-duties');
    expect((await server.runtime.engine.get(caseId)).revision).toBe(before);
  });

  it('counts a case once for an account that finds it both as its farm and within its scope', async () => {
    const list = (await who.stakeholder!.get('/api/cases?limit=500')).body;
    expect(list.items.filter((c: { id: string }) => c.id === caseId)).toHaveLength(1);
    expect(list.total).toBe(list.items.length);
  });

  it('the township of the case approves; its journal names the reviewer', async () => {
    const reply = await who.township!.post(`/api/cases/${caseId}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const journal = (await who['own-farm']!.get(`/api/cases/${caseId}/journal`)).body;
    expect(journal.at(-1).actor.id).toBe((await who.township!.get('/api/session')).body.account.id);
  });

  it('a farm cannot open a case for a farm it does not act for, nor for an unregistered one', async () => {
    const other = await who['own-farm']!.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'farm-lilin', data: registration(), commandId: commandId() });
    expect(other.status).toBe(403);
    const unknown = await who['own-farm']!.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'no-such-farm', data: registration(), commandId: commandId() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.messageZh).toContain('已登记');
  });
});

async function actorOfLogin(login: string) {
  const { actorOf } = await import('../src/identity/accounts.js');
  const { rows } = await server.runtime.db.query<{ id: string }>('SELECT id FROM nongan_accounts WHERE login = $1', [login]);
  return actorOf((await server.runtime.accounts.get(rows[0]!.id))!);
}

describe('the farms each account is shown', () => {
  const FARMS: Record<string, Array<[string, boolean]>> = {
    'own-farm': [['farm-chengliu', true]],
    'other-farm': [['farm-lilin', true]],
    township: [['farm-chengliu', false]],
    'other-township': [['farm-lilin', false]],
    custom: [['farm-chengliu', false]],
    bureau: [['farm-chengliu', false], ['farm-lilin', false]],
    beijing: [],
    stakeholder: [['farm-chengliu', true], ['farm-lilin', false]],
    admin: [['farm-chengliu', false], ['farm-lilin', false]],
  };
  it.each(Object.keys(FARMS))('%s sees its own farms and those in its data scope, each once', async (login) => {
    const reply = await who[login]!.get('/api/farms');
    expect(reply.status).toBe(200);
    const shown = (reply.body.items as Array<{ id: string; own: boolean }>).map((f) => [f.id, f.own]).sort();
    expect(shown).toEqual([...FARMS[login]!].sort());
  });
  it('nobody without a session', async () => {
    expect((await who.nobody!.get('/api/farms')).status).toBe(401);
  });
});

describe('authorization matrix: every route of the API document × accounts', () => {
  /** Routes anyone may call (sign-in, health, the API document, reference data, setting a password from a link). */
  const PUBLIC = new Set(['POST /api/session', 'GET /api/health', 'GET /api/ready', 'POST /api/session/password', 'GET /api/regions', 'GET /api/regions/{region}/forms', 'GET /api/regions/{region}/forms/{formId}', 'GET /api/calendar/days', 'GET /api/calendar/add-working-days', 'GET /.well-known/jwks.json', 'POST /api/certificates/verify', 'GET /api/certificates/{number}', 'GET /api/certificates/status-lists/{authority}']);
  const fill = (path: string) => path.replace('{instanceId}', caseId).replace('{accountId}', 'no-such-account').replace('{region}', 'jiyuan').replace('{formId}', 'qr-registration').replace('{number}', 'HGZ-0').replace('{kid}', 'no-such-key').replace('{authority}', 'kaizhou');

  it('nobody gets past a route that needs a session; only administrators reach the administration routes', async () => {
    const doc = (await api(server.baseUrl).get('/api/openapi.json')).body;
    const routes = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(25);
    const call = (client: Api, method: string, path: string) =>
      method === 'GET' ? client.get(path) : method === 'DELETE' ? client.delete(path) : method === 'PATCH' ? client.patch(path, {}) : client.post(path, {});
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (key === 'GET /api/events') continue; // a stream: covered by the stream tests
      const anonymous = await call(who.nobody!, method, fill(path));
      if (!PUBLIC.has(key)) expect(anonymous.status, `nobody: ${key}`).toBe(401);
      if (path.startsWith('/api/admin/')) {
        for (const login of ['own-farm', 'township', 'bureau', 'stakeholder']) {
          const reply = await call(who[login]!, method, fill(path));
          expect(reply.status, `${login}: ${key}`).toBe(403);
          expect(reply.body.details.reason).toBe('role');
        }
        const byAdmin = await call(who.admin!, method, fill(path));
        expect(byAdmin.status, `admin: ${key} ${JSON.stringify(byAdmin.body)}`).not.toBe(403);
      }
    }
  });
});

describe('injection in every parameter is harmless', () => {
  const nasty = ["' OR 1=1 --", '"; DROP TABLE nongan_instances; --', '{"$ne":null}', '../../etc/passwd', '%00', '419001%', '4190_1103', '\\u0000'];

  it.each(nasty)('%s', async (value) => {
    const client = who['other-farm']!;
    const e = encodeURIComponent(value);
    for (const path of [`/api/cases/${e}`, `/api/cases/${e}/journal`, `/api/cases?subject=${e}`, `/api/cases?region=${e}&state=${e}`, `/api/cases?workflowId=${e}`, `/api/tasks?workflowId=${e}`]) {
      const reply = await client.get(path);
      expect([200, 400, 404], `${path}: ${reply.status}`).toContain(reply.status);
      if (reply.status === 200 && Array.isArray(reply.body.items)) expect(reply.body.items.every((c: { subject: string }) => c.subject === 'farm-lilin')).toBe(true);
    }
    const signInReply = await api(server.baseUrl).post('/api/session', { login: value, password: value });
    expect([400, 401]).toContain(signInReply.status);
    // LIKE wildcards in a division never widen an administrator's listing.
    const admin = await who.admin!.get(`/api/admin/subjects?region=${e}`);
    expect([200, 400]).toContain(admin.status);
    if (admin.status === 200) expect(admin.body).toEqual([]);
    expect((await server.runtime.engine.get(caseId)).id).toBe(caseId);
  });
});
