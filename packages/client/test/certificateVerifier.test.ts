/**
 * The public certificate verifier against a real server (in this process, PostgreSQL): the signature
 * is checked on the device with the published keys, kept for offline use; the live standing comes
 * from the server when it can be reached, and the answer says when it could not. Going offline is
 * simulated at the network edge only.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toChinaDate } from '@nongan/engine';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { certificateVerifyUrl, sampleData, splitToken, toBase64Url } from '@nongan/workflows';
import { inProcessServer, type InProcessServer } from '../../server/test/support/servers.js';
import { regionBureau, registerFarms } from '../../server/test/support/fixtures.js';
import { commandId, signIn, type Api } from '../../server/test/support/api.js';
import { createCertificateVerifier, KEY_SET_STORAGE_KEY, type KeyValueStorage } from '../src/certificateVerifier.js';

const PASSWORD = 'verifier test password';
const REGION = 'luoyang';
const FARM = 'farm-verifier';
let server: InProcessServer;
let farm: Api;
let admin: Api;
let district: Api;

const network = { online: true };
const edge: typeof fetch = async (input, init) => {
  if (!network.online) throw new TypeError('fetch failed');
  return fetch(input, init);
};
const memoryStorage = (): KeyValueStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

async function issuedToken(productName: string): Promise<{ token: string; number: string; caseId: string }> {
  const s = (id: string) => sampleData(REGION, id);
  const started = await farm.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: REGION, subject: FARM, data: { ...s('sic-batch'), productName }, commandId: commandId('batch') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.instanceId as string;
  for (const [type, data] of [
    ['SELF_INSPECT', s('sic-self-inspection')],
    ['ISSUE_CERTIFICATE', { ...s('sic-issue'), issuedOn: toChinaDate(Date.now()) }],
  ] as const) {
    expect((await farm.post(`/api/cases/${id}/events`, { type, data, commandId: commandId(type) })).status).toBe(200);
  }
  const signed = await farm.get(`/api/cases/${id}/certificate`);
  expect(signed.status).toBe(200);
  return { ...signed.body, caseId: id };
}

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'verifier'), poolSize: 2 }, { workers: false });
  await registerFarms(server.runtime.subjects, REGION, [FARM]);
  await server.runtime.accounts.create({ login: 'farm', displayName: '农户', password: PASSWORD, roles: ['producer'], region: REGION, subjects: [FARM], dataScope: 'self' });
  await server.runtime.accounts.create({ login: 'admin', displayName: '管理员', password: PASSWORD, roles: ['admin'], dataScope: 'all' });
  await server.runtime.accounts.create({ login: 'district', displayName: '区级监管', password: PASSWORD, roles: ['district'], region: REGION, organisationId: await regionBureau(server.runtime.organisations, REGION), dataScope: 'org-and-below' });
  farm = await signIn(server.baseUrl, 'farm', PASSWORD);
  district = await signIn(server.baseUrl, 'district', PASSWORD);
  admin = await signIn(server.baseUrl, 'admin', PASSWORD);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the public certificate verifier', () => {
  it('verifies a scanned address on the device, asks the server for the live standing, and keeps the keys', async () => {
    const { token, number } = await issuedToken('小麦');
    const storage = memoryStorage();
    const verifier = createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage });
    const check = await verifier.verify(certificateVerifyUrl('https://portal.example/', token), { place: '洛阳市农贸市场' });
    expect(check).toMatchObject({ input: 'token', signature: 'valid', content: { no: number, p: '小麦' }, standing: { status: 'valid', certificate: { number } }, keys: { fromCache: false } });
    expect(JSON.parse(storage.map.get(KEY_SET_STORAGE_KEY)!).keySet.keys).toHaveLength(1);
    const logged = (await admin.get('/api/admin/certificate-checks')).body as Array<{ outcome: string; place: string | null; number: string }>;
    expect(logged[0]).toMatchObject({ outcome: 'valid', place: '洛阳市农贸市场', number });
  });

  it('offline, still checks the signature with the kept keys and says the live status is unknown', async () => {
    const { token } = await issuedToken('玉米');
    const storage = memoryStorage();
    await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage }).verify(token);
    network.online = false;
    try {
      // A new visit (a fresh verifier), with the kept set past its age: the fetch fails and the kept one is used.
      const check = await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage, keySetMaxAgeMs: 0 }).verify(token);
      expect(check).toMatchObject({ signature: 'valid', standing: null, keys: { fromCache: true } });
      const forged = await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage }).verify(tampered(token));
      expect(forged).toMatchObject({ signature: 'bad-signature', standing: null, signatureMessage: { zh: expect.any(String) } });
      // Never online on this device: nothing to check the signature with.
      const blank = await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage: memoryStorage() }).verify(token);
      expect(blank).toMatchObject({ signature: 'no-keys', standing: null, keys: null });
    } finally {
      network.online = true;
    }
  });

  it('offline, the signed status list kept on the device still tells a revoked certificate, as of when', async () => {
    const storage = memoryStorage();
    const kept = await issuedToken('谷子');
    const revokedLater = await issuedToken('芝麻');
    const verifier = createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage, statusListMaxAgeMs: 0 });
    await verifier.verify(kept.token);
    const revoked = await district.post(`/api/cases/${revokedLater.caseId}/events`, { type: 'REVOKE_CERTIFICATE', data: { ...sampleData(REGION, 'sic-certificate-revocation'), reason: '标签错误', revokedOn: toChinaDate(Date.now()) }, commandId: commandId('revoke') });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    // Online once more: the answer is live, and the kept list is refreshed on the way.
    expect((await verifier.verify(revokedLater.token)).standing).toMatchObject({ status: 'revoked', revocation: { reason: '标签错误' } });
    network.online = false;
    try {
      const offline = await verifier.verify(revokedLater.token);
      expect(offline).toMatchObject({ signature: 'valid', standing: null, listed: { status: 'revoked' } });
      expect(Date.parse(offline.listed!.asOf)).toBeGreaterThan(Date.now() - 60_000);
      expect((await verifier.verify(kept.token)).listed).toMatchObject({ status: 'not-listed' });
      // An edited list (a number taken out) fails its signature and is not used.
      const key = [...storage.map.keys()].find((k) => k.startsWith('nongan-certificate-status:'))!;
      const { token } = JSON.parse(storage.map.get(key)!) as { token: string };
      const [body, signature] = token.split('.') as [string, string];
      const content = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(body.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))));
      const edited = `${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...content, r: [] })))}.${signature}`;
      storage.map.set(key, JSON.stringify({ token: edited, fetchedAt: Date.now() }));
      const afterEdit = await verifier.verify(revokedLater.token);
      expect(afterEdit.listed).toBeUndefined();
      expect(afterEdit).toMatchObject({ signature: 'valid', standing: null });
    } finally {
      network.online = true;
    }
  });

  it('a key created after the device kept its set is fetched before the code is called unknown', async () => {
    const storage = memoryStorage();
    const { token: before } = await issuedToken('大豆');
    await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage }).verify(before);
    expect((await admin.post('/api/admin/certificate-keys/rotate', { authority: REGION })).status).toBe(200);
    const { token: after } = await issuedToken('花生');
    const check = await createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage }).verify(after);
    expect(check).toMatchObject({ signature: 'valid', standing: { status: 'valid' } });
    expect(JSON.parse(storage.map.get(KEY_SET_STORAGE_KEY)!).keySet.keys).toHaveLength(2);
  });

  it('answers a typed number with the standing alone, and something unreadable plainly', async () => {
    const { number } = await issuedToken('红薯');
    const verifier = createCertificateVerifier({ baseUrl: server.baseUrl, fetch: edge, storage: null });
    expect(await verifier.verify(` ${number} `)).toMatchObject({ input: 'number', signature: 'not-checked', standing: { status: 'valid', certificate: { productName: '红薯' } } });
    expect(await verifier.verify('HGZ-LY-NO-SUCH')).toMatchObject({ input: 'number', standing: { status: 'not-found' } });
    expect(await verifier.verify('随便写的 <script>')).toMatchObject({ input: 'unreadable', standing: null });
    network.online = false;
    try {
      expect(await verifier.verify(number)).toMatchObject({ input: 'number', standing: null });
    } finally {
      network.online = true;
    }
  });
});

function tampered(token: string): string {
  const { content, signature } = splitToken(token)! as { content: { q: number }; signature: Uint8Array };
  return `${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...content, q: content.q + 1 })))}.${toBase64Url(signature)}`;
}
