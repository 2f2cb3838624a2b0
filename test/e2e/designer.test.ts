/**
 * Configuration staff publish a form and new cases use it at once: in Luoyang the designer opens the
 * built-in batch form, staff start a new version, add a required "planting plot" field, publish it
 * effective on the demo date; a grower's next batch asks for the plot, the engine refuses a batch
 * without it, and the case records the new form version in its journal.
 */
import { describe, expect, it } from 'vitest';
import { expectState, fill, journalVerified, flow, screenshot, signIn, portalForFile } from './portal.js';

const portal = portalForFile();

const batch = {
  productName: '青菜',
  category: 'vegetable',
  quantity: 200,
  unit: 'kg',
  origin: '江苏省常州市武进区洛阳镇',
  producerName: '洛阳镇种植户',
  contact: '13600004444',
  village: '岑村',
};

describe('designer publishing', () => {
  it('publishes a new batch form version that the next batch uses', async () => {
    await flow(portal, 'designer', async ({ page }) => {
      await signIn(page, 'luoyang', 'config');
      const host = page.locator('.portal-designer-host');
      await host.getByRole('button', { name: '创建新版本' }).click();
      await host.getByRole('button', { name: '添加单行文本' }).click();
      const properties = host.locator('section', { has: page.getByRole('heading', { name: '属性' }) });
      const key = properties.getByLabel('字段键（回车确认，规则与布局随之更新）');
      await key.fill('plot');
      await key.press('Enter');
      await properties.getByLabel('标签（中文）').fill('种植地块');
      await properties.getByLabel('Label (English)').fill('Planting plot');
      await properties.getByLabel('必填', { exact: true }).check();

      const versions = host.locator('section', { has: page.getByRole('heading', { name: '发布与版本' }) });
      // The effective date defaults to the demo clock's day, so the new version is in force at once.
      expect(await versions.getByLabel('生效日期').inputValue()).toBe('2026-03-02');
      await versions.getByLabel('变更说明').fill('增加种植地块，便于追溯到地块');
      await versions.getByRole('button', { name: '发布' }).click();
      await expect.poll(() => versions.locator('tr[data-version]').count()).toBe(2);
      await page.getByTestId('designer-page').getByRole('button', { name: '刷新' }).click();
      await page.locator('[data-published="sic-batch@1.1.0"]').waitFor();
      await screenshot(page, 'designer-published');

      // A grower opens the next batch: the new field is there, required, and enforced.
      await signIn(page, 'luoyang', 'producer', 'luoyang-producer-1');
      await page.goto(new URL('#/farm', page.url()).href);
      await page.locator('button[data-start="selfInspectToCertificate"]').click();
      const form = page.locator('[data-start-form="selfInspectToCertificate"]');
      await form.getByText('种植地块').waitFor();
      await fill(form, batch);
      await form.locator('button.portal-primary').click();
      await expect.poll(() => form.innerText()).toMatch(/种植地块[\s\S]*必填|必填[\s\S]*种植地块/);
      expect(page.url()).toContain('#/farm');

      await fill(form, { plot: '岑村东片 3 号地' });
      await form.locator('button.portal-primary').click();
      await page.waitForURL(/#\/case\//);
      await expectState(page, 'batchOpen');
      // The case was checked against the published version: its new field shows in the history by its label.
      await expect.poll(() => page.locator('.nw-timeline').innerText()).toContain('种植地块');
      expect(await page.locator('.nw-timeline').innerText()).not.toContain('sic-batch@');
      expect(await page.locator('.nw-timeline').innerText()).toContain('岑村东片 3 号地');
      expect(await journalVerified(page)).toBe(true);
      await screenshot(page, 'designer-new-case');
    });
  }, 300_000);
});
