/**
 * Backup through the UI, and the language switch: the visitor exports the database, adds a case,
 * tries a broken file (refused in Chinese, nothing changes), then restores the export (the later case is
 * gone, the exported ones are back). English is chosen once and kept across a reload.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openPortal, ready, registerFarm, reload, screenshot, signIn, startFromFarmPage, portalForFile } from './portal.js';

const portal = portalForFile();

describe('portal backup and language', () => {
  it('switches to English and keeps the choice', async () => {
    const { page, context, errors, consoleErrors } = await openPortal(portal);
    try {
      await expect.poll(() => page.locator('.portal-title').textContent()).toBe('农安 · 农产品质量安全监管门户');
      await page.locator('.portal-lang').click();
      await expect.poll(() => page.locator('.portal-title').textContent()).toBe("Nong'an · agri-food safety portal");
      await reload(page);
      expect(await page.locator('.portal-title').textContent()).toBe("Nong'an · agri-food safety portal");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await screenshot(page, 'english-home');
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('exports, refuses a broken file without changing anything, and restores the export', async () => {
    const { page, context, errors, consoleErrors } = await openPortal(portal);
    try {
      await page.goto(new URL('#/backup', page.url()).href);
      const downloading = page.waitForEvent('download');
      await page.getByTestId('backup-page').locator('button.portal-primary').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('nongan-backup-2026-03-02.json');
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { engine: { instances: Array<{ id: string }> } };
      const exportedIds = exported.engine.instances.map((i) => i.id).sort();
      expect(exportedIds.length).toBeGreaterThan(20);

      await registerFarm(page, 'luoyang', '洛阳镇备份测试种植户');
      const laterCase = await startFromFarmPage(page, 'selfInspectToCertificate', {
        productName: '青菜',
        category: 'vegetable',
        quantity: 100,
        unit: 'kg',
        origin: '江苏省常州市武进区洛阳镇',
        producerName: '洛阳镇备份测试种植户',
        contact: '13600003333',
        village: '岑村',
      });

      await page.goto(new URL('#/backup', page.url()).href);
      const input = page.getByTestId('backup-page').locator('input[type=file]');
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nongan-portal-backup","version":1,"engine":{}}') });
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toContain('导入失败，原有数据未改动');
      await screenshot(page, 'backup-refused');
      // The later case is still there.
      await page.goto(new URL(`#/case/${laterCase}`, page.url()).href);
      await page.locator('.nw-case h2').waitFor();

      await page.goto(new URL('#/backup', page.url()).href);
      const reloaded = page.waitForEvent('load');
      await input.setInputFiles((await download.path())!);
      await reloaded;
      await ready(page);

      await signIn(page, 'luoyang', 'district');
      await page.goto(new URL(`#/case/${laterCase}`, page.url()).href);
      await expect.poll(() => page.locator('.nw-error, [role=alert]').first().innerText()).toMatch(/不存在|not found/i);
      await page.goto(new URL('#/cases', page.url()).href);
      const luoyangRows = page.locator('tr[data-case-id]');
      await luoyangRows.first().waitFor();
      const restoredLuoyang = await luoyangRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')!).sort());
      expect(restoredLuoyang).toEqual(exportedIds.filter((id) => id.startsWith('luoyang-')));
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
