/**
 * Signed checkpoints on the server: the key lives in a file beside the embedded database (not in it),
 * survives a restart, anchors the cases' journal heads, and a journal cut in the database with its case
 * rolled back — which the hash chain and the replay cannot see — is named by `verify` over HTTP and by
 * the administrator's checkpoint walk, with the last good checkpoint.
 */
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '@nongan/workflows';
import { commandId, signIn, type Api } from './support/api.js';
import { registerFarms } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'checkpoint test password';
let dataDir: string;
let server: InProcessServer;
let farm: Api;
let admin: Api;
let caseId: string;

async function open(): Promise<void> {
  server = await inProcessServer({ kind: 'pglite', dataDir }, { workers: false });
  farm = await signIn(server.baseUrl, 'farm', PASSWORD);
  admin = await signIn(server.baseUrl, 'admin', PASSWORD);
}

beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'nongan-checkpoints-')), 'pglite');
  server = await inProcessServer({ kind: 'pglite', dataDir }, { workers: false });
  await registerFarms(server.runtime.subjects, 'jiyuan', ['farm-anchored']);
  await server.runtime.accounts.create({ login: 'admin', displayName: 'admin', password: PASSWORD, roles: ['admin'], dataScope: 'all' });
  await server.runtime.accounts.create({ login: 'farm', displayName: 'farm', password: PASSWORD, roles: ['producer'], region: 'jiyuan', subjects: ['farm-anchored'], dataScope: 'self' });
  await server.close();
  await open();
  const registration = { ...sampleData('jiyuan', 'qr-registration'), farmName: '承留镇示范养殖场', year: 2027 };
  const started = await farm.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'farm-anchored', data: registration, commandId: commandId('start') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  caseId = started.body.instanceId;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('signed checkpoints on the server', () => {
  it('keeps its key in a file outside the database, readable by the server alone, and signs with it after a restart', async () => {
    const keyFile = `${dataDir}-checkpoint-key.json`;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const { keyId } = JSON.parse(readFileSync(keyFile, 'utf8'));
    const made = await server.runtime.engine.checkpoint();
    expect(made.made).toHaveLength(1);
    await server.close();
    await open();
    const verified = await farm.get(`/api/cases/${caseId}/verify`);
    expect(verified.body).toMatchObject({ ok: true, checkpoint: { seq: 1 } });
    expect((await server.runtime.store.checkpoints.last())?.keyId).toBe(keyId);
    expect((await admin.get('/api/admin/checkpoints')).body).toMatchObject({ ok: true, checkpoints: 1, lastGood: { seq: 1 }, problems: [] });
  });

  it('names a journal cut in the database and its case rolled back, which neither the chain nor the replay can see', async () => {
    const opened = await server.runtime.engine.get(caseId);
    const openedTimers = await server.runtime.store.timersOf(caseId);
    const submitted = await farm.post(`/api/cases/${caseId}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((await server.runtime.engine.checkpoint()).made).toEqual([expect.objectContaining({ seq: 2, heads: 1 })]);
    // An editor of the database removes the submission and puts the case back as it was before it.
    const db = server.runtime.db;
    await db.query('DELETE FROM nongan_journal WHERE instance_id = $1 AND seq = 2', [caseId]);
    await db.query('DELETE FROM nongan_timers WHERE instance_id = $1', [caseId]);
    for (const t of openedTimers) await db.query('INSERT INTO nongan_timers (instance_id, id, due_at, record) VALUES ($1, $2, $3, $4::json)', [caseId, t.id, t.dueAt, JSON.stringify(t)]);
    await db.query('UPDATE nongan_instances SET record = $2::json, revision = 1, state_key = $3 WHERE id = $1', [caseId, JSON.stringify(opened), opened.stateKey]);

    const verified = (await farm.get(`/api/cases/${caseId}/verify`)).body;
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual([expect.objectContaining({ kind: 'checkpoint', seq: 2, messageZh: expect.stringContaining('流水被截断') })]);
    const walked = (await admin.get('/api/admin/checkpoints')).body;
    expect(walked).toMatchObject({ ok: false, checkpoints: 2, lastGood: { seq: 1 }, problems: [{ checkpoint: 2, instanceId: caseId }] });
    // Only an administrator whose scope is everything walks the checkpoints.
    expect((await farm.get('/api/admin/checkpoints')).status).toBe(403);
  });
});
