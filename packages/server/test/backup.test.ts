/**
 * Backup and restore of the whole server by an administrator: exported from a PostgreSQL server,
 * restored onto an embedded (PGlite) one, where the cases continue and their journals verify; only an
 * administrator whose scope is everything may do either; a tampered or conflicting file is refused
 * with its path and reason and changes nothing; both are audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { sampleData, signCertificate, splitToken } from '@nongan/workflows';
import { api, commandId, signIn, type Api } from './support/api.js';
import { toChinaDate } from '@nongan/engine';
import { registerFarms, regionBureau } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'backup test password';
const registration = () => ({ ...sampleData('jiyuan', 'qr-registration'), farmName: '承留镇示范养殖场', year: 2027 });
let source: InProcessServer;
let target: InProcessServer;
let dataDir: string;
const onSource: Record<string, Api> = {};
const onTarget: Record<string, Api> = {};
let caseId: string;
let backup: any;
let printed: { number: string; token: string; kid: string; caseId: string };

async function accountsOn(server: InProcessServer, into: Record<string, Api>, farms: boolean) {
  const { accounts, organisations, subjects } = server.runtime;
  const bureau = await regionBureau(organisations, 'jiyuan');
  if (farms) await registerFarms(subjects, 'jiyuan', ['farm-backup']);
  const people = [
    { login: 'admin', roles: ['admin'], dataScope: 'all' as const },
    { login: 'regional-admin', roles: ['admin'], region: 'jiyuan', organisationId: bureau, dataScope: 'org-and-below' as const },
    { login: 'farm', roles: ['producer'], region: 'jiyuan', subjects: ['farm-backup'], dataScope: 'self' as const },
  ];
  for (const p of people) await accounts.create({ displayName: p.login, password: PASSWORD, ...p });
  for (const p of people) into[p.login] = await signIn(server.baseUrl, p.login, PASSWORD);
}

beforeAll(async () => {
  source = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'backup-source'), poolSize: 3 }, { workers: false, bodyLimit: 64 * 1024 * 1024 });
  dataDir = mkdtempSync(join(tmpdir(), 'nongan-restore-'));
  target = await inProcessServer({ kind: 'pglite', dataDir }, { workers: false });
  await accountsOn(source, onSource, true);
  // The target knows the bureau (the same record) but not the farm: the restore adds it.
  await accountsOn(target, onTarget, false);
  const started = await onSource.farm!.post('/api/cases', { workflowId: 'qualificationReview', region: 'jiyuan', subject: 'farm-backup', data: registration(), commandId: commandId('start') });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  caseId = started.body.instanceId;
  const submitted = await onSource.farm!.post(`/api/cases/${caseId}/events`, { type: 'SUBMIT', data: sampleData('jiyuan', 'qr-application'), commandId: commandId() });
  expect(submitted.status).toBe(200);
  // A Kaizhou farm's signed certificate, printed before the backup.
  await registerFarms(source.runtime.subjects, 'kaizhou', ['farm-certificate']);
  await source.runtime.accounts.create({ login: 'kaizhou-farm', displayName: 'kaizhou-farm', password: PASSWORD, roles: ['producer'], region: 'kaizhou', subjects: ['farm-certificate'], dataScope: 'self' });
  const grower = await signIn(source.baseUrl, 'kaizhou-farm', PASSWORD);
  const batch = await grower.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: 'kaizhou', subject: 'farm-certificate', data: sampleData('kaizhou', 'sic-batch'), commandId: commandId('batch') });
  for (const [type, data] of [['SELF_INSPECT', sampleData('kaizhou', 'sic-self-inspection')], ['ISSUE_CERTIFICATE', { ...sampleData('kaizhou', 'sic-issue'), issuedOn: toChinaDate(Date.now()) }]] as const) {
    expect((await grower.post(`/api/cases/${batch.body.instanceId}/events`, { type, data, commandId: commandId(type) })).status).toBe(200);
  }
  printed = { ...(await grower.get(`/api/cases/${batch.body.instanceId}/certificate`)).body, caseId: batch.body.instanceId };
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('server backup and restore', () => {
  it('exports everything shared as one file to an administrator with scope everything, audited', async () => {
    const reply = await onSource.admin!.get('/api/admin/backup');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="nongan-server-backup-\d{4}-\d{2}-\d{2}\.json"$/);
    backup = reply.body;
    expect(backup.format).toBe('nongan-server-backup');
    expect(backup.engine.instances.map((i: { id: string }) => i.id)).toContain(caseId);
    expect(backup.engine.journal.filter((e: { instanceId: string }) => e.instanceId === caseId)).toHaveLength(2);
    expect(backup.subjects.map((s: { id: string }) => s.id)).toContain('farm-backup');
    expect(backup.organisations.map((o: { id: string }) => o.id)).toContain('jiyuan-bureau');
    expect(backup.designs.length).toBeGreaterThan(5);
    expect(JSON.stringify(backup)).not.toMatch(/password|argon2|session/i);
    // The certificate register and the public keys, never a private key.
    expect(backup.certificates).toEqual([expect.objectContaining({ number: printed.number, token: printed.token, kid: printed.kid })]);
    expect(backup.certificateKeys).toEqual([expect.objectContaining({ kid: printed.kid, authority: 'kaizhou', validUntil: null })]);
    expect(JSON.stringify(backup.certificateKeys)).not.toMatch(/"d":/);
    const audit = await onSource.admin!.get('/api/admin/audit');
    expect(audit.body.find((e: { kind: string }) => e.kind === 'backup-exported')?.detail).toMatchObject({ instances: backup.engine.instances.length });
  });

  it('refuses an administrator with a regional scope, saying why', async () => {
    for (const [path, call] of [
      ['/api/admin/backup', () => onSource['regional-admin']!.get('/api/admin/backup')],
      ['/api/admin/restore', () => onTarget['regional-admin']!.post('/api/admin/restore', backup)],
    ] as const) {
      const reply = await call();
      expect(reply.status, path).toBe(403);
      expect(reply.body.details.reason).toBe('scope');
      expect(reply.body.messageZh).toContain('数据范围为“全部”');
    }
    expect((await onTarget.farm!.post('/api/admin/restore', backup)).status).toBe(403);
  });

  it('restores onto an embedded server in one go: the case continues there and its journal verifies', async () => {
    const reply = await onTarget.admin!.post('/api/admin/restore', backup);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ instances: backup.engine.instances.length, journal: backup.engine.journal.length, subjects: { added: 2, kept: 0 }, organisations: { added: 0, kept: 1 }, certificateKeys: { added: 1, kept: 0 }, certificates: 1 });
    expect(reply.body.designs.kept).toBe(backup.designs.length);
    const { engine } = target.runtime;
    expect((await engine.verify(caseId)).ok).toBe(true);
    // The farm's account on the target (bound to the restored farm) sees its case and the case goes on.
    const seen = await onTarget.farm!.get(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.revision).toBe(backup.engine.instances.find((i: { id: string }) => i.id === caseId).revision);
    const audit = await onTarget.admin!.get('/api/admin/audit');
    expect(audit.body.find((e: { kind: string }) => e.kind === 'backup-restored')?.detail).toMatchObject({ instances: backup.engine.instances.length });
  });

  it('a certificate printed before the backup still verifies on the restored server, which signs anew with its own key', async () => {
    const anyone = api(target.baseUrl);
    const jwks = (await anyone.get('/.well-known/jwks.json')).body.keys as Array<{ kid: string; validUntil?: string }>;
    expect(jwks.find((k) => k.kid === printed.kid)?.validUntil).toBe(toChinaDate(Date.now()));
    expect((await anyone.post('/api/certificates/verify', { token: printed.token })).body).toMatchObject({ signature: 'valid', status: 'valid', certificate: { number: printed.number } });
    // The restored key cannot sign here: the next signature is the target's own key.
    const key = await target.runtime.certificateKeys.signingKey('kaizhou');
    expect(key.kid).not.toBe(printed.kid);
    const held = await target.runtime.certificates.ensure(await target.runtime.engine.get(printed.caseId));
    expect(held?.token).toBe(printed.token);
  });

  it('refuses a file that is not a backup, a tampered journal and a conflicting farm, changing nothing', async () => {
    const before = await target.runtime.store.exportAll();
    // A forger's own key, added to the file, signing the printed certificate with another quantity.
    const forger = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { kty, crv, x } = await crypto.subtle.exportKey('jwk', forger.publicKey);
    const printedContent = splitToken(printed.token)!.content as Record<string, unknown>;
    const forgedToken = await signCertificate({ ...printedContent, k: 'forged-key', q: 9999 } as never, forger.privateKey);
    const certificateIndex = backup.certificates.findIndex((c: { number: string }) => c.number === printed.number);
    const refusals: Array<[string, unknown, number, RegExp, string]> = [
      ['not a backup', { format: 'something-else' }, 400, /format must be nongan-server-backup/, '/format'],
      ['a record without its fields', { ...backup, subjects: [{ id: 'x' }] }, 400, /missing or of the wrong type/, '/subjects/0/uscc'],
      ['a certificate whose key is not in the file', { ...backup, certificateKeys: [] }, 400, /names a key that is not in the file/, '/certificates/0/kid'],
      ['a key that is not an Ed25519 key', tamper(backup, (b) => void (b.certificateKeys[0].publicJwk.crv = 'P-256')), 400, /not a published Ed25519 key/, '/certificateKeys/0/publicJwk'],
      ['an edited journal entry', tamper(backup, (b) => void (b.engine.journal.find((e: { instanceId: string }) => e.instanceId === caseId).actor.id = 'someone-else')), 400, /altered/, ''],
      ['a case record forged (the qualification set to qualified)', tamper(backup, (b) => Object.assign(b.engine.instances.find((i: { id: string }) => i.id === caseId), { state: 'qualified', stateKey: 'qualified' })), 400, /state \(state\) is not what its journal produces/, `/engine/instances/${caseId}/state`],
      ['a certificate case with another quantity', tamper(backup, (b) => void (b.engine.instances.find((i: { id: string }) => i.id === printed.caseId).context.certificate.quantity = 9999)), 400, /case data \(context\) is not what its journal produces/, `/engine/instances/${printed.caseId}/context`],
      [
        "a certificate signed with a forger's key the file adds",
        tamper(backup, (b) => {
          b.certificateKeys.push({ kid: 'forged-key', authority: 'kaizhou', publicJwk: { kty, crv, x }, validFrom: '2020-01-01', validUntil: null, revokedFrom: null, revokedReason: null });
          Object.assign(b.certificates[certificateIndex], { kid: 'forged-key', token: forgedToken });
        }),
        400,
        /does not say what its case issued/,
        `/certificates/${certificateIndex}`,
      ],
      ['a certificate whose signature does not match', tamper(backup, (b) => void (b.certificates[certificateIndex].token = `${forgedToken.split('.')[0]}.${printed.token.split('.')[1]}`)), 400, /is not signed by a key of the file/, `/certificates/${certificateIndex}`],
      ['the farm under another name', tamper(backup, (b) => void (b.subjects.find((s: { id: string }) => s.id === 'farm-backup').name = '别的名字')), 409, /farm 别的名字 is on this server with different contents/, '/subjects/'],
      ['a farm with a wrong credit code', tamper(backup, (b) => b.subjects.push({ ...b.subjects[0], id: 'farm-new', uscc: '91419001MA00000000', name: '新场' })), 400, /uscc/, '/subjects/'],
    ];
    for (const [what, body, status, reason, path] of refusals) {
      const reply = await onTarget.admin!.post('/api/admin/restore', body);
      expect(reply.status, `${what}: ${JSON.stringify(reply.body)}`).toBe(status);
      expect(reply.body.message, what).toMatch(reason);
      expect(reply.body.messageZh, what).toMatch(/未做任何更改|未写入/);
      expect(String(reply.body.details.path), what).toContain(path);
    }
    expect(await target.runtime.store.exportAll()).toEqual(before);
  });
});

function tamper(file: unknown, change: (copy: any) => void): unknown {
  const copy = structuredClone(file);
  change(copy);
  return copy;
}
