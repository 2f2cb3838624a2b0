/**
 * Task operations over HTTP on a real PostgreSQL database: the people named are accounts whose own
 * roles and data scope are checked; the acting person is the session's, whatever the body says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData } from '@nongan/workflows';
import { commandId, signIn, type Api } from './support/api.js';
import { regionBureau, registerFarms } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'operations test password';
const CHENGLIU = '419001103';
const LILIN = '419001106';
let server: InProcessServer;
const who: Record<string, Api & { accountId: string }> = {};
let caseId: string;

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'operations'), poolSize: 5 }, { workers: false });
  const { accounts, organisations, subjects } = server.runtime;
  await registerFarms(subjects, 'jiyuan', ['farm-chengliu'], CHENGLIU);
  const bureau = await regionBureau(organisations, 'jiyuan');
  await organisations.create({ id: 'station-chengliu', name: { zh: '承留镇监管站', en: 'Chengliu station' }, kind: 'township-station', region: 'jiyuan', division: CHENGLIU, parentId: bureau });
  await organisations.create({ id: 'station-lilin', name: { zh: '梨林镇监管站', en: 'Lilin station' }, kind: 'township-station', region: 'jiyuan', division: LILIN, parentId: bureau });
  const people = [
    { login: 'farm', displayName: '王场长', roles: ['producer'], region: 'jiyuan', subjects: ['farm-chengliu'], dataScope: 'self' as const },
    { login: 'officer-a', displayName: '李审核', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-chengliu' },
    { login: 'officer-b', displayName: '赵审核', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-chengliu' },
    { login: 'lilin', displayName: '钱审核', roles: ['supervision'], region: 'jiyuan', organisationId: 'station-lilin' },
    { login: 'bureau', displayName: '孙科长', roles: ['district'], region: 'jiyuan', organisationId: bureau },
  ];
  for (const p of people) await accounts.create({ password: PASSWORD, ...p });
  for (const p of people) who[p.login] = await signIn(server.baseUrl, p.login, PASSWORD);
  const started = await who.farm!.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'farm-chengliu', data: { ...sampleData('jiyuan', 'qr-registration'), year: 2027 }, commandId: commandId('start') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  caseId = started.body.instanceId;
  expect((await who.farm!.post(`/api/cases/${caseId}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() })).status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

const operate = (client: Api, operation: unknown, extra: Record<string, unknown> = {}) => client.post(`/api/cases/${caseId}/operations`, { operation, commandId: commandId('op'), ...extra });

describe('task operations over HTTP', () => {
  it('offers, claims and shows the task as held to a colleague; another township cannot see the case at all', async () => {
    expect((await who['officer-a']!.get(`/api/cases/${caseId}/allowed-operations`)).body.operations).toContain('claim');
    expect((await who['officer-a']!.get('/api/tasks')).body).toMatchObject([{ assignment: 'unclaimed' }]);
    expect((await operate(who.lilin!, { op: 'claim' })).status).toBe(404);
    const claimed = await operate(who['officer-a']!, { op: 'claim' });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect((await who['officer-b']!.get('/api/tasks')).body).toMatchObject([{ assignment: 'held', holder: { name: '李审核' } }]);
    const refused = await who['officer-b']!.post(`/api/cases/${caseId}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    expect([refused.status, refused.body.details?.reason]).toEqual([403, 'held']);
    expect(refused.body.messageZh).toContain('李审核');
  });

  it('lists the people a transfer may name (names, within scope) and transfers to one of them', async () => {
    const listed = await who['officer-a']!.get(`/api/cases/${caseId}/people?role=supervision&for=act`);
    expect(listed.body.map((p: { name: string }) => p.name)).toEqual(['赵审核']);
    expect((await who.farm!.get(`/api/cases/${caseId}/people?role=supervision`)).status).toBe(403);
    const outOfScope = await operate(who['officer-a']!, { op: 'transfer', to: who.lilin!.accountId });
    expect([outOfScope.status, outOfScope.body.details?.reason]).toEqual([403, 'target-scope']);
    const moved = await operate(who['officer-a']!, { op: 'transfer', to: who['officer-b']!.accountId, opinion: { text: '转赵审核办理' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await who['officer-b']!.get(`/api/cases/${caseId}`)).body.work.holder).toMatchObject({ name: '赵审核', how: 'transferred' });
  });

  it('never takes the actor from the body, and names a bad operation in both languages', async () => {
    const forged = await operate(who.farm!, { op: 'claim' }, { actor: { id: 'x', roles: ['supervision'] } });
    expect(forged.status).toBe(400);
    const bad = await operate(who['officer-b']!, { op: 'return', to: 'draft' });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid-input']);
    expect(bad.body.messageZh).toMatch(/意见/);
    const unknown = await operate(who['officer-b']!, { op: 'fly' });
    expect(unknown.status).toBe(400);
  });

  it('decides with an opinion, copies to the bureau, which reads it; the journal verifies', async () => {
    const approved = await who['officer-b']!.post(`/api/cases/${caseId}/events`, { type: 'INITIAL_APPROVE', commandId: commandId() });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await operate(who['officer-b']!, { op: 'copy', to: [who.bureau!.accountId], opinion: { text: '请知悉' } })).status).toBe(200);
    const copies = await who.bureau!.get('/api/copies');
    expect(copies.body).toMatchObject([{ instance: { id: caseId }, copy: { by: { name: '赵审核' } } }]);
    expect(copies.body[0].copy.readAt).toBeUndefined();
    expect((await operate(who.bureau!, { op: 'read' })).status).toBe(200);
    expect((await who.bureau!.get('/api/copies')).body[0].copy.readAt).toBeTypeOf('number');
    const journal = (await who.bureau!.get(`/api/cases/${caseId}/journal`)).body as Array<{ kind: string; event: { type: string }; task?: { by?: string } }>;
    expect(journal.filter((e) => e.kind === 'task').map((e) => [e.event.type, e.task?.by])).toEqual([
      ['task.claim', '李审核'],
      ['task.transfer', '李审核'],
      ['task.copy', '赵审核'],
      ['task.read', '孙科长'],
    ]);
    expect((await who.bureau!.get(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true, problems: [] });
  });

  it('lists 已办 and 我发起的 from the session: who took a step, who opened the case; a bad part is named', async () => {
    const mine = async (client: Api, part: string) => ((await client.get(`/api/my-cases?part=${part}`)).body as Array<{ id: string }>).map((c) => c.id);
    expect(await mine(who.farm!, 'opened')).toEqual([caseId]);
    // The farm's SUBMIT counts as acting too.
    expect(await mine(who.farm!, 'acted')).toEqual([caseId]);
    expect(await mine(who['officer-b']!, 'acted')).toEqual([caseId]);
    expect(await mine(who['officer-b']!, 'opened')).toEqual([]);
    // Another township's reviewer never acted here, and could not see the case anyway.
    expect(await mine(who.lilin!, 'acted')).toEqual([]);
    const bad = await who.farm!.get('/api/my-cases?part=mine');
    expect(bad.status).toBe(400);
  });
});
