/**
 * Identity on a real PostgreSQL database: lockout after repeated failures (with its numbers), the
 * TOTP second factor (codes not reusable), invitation and reset links, a temporary password that
 * must be changed, an administrator limited to their own scope, disabling that ends sessions, the
 * audit of every permission change, no session fixation, and no hash or TOTP secret in any reply or
 * log line. The per-address limit runs last: it shuts this address out for the rest of the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { ADDRESS_LIMIT, LOCK_AFTER, LOCK_MINUTES } from '../src/identity/signIn.js';
import { totpCode } from '../src/identity/totp.js';
import { api, signIn, type Api } from './support/api.js';
import { regionBureau, registerFarms } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'identity test password';
const logLines: string[] = [];
const replies: string[] = [];
let server: InProcessServer;
let admin: Api;
let townAdmin: Api;

/** Every reply body the tests see, kept to check that no secret was ever in one. */
async function kept<T extends { body: unknown }>(reply: Promise<T>): Promise<T> {
  const r = await reply;
  replies.push(JSON.stringify(r.body));
  return r;
}

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'identity'), poolSize: 4 }, { workers: false, logLines });
  const { accounts, organisations, subjects } = server.runtime;
  const bureau = await regionBureau(organisations, 'jiyuan');
  await organisations.create({ id: 'station-chengliu', name: { zh: '承留镇监管站', en: 'Chengliu station' }, kind: 'township-station', region: 'jiyuan', division: '419001103', parentId: bureau });
  await organisations.create({ id: 'station-lilin', name: { zh: '梨林镇监管站', en: 'Lilin station' }, kind: 'township-station', region: 'jiyuan', division: '419001106', parentId: bureau });
  await registerFarms(subjects, 'jiyuan', ['farm-a'], '419001103');
  await accounts.create({ login: 'root', displayName: '系统管理员', password: PASSWORD, roles: ['admin'], dataScope: 'all' });
  await accounts.create({ login: 'town-admin', displayName: '承留镇管理员', password: PASSWORD, roles: ['admin'], region: 'jiyuan', organisationId: 'station-chengliu' });
  await accounts.create({ login: 'victim', displayName: '被猜测的账号', password: PASSWORD, roles: ['supervision'], region: 'jiyuan', organisationId: 'station-chengliu' });
  admin = await signIn(server.baseUrl, 'root', PASSWORD);
  townAdmin = await signIn(server.baseUrl, 'town-admin', PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

describe('lockout', () => {
  it(`locks an account after ${LOCK_AFTER} failures in a row, says so with the numbers, and an administrator unlocks it`, async () => {
    for (let i = 0; i < LOCK_AFTER - 1; i++) expect((await kept(api(server.baseUrl).post('/api/session', { login: 'victim', password: `guess ${i}` }))).status).toBe(401);
    const locking = await kept(api(server.baseUrl).post('/api/session', { login: 'victim', password: 'last guess' }));
    expect(locking.status).toBe(429);
    expect(locking.body.messageZh).toContain(`连续 ${LOCK_AFTER} 次`);
    expect(locking.body.message).toContain(`${LOCK_MINUTES} minutes`);
    // Even the right password is refused while locked.
    expect((await api(server.baseUrl).post('/api/session', { login: 'victim', password: PASSWORD })).body.details.reason).toBe('locked');
    const victimId = (await server.runtime.db.query<{ id: string }>("SELECT id FROM nongan_accounts WHERE login = 'victim'")).rows[0]!.id;
    expect((await admin.post(`/api/admin/accounts/${victimId}/unlock`)).status).toBe(200);
    expect((await api(server.baseUrl).post('/api/session', { login: 'victim', password: PASSWORD })).status).toBe(200);
    const audit = await server.runtime.audit.recent(50);
    expect(audit.filter((a) => a.kind === 'sign-in-failed' && a.login === 'victim').length).toBeGreaterThanOrEqual(LOCK_AFTER + 1);
    expect(audit.some((a) => a.kind === 'account-unlocked' && a.accountId === victimId)).toBe(true);
  });
});

describe('TOTP second factor', () => {
  it('enrols with a code, then asks for one at sign-in, and refuses a code already used', async () => {
    const official = await signIn(server.baseUrl, 'victim', PASSWORD);
    const begun = await official.post('/api/session/totp');
    expect(begun.status).toBe(200);
    const secret = new URL(begun.body.otpauthUri).searchParams.get('secret')!;
    const now = Date.now();
    expect((await official.post('/api/session/totp/confirm', { code: totpCode(secret, now) })).status).toBe(200);
    expect((await kept(official.get('/api/session'))).body.account.totpEnabled).toBe(true);

    const withoutCode = await api(server.baseUrl).post('/api/session', { login: 'victim', password: PASSWORD });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.details.reason).toBe('totp-required');
    const replayed = await api(server.baseUrl).post('/api/session', { login: 'victim', password: PASSWORD, totp: totpCode(secret, now) });
    expect(replayed.body.details.reason).toBe('totp');
    const next = await kept(api(server.baseUrl).post('/api/session', { login: 'victim', password: PASSWORD, totp: totpCode(secret, now + 30_000) }));
    expect(next.status, JSON.stringify(next.body)).toBe(200);
  });
});

describe('administration', () => {
  it('creates an account with an invitation link; the link sets the password once', async () => {
    const created = await kept(admin.post('/api/admin/accounts', { login: 'new-reviewer', displayName: '新审核员', roles: ['supervision'], organisationId: 'station-lilin' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.account).toMatchObject({ region: 'jiyuan', dataScope: 'org-and-below', organisationId: 'station-lilin' });
    const token = created.body.invitation.token;
    expect((await api(server.baseUrl).post('/api/session', { login: 'new-reviewer', password: 'anything at all' })).status).toBe(401);
    expect((await api(server.baseUrl).post('/api/session/password', { token, password: 'my own password' })).status).toBe(200);
    expect((await api(server.baseUrl).post('/api/session/password', { token, password: 'again password' })).status).toBe(404);
    expect((await api(server.baseUrl).post('/api/session', { login: 'new-reviewer', password: 'my own password' })).status).toBe(200);
  });

  it('a temporary password must be changed before anything else', async () => {
    await admin.post('/api/admin/accounts', { login: 'temp-user', displayName: '临时密码用户', roles: ['inspector'], organisationId: 'station-chengliu', temporaryPassword: 'temporary pass 1' });
    const user = await signIn(server.baseUrl, 'temp-user', 'temporary pass 1');
    expect((await user.get('/api/session')).body.account.mustChangePassword).toBe(true);
    const blocked = await user.get('/api/tasks');
    expect(blocked.status).toBe(403);
    expect(blocked.body.details.reason).toBe('password-change-required');
    expect((await user.post('/api/session/password-change', { currentPassword: 'temporary pass 1', newPassword: 'a better password' })).status).toBe(200);
    expect((await user.get('/api/tasks')).status).toBe(200);
  });

  it('an administrator manages only their own scope and cannot raise anyone above it', async () => {
    const outside = await townAdmin.post('/api/admin/accounts', { login: 'lilin-user', displayName: '梨林用户', roles: ['supervision'], organisationId: 'station-lilin' });
    expect(outside.status).toBe(404);
    const allScope = await townAdmin.post('/api/admin/accounts', { login: 'greedy', displayName: '越权', roles: ['supervision'], organisationId: 'station-chengliu', dataScope: 'all' });
    expect(allScope.status).toBe(403);
    const custom = await townAdmin.post('/api/admin/accounts', { login: 'greedy2', displayName: '越权2', roles: ['supervision'], organisationId: 'station-chengliu', dataScope: 'custom', customDivisions: ['419001106'] });
    expect(custom.status).toBe(403);
    const listed = (await kept(townAdmin.get('/api/admin/accounts?limit=500'))).body.map((a: { login: string }) => a.login);
    expect(listed).toContain('victim');
    expect(listed).not.toContain('new-reviewer');
    const newReviewer = (await admin.get('/api/admin/accounts?limit=500')).body.find((a: { login: string }) => a.login === 'new-reviewer');
    expect((await townAdmin.patch(`/api/admin/accounts/${newReviewer.id}`, { roles: ['district'] })).status).toBe(404);
    expect((await townAdmin.get('/api/admin/audit')).status).toBe(403);
  });

  it('records who changed what, and disabling an account ends its sessions at once', async () => {
    const reviewer = await signIn(server.baseUrl, 'new-reviewer', 'my own password');
    const target = (await admin.get('/api/admin/accounts?limit=500')).body.find((a: { login: string }) => a.login === 'new-reviewer');
    const changed = await kept(admin.patch(`/api/admin/accounts/${target.id}`, { roles: ['supervision', 'inspector'] }));
    expect(changed.body.roles).toEqual(['supervision', 'inspector']);
    expect((await reviewer.get('/api/session')).body.account.roles).toEqual(['supervision', 'inspector']);
    expect((await admin.patch(`/api/admin/accounts/${target.id}`, { disabled: true })).status).toBe(200);
    expect((await reviewer.get('/api/session')).status).toBe(401);
    expect((await api(server.baseUrl).post('/api/session', { login: 'new-reviewer', password: 'my own password' })).status).toBe(401);
    const audit = (await kept(admin.get(`/api/admin/audit?accountId=${target.id}`))).body;
    const change = audit.find((a: { kind: string; detail: { after: { roles?: string[] } } }) => a.kind === 'permission-changed' && a.detail.after.roles);
    expect(change.detail).toMatchObject({ before: { roles: ['supervision'] }, after: { roles: ['supervision', 'inspector'] } });
    const disabling = audit.find((a: { kind: string; detail: { after: { disabled?: boolean } } }) => a.kind === 'permission-changed' && a.detail.after.disabled === true);
    expect(disabling.detail).toMatchObject({ before: { disabled: false }, after: { disabled: true }, sessionsEnded: 2 });
    const self = (await admin.get('/api/session')).body.account.id;
    expect((await admin.patch(`/api/admin/accounts/${self}`, { roles: ['admin', 'district'] })).body.details.reason).toBe('self');
  });

  it('registers farms only with a valid credit code inside the region and scope', async () => {
    const bad = await admin.post('/api/admin/subjects', { uscc: '91419001MA00000000', name: '坏代码', region: 'jiyuan', division: '419001103' });
    expect(bad.status).toBe(400);
    expect(bad.body.messageZh).toContain('统一社会信用代码');
    const elsewhere = await admin.post('/api/admin/subjects', { uscc: '91419001MA00000000', name: '错地区', region: 'jiyuan', division: '110112106' });
    expect(elsewhere.status).toBe(400);
    const outside = await townAdmin.post('/api/admin/subjects', { uscc: '92419001000000001X', name: '梨林', region: 'jiyuan', division: '419001106' });
    expect(outside.status).toBe(403);
  });

  it('a password reset link ends the sessions and sets a new password', async () => {
    const victim = (await admin.get('/api/admin/accounts?limit=500')).body.find((a: { login: string }) => a.login === 'town-admin');
    const link = await admin.post(`/api/admin/accounts/${victim.id}/password-reset`);
    expect(link.status).toBe(200);
    expect((await townAdmin.get('/api/session')).status).toBe(401);
    expect((await api(server.baseUrl).post('/api/session/password', { token: link.body.token, password: 'reset password 1' })).status).toBe(200);
    townAdmin = await signIn(server.baseUrl, 'town-admin', 'reset password 1');
  });
});

describe('sessions', () => {
  it('a session id presented at sign-in is replaced (no fixation), and a signed-out one stays dead', async () => {
    const first = await signIn(server.baseUrl, 'root', PASSWORD);
    const second = await api(server.baseUrl, { cookie: first.cookie }).post('/api/session', { login: 'root', password: PASSWORD }, { 'x-csrf-token': first.csrf });
    expect(second.status).toBe(200);
    expect(second.body.token).not.toBe(first.token);
    expect((await first.get('/api/session')).status).toBe(401);
    const again = api(server.baseUrl, { token: second.body.token });
    expect((await again.delete('/api/session')).status).toBe(200);
    expect((await again.get('/api/session')).status).toBe(401);
  });
});

describe('secrets', () => {
  it('no password hash or TOTP secret appears in any reply or log line', async () => {
    const { rows } = await server.runtime.db.query<{ password_hash: string | null; totp_secret: string | null }>('SELECT password_hash, totp_secret FROM nongan_accounts');
    const secrets = rows.flatMap((r) => [r.password_hash, r.totp_secret]).filter((s): s is string => s !== null);
    expect(secrets.length).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(10);
    const everything = [...replies, ...logLines].join('\n');
    for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
    expect(everything).not.toMatch(/\$argon2id\$/);
  });
});

describe('per-address limit (last: it shuts this address out)', () => {
  it(`refuses an address after ${ADDRESS_LIMIT} failures in the window, whatever login it tries`, async () => {
    let status = 0;
    for (let i = 0; i < ADDRESS_LIMIT + 5 && status !== 429; i++) {
      status = (await api(server.baseUrl).post('/api/session', { login: `nobody-${i}`, password: 'wrong password' })).status;
    }
    expect(status).toBe(429);
    const refused = await api(server.baseUrl).post('/api/session', { login: 'root', password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.body.messageZh).toContain(`${ADDRESS_LIMIT} 次`);
    expect(refused.body.details).toMatchObject({ reason: 'address-limit', limit: ADDRESS_LIMIT });
  });
});

