/**
 * The remote engine against a real server (in this process, on a real PostgreSQL database): the
 * engine interface the widgets use, live steps from the server's stream, and the offline queue
 * (fake-indexeddb in Node; the browser's IndexedDB in the end-to-end tests). Going offline is
 * simulated at the network edge only: requests fail as fetch fails without a network.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventSource } from 'eventsource';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import type { EngineChange, InstanceRecord } from '@nongan/engine';
import { LIFECYCLES, sampleData } from '@nongan/workflows';
import { inProcessServer, type InProcessServer } from '../../server/test/support/servers.js';
import { regionBureau, registerFarms } from '../../server/test/support/fixtures.js';
import { createOfflineStore, createRemoteEngine, createServerConnection, type RemoteEngine } from '../src/index.js';

const PASSWORD = 'remote engine test password';
const CHENGLIU = '419001103';
const workflows = Object.values(LIFECYCLES);
let server: InProcessServer;

interface Device {
  engine: RemoteEngine;
  network: { online: boolean; loseNextReply: boolean };
}
const devices: Device[] = [];

/** A device signed in as `login`: a bearer token stands in for the page's cookie. */
async function device(login: string, offlineName?: string): Promise<Device> {
  const signIn = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  const { token } = (await signIn.json()) as { token: string };
  const network = { online: true, loseNextReply: false };
  const edge: typeof fetch = async (input, init) => {
    if (!network.online) throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (network.loseNextReply) {
      network.loseNextReply = false;
      network.online = false;
      throw new TypeError('fetch failed'); // the server acted, the reply never arrived
    }
    return response;
  };
  const authorization = `Bearer ${token}`;
  const connection = createServerConnection({ baseUrl: server.baseUrl, fetch: edge, headers: { authorization } });
  const engine = createRemoteEngine({
    connection,
    workflows,
    ...(offlineName ? { offline: createOfflineStore({ name: offlineName }) } : {}),
    eventSource: (url) => new EventSource(url, { fetch: (u, i) => edge(u, { ...i, headers: { ...(i?.headers as Record<string, string>), authorization } }) }) as never,
  });
  const made = { engine, network };
  devices.push(made);
  return made;
}

async function until<T>(what: string, read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const farmActor = { id: 'farm', roles: ['producer'], region: 'jiyuan', subjects: ['farm-chengliu'] };
// One application per farm and subsidy year (seed 002 §二): each case these tests open is the next year's.
let nextYear = 2027;
const registration = () => ({ ...sampleData('jiyuan', 'qr-registration'), farmName: '承留镇示范养殖场', year: nextYear++ });

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'remote'), poolSize: 5 }, { workers: false });
  const { accounts, organisations, subjects } = server.runtime;
  await registerFarms(subjects, 'jiyuan', ['farm-chengliu'], CHENGLIU);
  const bureau = await regionBureau(organisations, 'jiyuan');
  await organisations.create({ id: 'station-chengliu', name: { zh: '承留镇监管站', en: 'Chengliu station' }, kind: 'township-station', region: 'jiyuan', division: CHENGLIU, parentId: bureau });
  await accounts.create({ login: 'farm', displayName: '承留镇示范养殖场', password: PASSWORD, roles: ['producer'], region: 'jiyuan', subjects: ['farm-chengliu'], dataScope: 'self' });
  await accounts.create({ login: 'township', displayName: '承留镇监管站', password: PASSWORD, roles: ['supervision'], region: 'jiyuan', organisationId: 'station-chengliu' });
});

afterAll(async () => {
  for (const d of devices) d.engine.close();
  await server?.close();
});

async function newCase(engine: RemoteEngine): Promise<string> {
  const started = await engine.start('qualificationReview', { actor: farmActor, region: 'jiyuan', subject: 'farm-chengliu', data: registration() });
  return started.instanceId;
}

describe('the engine interface over HTTP', () => {
  it('a farm starts and submits; the township sees the step live, in its inbox, with its actions; the journal verifies', async () => {
    const farm = await device('farm');
    const township = await device('township');
    const seen: EngineChange[] = [];
    const stop = township.engine.subscribe((change) => seen.push(change));
    await until('the live stream', () => township.engine.live.connected, Boolean);

    const id = await newCase(farm.engine);
    expect((await farm.engine.get(id)).stateKey).toBe('draft');
    expect(await farm.engine.allowedEvents(id, farmActor)).toContain('SUBMIT');
    const submitted = await farm.engine.send(id, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application') }, { actor: farmActor });
    expect(submitted.queued).toBeUndefined();

    await until('the SUBMIT step on the township device', () => seen, (s) => s.some((c) => c.instanceId === id && c.eventType === 'SUBMIT'));
    const tasks = await township.engine.tasks({ id: 'ignored', roles: ['supervision'], region: 'jiyuan' });
    expect(tasks.map((t) => t.instance.id)).toContain(id);
    expect((await township.engine.query({ region: 'jiyuan', limit: 10 })).map((r) => r.id)).toContain(id);
    expect(await township.engine.count({ region: 'jiyuan' })).toBeGreaterThanOrEqual(1);
    expect((await farm.engine.history(id)).map((e) => e.event.type).slice(1)).toEqual(['SUBMIT']);
    expect((await township.engine.verify(id)).ok).toBe(true);
    stop();
  });

  it('refusals come back as engine errors with both languages, and server-only operations are refused', async () => {
    const farm = await device('farm');
    const id = await newCase(farm.engine);
    await expect(farm.engine.send(id, { type: 'INITIAL_APPROVE' }, { actor: farmActor })).rejects.toMatchObject({ name: 'EngineError', messageZh: expect.any(String) });
    await expect(farm.engine.get('no-such-case')).rejects.toMatchObject({ code: 'not-found', status: 404 });
    expect(() => farm.engine.runDueTimers()).toThrow(/server/);
  });
});

describe('offline', () => {
  it('a farm reads its case from the device, submits offline, and the command is applied once on reconnect', async () => {
    const farm = await device('farm', 'offline-submit');
    const id = await newCase(farm.engine);
    await farm.engine.get(id);
    await farm.engine.allowedEvents(id, farmActor);

    farm.network.online = false;
    expect((await farm.engine.get(id)).stateKey).toBe('draft'); // from the device
    const result = await farm.engine.send(id, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application') }, { actor: farmActor });
    expect(result.queued).toBe(true);
    expect(await farm.engine.allowedEvents(id, farmActor)).toEqual([]); // nothing more until the server answered
    expect((await farm.engine.queue!.list()).map((c) => [c.instanceId, c.status])).toEqual([[id, 'waiting']]);
    expect(await farm.engine.queue!.replay()).toEqual({ applied: 0, refused: 0, waiting: 1 });

    farm.network.online = true;
    expect(await farm.engine.queue!.replay()).toEqual({ applied: 1, refused: 0, waiting: 0 });
    const record: InstanceRecord = await farm.engine.get(id);
    expect(record.stateKey).not.toBe('draft');
    expect((await farm.engine.history(id)).filter((e) => e.event.type === 'SUBMIT')).toHaveLength(1);
    expect(await farm.engine.queue!.list()).toEqual([]);
  });

  it('a command whose reply was lost is replayed under its commandId and applied once', async () => {
    const farm = await device('farm', 'offline-lost-reply');
    const id = await newCase(farm.engine);
    await farm.engine.get(id);
    farm.network.loseNextReply = true;
    const result = await farm.engine.send(id, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application') }, { actor: farmActor });
    expect(result.queued).toBe(true);
    farm.network.online = true;
    expect(await farm.engine.queue!.replay()).toMatchObject({ applied: 1, refused: 0 });
    expect((await farm.engine.history(id)).filter((e) => e.event.type === 'SUBMIT')).toHaveLength(1);
  });

  it('a replay the server refuses is kept with its reason and the input, until discarded', async () => {
    const phone = await device('farm', 'offline-refused');
    const desktop = await device('farm');
    const id = await newCase(phone.engine);
    await phone.engine.get(id);
    phone.network.online = false;
    const data = sampleData('jiyuan', 'qr-application');
    await phone.engine.send(id, { type: 'SUBMIT', data }, { actor: farmActor });
    // Meanwhile the same farm submitted from another device: the queued SUBMIT is no longer allowed.
    await desktop.engine.send(id, { type: 'SUBMIT', data }, { actor: farmActor });
    phone.network.online = true;
    expect(await phone.engine.queue!.replay()).toEqual({ applied: 0, refused: 1, waiting: 0 });
    const [kept] = await phone.engine.queue!.list();
    expect(kept).toMatchObject({ status: 'refused', body: { type: 'SUBMIT', data }, refusal: { code: 'not-allowed-in-state' } });
    expect(kept!.refusal!.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect((await desktop.engine.history(id)).filter((e) => e.event.type === 'SUBMIT')).toHaveLength(1);
    await phone.engine.queue!.discard(kept!.commandId);
    expect(await phone.engine.queue!.list()).toEqual([]);
  });
});
