/**
 * Administration through the portal on the server: the administrator sees the accounts by name and
 * role names (never role keys), issues a password reset link, the person opens it on their own device
 * and sets a password, signs in with it, and the audit log names both steps. A new account created in
 * the form appears in the list. The whole server's backup is downloaded and restored from the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '@nongan/workflows';
import { ready } from './portal.js';
import { serverPortalForFile, signedIn, together } from './serverPortal.js';

const portal = serverPortalForFile('administration');
const NEW_PASSWORD = 'Kaizhou-farm-2026!';

describe('administration in the portal', () => {
  it('a reset link set by the administrator lets the person choose a password and sign in with it; the audit log names it', async () => {
    const admin = await signedIn(portal, 'admin');
    await together('administration', [admin], async () => {
      const page = admin.page;
      await page.locator('#admin-accounts-title').waitFor();
      const row = page.locator('tr[data-login="jiyuan-farm-1"]');
      await row.waitFor();
      const roleCells = await page.locator('.portal-admin table.portal-table').first().locator('tbody td:nth-child(3)').allInnerTexts();
      expect(roleCells.length).toBeGreaterThan(10);
      for (const cell of roleCells) for (const key of [...ROLES, 'admin']) expect(cell.split('、')).not.toContain(key);

      await row.getByRole('button', { name: '重置密码' }).click();
      const link = await page.locator('input.portal-link-field').inputValue();
      expect(link).toMatch(/#\/set-password\/.+/);

      // The farm opens the link on its own phone, with no session.
      const phone = await portal.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      try {
        const farmPage = await phone.newPage();
        await farmPage.goto(link);
        await ready(farmPage);
        await farmPage.locator('input[name=password]').fill(NEW_PASSWORD);
        await farmPage.locator('input[name=repeat]').fill(NEW_PASSWORD);
        await farmPage.getByRole('button', { name: '保存密码' }).click();
        await farmPage.getByText('密码已保存').waitFor();
        // The link works once.
        await farmPage.goto(link);
        await farmPage.reload();
        await farmPage.locator('input[name=password]').fill(NEW_PASSWORD);
        await farmPage.locator('input[name=repeat]').fill(NEW_PASSWORD);
        await farmPage.getByRole('button', { name: '保存密码' }).click();
        await expect.poll(() => farmPage.locator('[role=alert]').innerText(), { timeout: 20_000 }).toContain('已使用或已过期');
      } finally {
        await phone.close();
      }
      const farm = await signedIn(portal, 'jiyuan-farm-1', { password: NEW_PASSWORD });
      await farm.context.close();

      await page.reload();
      await ready(page);
      const audit = page.locator('section[aria-labelledby=admin-audit-title]');
      await expect.poll(() => audit.innerText(), { timeout: 20_000 }).toContain('发出设置密码链接');
      const auditText = await audit.innerText();
      expect(auditText).toContain('设置密码');
      expect(auditText).toContain('系统管理员');
    });
  });

  it('a new account made in the form is listed with its role names', async () => {
    const admin = await signedIn(portal, 'admin');
    await together('administration-new', [admin], async () => {
      const page = admin.page;
      const form = page.locator('form.portal-admin-new');
      await form.locator('input[name=displayName]').fill('开州区抽检员');
      await form.locator('input[name=login]').fill('kaizhou-sampler');
      await form.locator('input[type=checkbox]').first().check();
      await form.locator('input[name=temporaryPassword]').fill('Temporary-2026');
      await form.getByRole('button', { name: '创建账号' }).click();
      await form.getByText('已创建账号 开州区抽检员').waitFor();
      const row = page.locator('tr[data-login="kaizhou-sampler"]');
      await row.waitFor();
      expect(await row.innerText()).toContain('待修改临时密码');
      // Signing in with the temporary password asks for a new one first.
      const device = await portal.browser.newContext({ locale: 'zh-CN' });
      try {
        const other = await device.newPage();
        await other.goto(`${portal.url}#/`);
        await ready(other);
        const signIn = other.locator('form.portal-signin');
        await signIn.locator('input[name=login]').fill('kaizhou-sampler');
        await signIn.locator('input[name=password]').fill('Temporary-2026');
        await signIn.getByRole('button', { name: '登录' }).click();
        await other.getByRole('heading', { name: '请先设置新密码' }).waitFor();
      } finally {
        await device.close();
      }
    });
  });

  it('the administrator downloads the server backup and restores it; a tampered file is refused with its reason and changes nothing', async () => {
    const admin = await signedIn(portal, 'admin');
    await together('administration-backup', [admin], async () => {
      const page = admin.page;
      const card = page.locator('[data-testid=server-backup]');
      await card.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '下载服务器备份' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^nongan-server-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(file.format).toBe('nongan-server-backup');
      expect(file.engine.instances.length).toBeGreaterThan(10);
      await expect.poll(() => card.locator('[role=status]').innerText()).toContain(`${file.engine.instances.length} 个案件`);

      const input = card.locator('input[type=file]');
      const restoreWith = async (content: unknown) => {
        page.once('dialog', (dialog) => void dialog.accept());
        await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
      };
      const tampered = structuredClone(file);
      tampered.engine.journal[0].actor.id = 'someone-else';
      await restoreWith(tampered);
      const refusal = card.locator('[data-testid=restore-problems]');
      await expect.poll(() => refusal.innerText(), { timeout: 20_000 }).toContain('未做任何更改');
      expect(await refusal.innerText()).not.toMatch(/\/engine|\/journal/);

      await restoreWith(file);
      await expect.poll(() => card.locator('[role=status]').innerText(), { timeout: 30_000 }).toContain(`已恢复：${file.engine.instances.length} 个案件`);
      const audit = page.locator('section[aria-labelledby=admin-audit-title]');
      await expect.poll(() => audit.innerText(), { timeout: 20_000 }).toContain('恢复服务器备份');
      expect(await audit.innerText()).toContain('导出服务器备份');
    });
  });
});
