/**
 * Field permissions on the server: a form published with permissions per step × role is pinned by
 * the next case; a reader's journal leaves out what their roles may not see (and says so), while the
 * stored journal keeps every field and still verifies.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toChinaDate } from '@nongan/engine';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import type { FormDefinition } from '@nongan/forms';
import { BASE_FORMS, sampleData } from '@nongan/workflows';
import { commandId, signIn, type Api } from './support/api.js';
import { registerFarms, regionBureau } from './support/fixtures.js';
import { inProcessServer, type InProcessServer } from './support/servers.js';

const PASSWORD = 'field access test password';
const REGION = 'kaizhou';
const FARM = 'farm-field-access';
let server: InProcessServer;
const who: Record<string, Api> = {};

/** The batch form again, with the producer's mobile number kept from the rapid-test inspectors. */
function batchWithPermissions(): FormDefinition {
  const definition = structuredClone(BASE_FORMS.get('sic-batch')!.definition);
  return { ...definition, version: '1.0.1', access: { '*': { inspector: { contact: 'hidden' } } } };
}

beforeAll(async () => {
  server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), 'field-access'), poolSize: 3 }, { workers: false });
  const { accounts, organisations, subjects } = server.runtime;
  const bureau = await regionBureau(organisations, REGION);
  await registerFarms(subjects, REGION, [FARM]);
  const people = [
    { login: 'national-config', displayName: '全国配置员', roles: ['config'], region: null },
    { login: 'farm', displayName: '种植户', roles: ['producer'], region: REGION, subjects: [FARM], dataScope: 'self' as const },
    { login: 'inspector', displayName: '李检测', roles: ['inspector'], region: REGION, organisationId: bureau, dataScope: 'org-and-below' as const },
    { login: 'district', displayName: '王监管', roles: ['district'], region: REGION, organisationId: bureau, dataScope: 'org-and-below' as const },
  ];
  for (const p of people) await accounts.create({ password: PASSWORD, ...p });
  for (const p of people) who[p.login] = await signIn(server.baseUrl, p.login, PASSWORD);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('field permissions on the server', () => {
  it('gives each reader the journal their roles may see, and verifies the whole of it', async () => {
    const published = await who['national-config']!.post('/api/designs/sic-batch/versions', {
      doc: { kind: 'form', definition: batchWithPermissions() },
      effectiveFrom: toChinaDate(Date.now()),
      note: '快检人员不查看生产者联系方式',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const started = await who.farm!.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: REGION, subject: FARM, data: sampleData(REGION, 'sic-batch'), commandId: commandId('batch') });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.instanceId as string;
    const contact = sampleData(REGION, 'sic-batch').contact;

    const forInspector = await who.inspector!.get(`/api/cases/${id}/journal`);
    expect(forInspector.status, JSON.stringify(forInspector.body)).toBe(200);
    expect(forInspector.body[0].event.data).not.toHaveProperty('contact');
    expect(forInspector.body[0].withheld).toEqual(['contact']);
    expect(forInspector.body[0].event.data.productName).toBe(sampleData(REGION, 'sic-batch').productName);

    for (const reader of ['farm', 'district']) {
      const journal = (await who[reader]!.get(`/api/cases/${id}/journal`)).body;
      expect(journal[0].event.data.contact, reader).toBe(contact);
      expect(journal[0].withheld, reader).toBeUndefined();
    }
    // The stored entry keeps the field; its hash covers it, and the case verifies for the inspector too.
    expect((await server.runtime.engine.history(id))[0]!.event.data!.contact).toBe(contact);
    expect((await who.inspector!.get(`/api/cases/${id}/verify`)).body.ok).toBe(true);
  });
});
