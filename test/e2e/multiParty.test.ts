/**
 * Many people, live, and offline, through the server (issue 13): a Jiyuan farm on a phone and the
 * county bureau's reviewer on a desktop, each in their own browser context with their own account,
 * work one qualification application. The reviewer's inbox shows the submission without a reload;
 * the return and the resubmission reach the other side live; the farm resubmits offline and the
 * command is applied once when it comes back; a command that became invalid while the phone was
 * offline is shown refused with the server's reason next to the kept input. Pages are reloaded midway;
 * the journal verifies at the end.
 */
import { describe, expect, it } from 'vitest';
import { act, actionButtons, expectState, journalVerified, openCase, openFromInbox, ready, reload, startFromFarmPage } from './portal.js';
import { live, serverPortalForFile, signedIn, together } from './serverPortal.js';

const portal = serverPortalForFile('multiparty');
const PHONE = { width: 390, height: 844 };
const application = { species: 'pig', stock: 800, annualOutput: 1500 };

async function submissions(instanceId: string): Promise<number> {
  return (await portal.server.runtime.engine.history(instanceId)).filter((e) => e.event.type === 'SUBMIT').length;
}

describe('the portal on the server', () => {
  it('a farm and a reviewer see each other\'s steps live; an offline resubmission is applied once on reconnect', async () => {
    const reviewer = await signedIn(portal, 'jiyuan-supervision');
    const farm = await signedIn(portal, 'jiyuan-farm-1', { viewport: PHONE });
    await together('multiparty-live', [reviewer, farm], async () => {
      await reviewer.page.goto(`${portal.url}#/inbox`);
      // One application per farm and subsidy year (seed 002 §二): each journey below applies for its own year.
      const caseId = await startFromFarmPage(farm.page, 'qualificationReview', { farmName: '济源市多方联调养殖场', year: 2031 });
      await act(farm.page, '提交资质申请', application);
      await expectState(farm.page, 'initialReview');

      // The reviewer's inbox gains the application without a reload.
      const row = reviewer.page.locator(`tr[data-instance="${caseId}"]`);
      await row.waitFor({ timeout: 30_000 });
      await row.locator('button').click();
      await reviewer.page.locator('.nw-case h2').waitFor();
      await act(reviewer.page, '初审退回', { reason: '缺少动物防疫条件合格证复印件' });
      await expectState(reviewer.page, 'returned');

      // The farm's open case follows, and shows why, without a reload.
      await expectState(farm.page, 'returned');
      await expect.poll(() => farm.page.locator('.nw-timeline').innerText(), { timeout: 20_000 }).toContain('缺少动物防疫条件合格证复印件');

      // No signal: the farm still resubmits; the portal says it is offline and one action waits.
      await farm.context.setOffline(true);
      await farm.page.locator('[data-testid=connection-status].portal-connection-offline').waitFor();
      await act(farm.page, '提交资质申请', { ...application, stock: 820 });
      await expect.poll(() => farm.page.locator('.nw-success').getAttribute('data-queued'), { timeout: 20_000 }).toBe('true');
      await expect.poll(() => farm.page.getByTestId('waiting-count').innerText(), { timeout: 20_000 }).toContain('1 项操作待发送');
      await expect.poll(() => farm.page.getByTestId('pending-commands').innerText(), { timeout: 20_000 }).toContain('已保存在本设备');
      await expect.poll(() => actionButtons(farm.page).count(), { timeout: 20_000 }).toBe(0);
      expect(await submissions(caseId)).toBe(1);

      // The reviewer reloads meanwhile; nothing has arrived yet.
      await reload(reviewer.page);
      await live(reviewer.page);
      await expectState(reviewer.page, 'returned');

      // Signal again: the queued command goes once, and both sides see it.
      await farm.context.setOffline(false);
      await expectState(farm.page, 'initialReview');
      await expect.poll(() => farm.page.getByTestId('waiting-count').count(), { timeout: 20_000 }).toBe(0);
      await expectState(reviewer.page, 'initialReview');
      expect(await submissions(caseId)).toBe(2);
      await reload(farm.page);
      await openCase(farm.page, caseId);
      await expectState(farm.page, 'initialReview');
      expect(await journalVerified(reviewer.page)).toBe(true);
    });
  });

  it('a command that became invalid while offline is shown refused with its reason and the kept input', async () => {
    const reviewer = await signedIn(portal, 'jiyuan-supervision');
    const phone = await signedIn(portal, 'jiyuan-farm-2', { viewport: PHONE });
    const desktop = await signedIn(portal, 'jiyuan-farm-2');
    await together('multiparty-refused', [reviewer, phone, desktop], async () => {
      const caseId = await startFromFarmPage(desktop.page, 'qualificationReview', { farmName: '济源市离线测试养殖场', year: 2028 });
      await act(desktop.page, '提交资质申请', application);
      await openCase(reviewer.page, caseId);
      await act(reviewer.page, '初审退回', { reason: '存栏数与防疫记录不符' });
      await openCase(phone.page, caseId);
      await expectState(phone.page, 'returned');

      await phone.context.setOffline(true);
      await act(phone.page, '提交资质申请', { ...application, stock: 777 });
      // The same farm resubmits from its desktop while the phone is offline.
      await expectState(desktop.page, 'returned');
      await act(desktop.page, '提交资质申请', { ...application, stock: 810 });
      await phone.context.setOffline(false);

      const refused = phone.page.locator('[data-testid=pending-commands] li[data-status=refused]');
      await refused.waitFor({ timeout: 30_000 });
      await expect.poll(() => phone.page.getByTestId('refused-count').innerText(), { timeout: 20_000 }).toContain('1 项操作未被受理');
      await expect.poll(() => refused.innerText(), { timeout: 20_000 }).toContain('当前状态不允许此操作');
      // What the person typed is still there, read-only in the same form, by its labels.
      const stock = refused.locator('.ng-field--static').filter({ has: phone.page.locator('[id$="-stock-label"]') });
      await expect.poll(() => stock.innerText(), { timeout: 20_000 }).toContain('777');
      expect(await submissions(caseId)).toBe(2);
      await refused.getByRole('button', { name: '放弃此操作' }).click();
      await expect.poll(() => phone.page.getByTestId('pending-commands').count(), { timeout: 20_000 }).toBe(0);
      await expectState(phone.page, 'initialReview');
    });
  });

  it('a farm reopens the portal without any network, as itself: its case from the device, its submission queued and sent once', async () => {
    const farm = await signedIn(portal, 'jiyuan-farm-3', { viewport: PHONE });
    await together('multiparty-offline-start', [farm], async () => {
      const caseId = await startFromFarmPage(farm.page, 'qualificationReview', { farmName: '济源市断网重开养殖场', year: 2029 });
      await expectState(farm.page, 'draft');
      await farm.page.locator('html[data-offline-ready=true]').waitFor({ timeout: 60_000 });

      // No signal, and the page is closed and opened again: it starts from the device.
      await farm.context.setOffline(true);
      await farm.page.goto('about:blank');
      const opened = await farm.page.goto(`${portal.url}#/case/${encodeURIComponent(caseId)}`);
      expect(opened?.headers()['x-nongan-offline']).toBe('kept');
      await ready(farm.page);
      await farm.page.locator('[data-testid=connection-status].portal-connection-offline').waitFor();
      expect(await farm.page.getByTestId('signed-in-as').innerText()).toBeTruthy();
      await expectState(farm.page, 'draft');
      await act(farm.page, '提交资质申请', application);
      await expect.poll(() => farm.page.getByTestId('waiting-count').innerText(), { timeout: 20_000 }).toContain('1 项操作待发送');
      expect(await submissions(caseId)).toBe(0);

      // Signal again: sent once, under the cookie this device kept (its CSRF token read first).
      await farm.context.setOffline(false);
      await expectState(farm.page, 'initialReview');
      await expect.poll(() => farm.page.getByTestId('waiting-count').count(), { timeout: 30_000 }).toBe(0);
      expect(await submissions(caseId)).toBe(1);
    });
  });

  it('a reviewer claims an application and transfers it by name to the station of the farm\'s township, which decides it (issue 15)', async () => {
    const reviewer = await signedIn(portal, 'jiyuan-supervision');
    const farm = await signedIn(portal, 'jiyuan-farm-4', { viewport: PHONE });
    const opened: { caseId?: string } = {};
    await together('multiparty-transfer', [reviewer, farm], async () => {
      opened.caseId = await startFromFarmPage(farm.page, 'qualificationReview', { farmName: '济源市转办测试养殖场', year: 2030 });
      await act(farm.page, '提交资质申请', application);
      await expectState(farm.page, 'initialReview');

      await openCase(reviewer.page, opened.caseId);
      const ops = reviewer.page.locator('.nw-ops');
      await ops.getByRole('button', { name: '认领', exact: true }).click();
      await expect.poll(() => reviewer.page.locator('[data-work=holder]').innerText(), { timeout: 20_000 }).toContain('济源');
      await ops.getByRole('button', { name: '转办', exact: true }).click();
      const panel = reviewer.page.locator('.nw-op-panel');
      // The people offered come from the server: accounts that may act on this case, shown by name.
      const person = panel.locator('.nw-picker li label').first();
      await person.waitFor({ timeout: 20_000 });
      expect(await person.innerText()).toMatch(/监管站$/);
      await person.locator('input').check();
      await panel.locator('textarea[id$="-opinion"]').fill('属地乡镇监管站办理');
      await panel.locator('button.nw-primary', { hasText: '转办' }).click();
      await reviewer.page.locator('.nw-operations .nw-success').waitFor();
      await expect.poll(() => reviewer.page.locator('[data-work=holder]').innerText(), { timeout: 20_000 }).toMatch(/监管站/);
      await expect.poll(() => reviewer.page.locator('.nw-timeline').innerText(), { timeout: 20_000 }).toContain('转办');
    });

    // The station it went to finds it in its inbox as its own and decides it.
    const holder = (await portal.server.runtime.engine.get(opened.caseId!)).work?.holder;
    expect(holder).toMatchObject({ how: 'transferred', role: 'supervision' });
    const login = (await portal.server.runtime.accounts.get(holder!.id))!.login;
    const station = await signedIn(portal, login);
    await together('multiparty-transfer-station', [station], async () => {
      await openFromInbox(station.page, opened.caseId!);
      await act(station.page, '初审通过');
      await expectState(station.page, 'finalReview');
      expect(await journalVerified(station.page)).toBe(true);
    });
    const kinds = (await portal.server.runtime.engine.history(opened.caseId!)).map((e) => e.event.type);
    expect(kinds).toEqual(['start', 'SUBMIT', 'task.claim', 'task.transfer', 'INITIAL_APPROVE']);
  });
});
