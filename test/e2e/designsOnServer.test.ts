/**
 * Forms on the server: Luoyang's configuration staff open the designer in the portal on the server and
 * are refused, with the server's reason, when they publish a new version of the base batch form that
 * every region shares; national configuration staff publish it; a Luoyang grower's next batch, on
 * another device, asks for the new field, the server refuses a batch without it, and the case pins the
 * new version (its history names it).
 */
import { describe, expect, it } from 'vitest';
import { BASE_FORMS } from '@nongan/workflows';
import type { FormDefinition } from '@nongan/forms';
import { DEMO_PASSWORD } from '../../packages/server/src/demo/seedDemoAccounts.js';
import { signIn as apiSignIn } from '../../packages/server/test/support/api.js';
import { expectState, fill, journalVerified } from './portal.js';
import { serverPortalForFile, signedIn, together } from './serverPortal.js';

const portal = serverPortalForFile('designs');
const batch = { productName: '青菜', category: 'vegetable', quantity: 200, unit: 'kg', origin: '江苏省常州市武进区洛阳镇', producerName: '洛阳镇种植户', contact: '13600004444', village: '岑村' };

function batchFormV2(): FormDefinition {
  const v1 = structuredClone(BASE_FORMS.get('sic-batch')!.definition);
  const schema = v1.schema as { properties: Record<string, unknown>; required: string[] };
  schema.properties.plot = { type: 'string', minLength: 2 };
  schema.required.push('plot');
  v1.fields.plot = { kind: 'text', label: { zh: '种植地块', en: 'Planting plot' } };
  (v1.layout as { children: unknown[] }).children.push({ type: 'field', field: 'plot' });
  return { ...v1, version: '1.1.0' };
}

describe('forms designed on the server', () => {
  it('a region cannot change the shared base form; a national publication is used by the next case on another device', async () => {
    const config = await signedIn(portal, 'luoyang-config');
    await together('designs-regional', [config], async () => {
      const page = config.page;
      await page.goto(`${portal.url}#/designer`);
      const host = page.locator('.portal-designer-host');
      await host.getByRole('button', { name: '创建新版本' }).click();
      const versions = host.locator('section', { has: page.getByRole('heading', { name: '发布与版本' }) });
      await versions.getByLabel('变更说明').fill('试图修改共用的基础表单');
      await versions.getByRole('button', { name: '发布' }).click();
      await expect.poll(() => host.innerText(), { timeout: 20_000 }).toContain('各地区共用的基础表单');
      expect(await versions.locator('tr[data-version]').count()).toBe(1);
    });

    const national = await apiSignIn(portal.server.baseUrl, 'national-config', DEMO_PASSWORD);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const published = await national.post('/api/designs/sic-batch/versions', { doc: { kind: 'form', definition: batchFormV2() }, effectiveFrom: today, note: '增加种植地块，便于追溯到地块' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const grower = await signedIn(portal, 'luoyang-producer-1', { viewport: { width: 390, height: 844 } });
    await together('designs-grower', [grower], async () => {
      const page = grower.page;
      await page.goto(`${portal.url}#/farm`);
      await page.locator('button[data-start="selfInspectToCertificate"]').click();
      const form = page.locator('[data-start-form="selfInspectToCertificate"]');
      await form.getByText('种植地块').waitFor();
      await fill(form, batch);
      await form.locator('button.portal-primary').click();
      await expect.poll(() => form.innerText()).toMatch(/种植地块[\s\S]*必填|必填[\s\S]*种植地块/);
      await fill(form, { plot: '岑村东片 3 号地' });
      await form.locator('button.portal-primary').click();
      await page.waitForURL(/#\/case\//);
      await expectState(page, 'batchOpen');
      await expect.poll(() => page.locator('.nw-timeline').innerText(), { timeout: 20_000 }).toContain('岑村东片 3 号地');
      expect(await journalVerified(page)).toBe(true);
      const instanceId = decodeURIComponent(page.url().split('#/case/')[1]!);
      expect((await portal.server.runtime.engine.get(instanceId)).pins['form:sic-batch']).toBe('sic-batch@1.1.0');
    });
  });
});
