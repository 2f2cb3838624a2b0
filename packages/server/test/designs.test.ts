/**
 * The designer on the server: its store passes the designer's own conformance suite on PGlite and on
 * PostgreSQL; who may edit which design is decided from the session (configuration staff, their own
 * region's variants, base forms only nationally); a published form is pinned by the next case,
 * opened through any server process, and its data is checked against it; publishing is audited.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { createPgliteClient, migrate, type SqlClient } from '@nongan/engine/postgres';
import type { FormDefinition } from '@nongan/forms';
import { BASE_FORMS, sampleData } from '@nongan/workflows';
import { designerStoreConformance } from '../../../designer/test/store/conformance.js';
import { openDatabase } from '../src/database.js';
import { createPostgresDesignerStore } from '../src/designs/postgresDesignerStore.js';
import { SERVER_MIGRATIONS, SERVER_MIGRATION_TABLE } from '../src/identity/migrations.js';
import { commandId, signIn, type Api } from './support/api.js';
import { registerFarms } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'designs test password';
let pglite: SqlClient;
let postgres: SqlClient;
let servers: InProcessServer[] = [];
const who: Record<string, Api> = {};

beforeAll(async () => {
  pglite = createPgliteClient(await PGlite.create());
  await migrate(pglite, SERVER_MIGRATIONS, SERVER_MIGRATION_TABLE);
  postgres = await openDatabase({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'designs-store'), poolSize: 2 });
  await migrate(postgres, SERVER_MIGRATIONS, SERVER_MIGRATION_TABLE);
  const url = await createTestDatabase(inject('postgresAdminUrl'), 'designs');
  // Two server processes' worth of runtime on one database: a publication through one is used by the other.
  servers = [await inProcessServer({ kind: 'postgres', url, poolSize: 3 }, { workers: false }), await inProcessServer({ kind: 'postgres', url, poolSize: 3 }, { workers: false })];
  const { accounts, subjects } = servers[0]!.runtime;
  await registerFarms(subjects, 'luoyang', ['luoyang-grower']);
  const people = [
    { login: 'national-config', roles: ['config'], region: null },
    { login: 'luoyang-config', roles: ['config'], region: 'luoyang' },
    { login: 'kaizhou-config', roles: ['config'], region: 'kaizhou' },
    { login: 'grower', roles: ['producer'], region: 'luoyang', subjects: ['luoyang-grower'], dataScope: 'self' as const },
  ];
  for (const p of people) await accounts.create({ displayName: p.login, password: PASSWORD, ...p });
  for (const p of people) who[p.login] = await signIn(servers[0]!.baseUrl, p.login, PASSWORD);
  who['grower-on-b'] = await signIn(servers[1]!.baseUrl, 'grower', PASSWORD);
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  await pglite?.close();
  await postgres?.close();
});

designerStoreConformance('PGlite (server)', async () => {
  await pglite.query('TRUNCATE nongan_design_drafts, nongan_design_versions');
  return createPostgresDesignerStore(pglite);
});
designerStoreConformance('PostgreSQL (server)', async () => {
  await postgres.query('TRUNCATE nongan_design_drafts, nongan_design_versions');
  return createPostgresDesignerStore(postgres);
});

function batchFormV2(): FormDefinition {
  const v1 = structuredClone(BASE_FORMS.get('sic-batch')!.definition);
  const schema = v1.schema as { properties: Record<string, unknown>; required: string[] };
  schema.properties.plot = { type: 'string', minLength: 2 };
  schema.required.push('plot');
  v1.fields.plot = { kind: 'text', label: { zh: '种植地块', en: 'Plot' } };
  (v1.layout as { children: unknown[] }).children.push({ type: 'field', field: 'plot' });
  return { ...v1, version: '1.1.0' };
}
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('designs on the server', () => {
  it('starts with the built-in forms as published designs, readable by anyone signed in', async () => {
    const versions = (await who.grower!.get('/api/designs/versions')).body as Array<{ docId: string }>;
    expect(versions.map((v) => v.docId)).toEqual(expect.arrayContaining(['sic-batch', 'qr-registration-jiyuan']));
    expect((await who.grower!.get('/api/designs')).status).toBe(403);
    expect((await who['luoyang-config']!.get('/api/designs')).status).toBe(200);
  });

  it('lets configuration staff edit only what is theirs, and says why otherwise', async () => {
    const base = { kind: 'form', definition: batchFormV2() };
    const regional = await who['luoyang-config']!.post('/api/designs/sic-batch/versions', { doc: base, effectiveFrom: today(), note: '增加种植地块' });
    expect(regional.status).toBe(403);
    expect(regional.body.details.reason).toBe('region');
    expect(regional.body.messageZh).toContain('基础表单');

    const builtIn = (await who['kaizhou-config']!.get('/api/designs/sic-batch-inner-mongolia/versions')).body[0];
    const variant = { ...builtIn.doc.variant, version: '1.0.0-inner-mongolia.2' };
    const other = await who['kaizhou-config']!.post('/api/designs/sic-batch-inner-mongolia/draft', { doc: { kind: 'variant', variant } });
    expect(other.status).toBe(403);
    expect(other.body.messageZh).toContain('内蒙古');
    expect((await who.grower!.post('/api/designs/sic-batch/draft', { doc: base })).body.details.reason).toBe('role');

    const mismatch = await who['national-config']!.post('/api/designs/qr-registration/draft', { doc: base });
    expect(mismatch.status).toBe(400);
    const broken = await who['national-config']!.post('/api/designs/sic-batch/versions', { doc: base, effectiveFrom: '2026-13-01', note: '日期错误' });
    expect(broken.status).toBe(400);
    expect(broken.body.messageZh).toContain('生效日期');
    // Nothing was written by any refusal.
    expect((await who['national-config']!.get('/api/designs/sic-batch/versions')).body).toHaveLength(1);
    expect((await who['national-config']!.get('/api/designs/sic-batch-inner-mongolia/draft')).status).toBe(404);
  });

  it('pins a published base form in the next case, through either process, and checks its data against it', async () => {
    const before = await who.grower!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: 'luoyang', subject: 'luoyang-grower', data: sampleData('luoyang', 'sic-batch'), commandId: commandId() });
    expect(before.status, JSON.stringify(before.body)).toBe(201);

    const published = await who['national-config']!.post('/api/designs/sic-batch/versions', { doc: { kind: 'form', definition: batchFormV2() }, effectiveFrom: today(), note: '增加种植地块，便于追溯' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect((await who['national-config']!.post('/api/designs/sic-batch/versions', { doc: { kind: 'form', definition: batchFormV2() }, effectiveFrom: today(), note: '再发一次' })).body.messageZh).toContain('已发布');

    // Through the other process, which did not see the publication happen.
    const without = await who['grower-on-b']!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: 'luoyang', subject: 'luoyang-grower', data: sampleData('luoyang', 'sic-batch'), commandId: commandId() });
    expect(without.status).toBe(422);
    expect(JSON.stringify(without.body)).toContain('plot');
    const withPlot = await who['grower-on-b']!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: 'luoyang', subject: 'luoyang-grower', data: { ...sampleData('luoyang', 'sic-batch'), plot: '岑村东片 3 号地' }, commandId: commandId() });
    expect(withPlot.status, JSON.stringify(withPlot.body)).toBe(201);
    const pinned = (await who.grower!.get(`/api/cases/${withPlot.body.instanceId}`)).body;
    expect(pinned.pins['form:sic-batch']).toBe('sic-batch@1.1.0');
    // The case opened before keeps the built-in form.
    expect((await who.grower!.get(`/api/cases/${before.body.instanceId}`)).body.pins['form:sic-batch']).toBeUndefined();

    const audit = await servers[0]!.runtime.audit.recent(10);
    expect(audit.find((e) => e.kind === 'form-published')?.detail).toMatchObject({ docId: 'sic-batch', version: '1.1.0' });
  });
});
