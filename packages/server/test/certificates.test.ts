/**
 * Certificates anyone can verify (issue 14), on PostgreSQL: a farm's issued certificate is signed
 * with its authority's Ed25519 key and verifies anywhere with the published JWK Set; a tampered
 * token is refused and logged with where it was met; rotation keeps earlier certificates valid; a
 * revoked key's certificates are signed again and the old printing is superseded; an official's
 * revocation, a fake finding and the producer's credit record show in the live standing, by name.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toChinaDate } from '@nongan/engine';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData, splitToken, toBase64Url, verifyCertificateToken } from '@nongan/workflows';
import { api, commandId, signIn, type Api } from './support/api.js';
import { registerFarms, regionBureau } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'certificate test password';
const REGION = 'kaizhou';
const FARM = 'farm-certificates';
const MARKET = '重庆双福国际农贸城';
let server: InProcessServer;
let anyone: Api;
const who: Record<string, Api> = {};
const today = toChinaDate(Date.now());

async function issuedBatch(productName: string): Promise<string> {
  const s = (id: string) => sampleData(REGION, id);
  const started = await who.farm!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: REGION, subject: FARM, data: { ...s('sic-batch'), productName }, commandId: commandId('batch') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.instanceId as string;
  for (const [type, data] of [
    ['SELF_INSPECT', s('sic-self-inspection')],
    ['ISSUE_CERTIFICATE', { ...s('sic-issue'), issuedOn: today }],
  ] as const) {
    const reply = await who.farm!.post(`/api/cases/${id}/events`, { type, data, commandId: commandId(type) });
    expect(reply.status, `${type}: ${JSON.stringify(reply.body)}`).toBe(200);
  }
  return id;
}

const certificateOf = async (caseId: string) => {
  const reply = await who.farm!.get(`/api/cases/${caseId}/certificate`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { number: string; token: string; kid: string };
};
const verify = (token: string, place?: string) => anyone.post('/api/certificates/verify', { token, ...(place ? { place } : {}) });
const keySet = async () => (await anyone.get('/.well-known/jwks.json')).body;

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'certificates'), poolSize: 3 }, { workers: false });
  const { accounts, organisations, subjects } = server.runtime;
  const bureau = await regionBureau(organisations, REGION);
  await registerFarms(subjects, REGION, [FARM]);
  const people = [
    { login: 'admin', displayName: '系统管理员', roles: ['admin'], dataScope: 'all' as const },
    { login: 'farm', displayName: '种植户', roles: ['producer'], region: REGION, subjects: [FARM], dataScope: 'self' as const },
    { login: 'district', displayName: '王监管', roles: ['district'], region: REGION, organisationId: bureau, dataScope: 'org-and-below' as const },
    { login: 'inspector', displayName: '李检测', roles: ['inspector'], region: REGION, organisationId: bureau, dataScope: 'org-and-below' as const },
  ];
  for (const p of people) await accounts.create({ password: PASSWORD, ...p });
  for (const p of people) who[p.login] = await signIn(server.baseUrl, p.login, PASSWORD);
  anyone = api(server.baseUrl);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('signed certificates on the server', () => {
  let first: { caseId: string; number: string; token: string; kid: string };

  it('signs an issued certificate with the authority key; it verifies with the published key set alone', async () => {
    const caseId = await issuedBatch('黄瓜');
    const signed = await certificateOf(caseId);
    first = { caseId, ...signed };
    // Asked again, the same token (signed once, kept).
    expect((await certificateOf(caseId)).token).toBe(signed.token);

    const jwks = await anyone.get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: signed.kid, authority: REGION, validFrom: today })]);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"\s*:/);

    const check = await verifyCertificateToken(signed.token, jwks.body);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const journal = (await who.farm!.get(`/api/cases/${caseId}/journal`)).body as Array<{ seq: number; hash: string; event: { type: string } }>;
    const issuing = journal.find((e) => e.event.type === 'ISSUE_CERTIFICATE')!;
    const farm = await server.runtime.subjects.get(FARM);
    expect(check.content).toMatchObject({ no: signed.number, a: REGION, k: signed.kid, c: caseId, n: issuing.seq, h: issuing.hash, s: farm!.uscc, p: '黄瓜', d: today, cm: 'national-2024' });
  });

  it('answers anyone who scans it: signature valid, in force, with the authority by name and no internal ids', async () => {
    const reply = await verify(first.token, MARKET);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ signature: 'valid', status: 'valid', message: { zh: '合格证真实有效' }, certificate: { number: first.number, productName: '黄瓜', authority: REGION, authorityName: { zh: expect.stringContaining('开州') } } });
    // Only printed fields: no case id, journal position or producer registry id.
    expect(Object.keys(reply.body.certificate).sort()).toEqual(['authority', 'authorityName', 'basis', 'contact', 'electronic', 'issuedOn', 'number', 'origin', 'producerName', 'productName', 'quantity', 'unit']);
    const typed = await anyone.get(`/api/certificates/${first.number}`);
    expect(typed.body).toMatchObject({ status: 'valid', certificate: { number: first.number } });
    expect((await anyone.get('/api/certificates/HGZ-NO-SUCH-1')).body.status).toBe('not-found');
  });

  it('refuses a tampered or invented token, and logs where it was met for the regulators', async () => {
    const { content, signature } = splitToken(first.token)! as { content: { q: number }; signature: Uint8Array };
    const forged = `${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...content, q: content.q * 10 })))}.${toBase64Url(signature)}`;
    const reply = await verify(forged, MARKET);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ signature: 'bad-signature', message: { zh: expect.stringContaining('签名无效') } });
    expect(reply.body.status).toBeUndefined();
    expect(reply.body.certificate).toBeUndefined();
    expect((await verify('not-a-token')).body.signature).toBe('malformed');
    const bad = await anyone.post('/api/certificates/verify', { token: 'x'.repeat(5000) });
    expect(bad.status).toBe(400);
    expect(bad.body.messageZh).toBeTruthy();

    const checks = await who.admin!.get('/api/admin/certificate-checks?outcome=bad-signature');
    expect(checks.status).toBe(200);
    // A forged code is logged with what it claims: the number and the authority it impersonates.
    expect(checks.body[0]).toMatchObject({ outcome: 'bad-signature', place: MARKET, number: first.number, authority: REGION });
    const all = (await who.admin!.get('/api/admin/certificate-checks')).body as Array<{ outcome: string }>;
    expect(all.map((c) => c.outcome)).toEqual(expect.arrayContaining(['valid', 'bad-signature', 'malformed', 'not-found']));
    expect((await who.farm!.get('/api/admin/certificate-checks')).status).toBe(403);

    // The region's regulators see them on their dashboard: counted by outcome, the problems one by one, by name.
    const board = await who.district!.get('/api/certificates/checks?days=7');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.region).toBe(REGION);
    const count = (outcome: string) => board.body.counts.find((c: { outcome: string }) => c.outcome === outcome)?.count;
    expect(count('bad-signature')).toBe(1);
    expect(count('valid')).toBeGreaterThanOrEqual(2);
    expect(board.body.problems[0]).toMatchObject({ outcome: 'bad-signature', place: MARKET, number: first.number, label: { zh: '签名不符（疑似伪造或篡改）' } });
    expect(board.body.problems.map((p: { outcome: string }) => p.outcome)).not.toContain('valid');
    // Nobody else: not the farm, not another region's regulator.
    expect((await who.farm!.get('/api/certificates/checks')).status).toBe(403);
    const other = await who.district!.get('/api/certificates/checks?region=luoyang');
    expect(other.status).toBe(403);
    expect(other.body.details.reason).toBe('scope');
    expect((await who.admin!.get('/api/certificates/checks?region=luoyang')).body).toMatchObject({ region: 'luoyang', problems: [] });
  });

  let second: { caseId: string; number: string; token: string; kid: string };

  it('rotates a key without invalidating what it signed; the next certificate uses the new key', async () => {
    const rotated = await who.admin!.post('/api/admin/certificate-keys/rotate', { authority: REGION });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toMatchObject({ authority: REGION, signing: true, validFrom: today, authorityName: { zh: expect.any(String) } });
    expect(rotated.body.kid).not.toBe(first.kid);
    const caseId = await issuedBatch('脐橙');
    second = { caseId, ...(await certificateOf(caseId)) };
    expect(second.kid).toBe(rotated.body.kid);
    const keys = (await keySet()).keys as Array<{ kid: string; validUntil?: string }>;
    expect(keys.find((k) => k.kid === first.kid)?.validUntil).toBe(today);
    expect((await verify(first.token)).body.status).toBe('valid');
    expect((await verify(second.token)).body.status).toBe('valid');
    const audit = (await who.admin!.get('/api/admin/audit')).body as Array<{ kind: string; detail: { kid?: string } }>;
    expect(audit.find((e) => e.kind === 'certificate-key-rotated')?.detail.kid).toBe(rotated.body.kid);
    const unknown = await who.admin!.post('/api/admin/certificate-keys/rotate', { authority: 'atlantis' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.messageZh).toContain('未知的签发机构');
  });

  it('revokes a compromised key from a day on: its certificates are signed again and the old printing is superseded', async () => {
    const early = await who.admin!.post(`/api/admin/certificate-keys/${second.kid}/revoke`, { from: '2000-01-01', reason: '密钥泄露' });
    expect(early.status).toBe(400);
    expect(early.body.messageZh).toContain('吊销日期不能早于');
    expect((await who.admin!.post('/api/admin/certificate-keys/no-such-key/revoke', { from: today, reason: '密钥泄露' })).status).toBe(404);

    const revoked = await who.admin!.post(`/api/admin/certificate-keys/${second.kid}/revoke`, { from: today, reason: '密钥泄露' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ kid: second.kid, revokedFrom: today, revokedReason: '密钥泄露', signing: false });
    const keys = (await who.admin!.get('/api/admin/certificate-keys')).body as Array<{ kid: string; signing: boolean }>;
    expect(keys.filter((k) => k.signing)).toHaveLength(1);
    expect(keys.find((k) => k.signing)!.kid).not.toBe(second.kid);

    // On the device, with the new key set, the old printing no longer verifies.
    const offline = await verifyCertificateToken(second.token, await keySet());
    expect(offline).toMatchObject({ ok: false, reason: 'key-revoked' });
    // The server says what that means: the certificate stands, signed again; this printing is void.
    const scanned = await verify(second.token, MARKET);
    expect(scanned.body).toMatchObject({ signature: 'key-revoked', status: 'superseded', certificate: { number: second.number } });
    const again = await certificateOf(second.caseId);
    expect(again.number).toBe(second.number);
    expect(again.token).not.toBe(second.token);
    expect(again.kid).toBe(keys.find((k) => k.signing)!.kid);
    expect((await verify(again.token)).body).toMatchObject({ signature: 'valid', status: 'valid' });
    // The first key was not revoked: the first certificate is untouched.
    expect((await verify(first.token)).body.status).toBe('valid');
  });

  it('shows an official revocation by name, organisation and reason', async () => {
    const reply = await who.district!.post(`/api/cases/${first.caseId}/events`, { type: 'REVOKE_CERTIFICATE', data: { ...sampleData(REGION, 'sic-certificate-revocation'), reason: '产品标签与实物不符', revokedOn: today }, commandId: commandId('revoke') });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const scanned = await verify(first.token);
    expect(scanned.body).toMatchObject({
      signature: 'valid',
      status: 'revoked',
      message: { zh: '该合格证已被监管部门撤销' },
      revocation: { on: today, reason: '产品标签与实物不符', by: '王监管', organisation: { zh: expect.stringContaining('农业农村局') } },
    });
  });

  it('a fake finding makes that certificate fake and puts the producer on the credit record for the others', async () => {
    const caseId = await issuedBatch('鲜茶叶');
    const { token } = await certificateOf(caseId);
    const reply = await who.inspector!.post(`/api/cases/${caseId}/events`, { type: 'REPORT_FAKE', data: sampleData(REGION, 'sic-fake-certificate'), commandId: commandId('fake') });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect((await verify(token)).body).toMatchObject({ signature: 'valid', status: 'fake' });
    const other = await certificateOf(second.caseId);
    expect((await verify(other.token)).body).toMatchObject({ status: 'producer-blacklisted', message: { zh: expect.stringContaining('信用档案') } });
  });

  it('signs a day\'s certificates in one request, in the order asked, leaving out cases without one', async () => {
    const ids = [await issuedBatch('南瓜'), await issuedBatch('冬瓜'), await issuedBatch('豇豆')];
    const open = await who.farm!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: REGION, subject: FARM, data: sampleData(REGION, 'sic-batch'), commandId: commandId('open') });
    const reply = await who.farm!.post('/api/certificates/signed', { instanceIds: [ids[2], open.body.instanceId, ids[0], ids[1]] });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.map((c: { instanceId: string }) => c.instanceId)).toEqual([ids[2], ids[0], ids[1]]);
    const keys = await keySet();
    for (const c of reply.body as Array<{ token: string; number: string }>) {
      expect(await verifyCertificateToken(c.token, keys)).toMatchObject({ ok: true, content: { no: c.number } });
    }
    // Kept: asked again (or one by one), the same tokens.
    const again = await who.farm!.post('/api/certificates/signed', { instanceIds: ids });
    expect(again.body.map((c: { token: string }) => c.token).sort()).toEqual(reply.body.map((c: { token: string }) => c.token).sort());
    expect((await certificateOf(ids[0]!)).token).toBe(reply.body[1].token);
    // Someone who may not see the cases learns nothing; too many at once is refused.
    expect((await who.inspector!.post('/api/certificates/signed', { instanceIds: ['no-such-case'] })).status).toBe(404);
    const tooMany = await who.farm!.post('/api/certificates/signed', { instanceIds: Array.from({ length: 501 }, (_, i) => `case-${i}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.messageZh).toBeTruthy();
  });
});
