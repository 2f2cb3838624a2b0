/**
 * Beijing 达标场 (seed 000): a farm applies, the expert office evaluates (score ≥ 80), the municipal
 * bureau recognises it; later the expert office opens a warning case on a banned-drug finding and
 * proposes a direct exit (the mark is suspended by message), the bureau decides the exit (the
 * certification is revoked by message), and the farm's re-application is refused by the engine for
 * one year (seed 000 §七). Reload midway; final state, journal check and the dashboard's count of
 * revoked certifications are checked.
 */
import { describe, expect, it } from 'vitest';
import {
  act,
  dashboardFigure,
  expectState,
  journalVerified,
  openCase,
  openFromInbox,
  flow,
  registerFarm,
  reload,
  screenshot,
  signIn,
  startFromCasesPage,
  startFromFarmPage,
  portalForFile,
  fill,
} from './portal.js';

const LIFECYCLE = 600_000; // hang guard for a browser-driven lifecycle, not a performance limit
const portal = portalForFile();

const application = { farmName: '北京市顺义区端到端生猪养殖场', species: 'pig', stock: 3000, district: '顺义区' };

describe('Beijing certification revoked after a warning', () => {
  it('revokes the certification and refuses the re-application within a year', async () => {
    await flow(portal, 'beijing', async ({ page }) => {
      const revokedBefore = Number((await dashboardFigure(page, 'beijing', 'state:certification:revoked')) ?? 0);

      const farmId = await registerFarm(page, 'beijing', application.farmName);
      const certId = await startFromFarmPage(page, 'certification', application);
      await expectState(page, 'evaluation');

      await signIn(page, 'beijing', 'expert-office');
      await openFromInbox(page, certId);
      await act(page, '达标评估', { score: 86, method: { choose: 0 }, evaluatedOn: '2026-03-02' });
      await expectState(page, 'recognition');
      await signIn(page, 'beijing', 'municipal');
      await openFromInbox(page, certId);
      await act(page, '认定达标');
      await expectState(page, 'certified');

      await reload(page);
      await openCase(page, certId);
      await expectState(page, 'certified');

      await signIn(page, 'beijing', 'expert-office');
      const warningId = await startFromCasesPage(page, 'warningToExit', farmId, { source: 'special-inspection', summary: '专项检查发现饲料中非法添加兽药原料药', detectedOn: '2026-03-02' });
      await expectState(page, 'analysis');
      await act(page, '提出直接退出', { ground: 'banned-drugs', evidence: '饲料样品检出兽药原料药，检测报告 BJ-2026-017' });
      await expectState(page, 'exitDecision');
      await openCase(page, certId);
      await expectState(page, 'suspendedByWarning');

      await signIn(page, 'beijing', 'municipal');
      await openFromInbox(page, warningId);
      await act(page, '公告取消资格', { announcement: '取消其达标场资格，收回标识使用权，1年内不得再次申报', decidedOn: '2026-03-02' });
      await expectState(page, 'exited', 'done');
      expect(await journalVerified(page)).toBe(true);

      await openCase(page, certId);
      await expectState(page, 'revoked', 'done');
      expect(await journalVerified(page)).toBe(true);
      await screenshot(page, 'beijing-revoked');

      // The farm applies again: the engine refuses (1-year ban), and says why.
      await signIn(page, 'beijing', 'producer', farmId);
      await page.goto(new URL('#/farm', page.url()).href);
      await page.locator('button[data-start="certification"]').click();
      const form = page.locator('[data-start-form="certification"]');
      await fill(form, application);
      await form.locator('button.portal-primary').click();
      const refusal = form.locator('[role=alert]');
      await expect.poll(() => refusal.innerText()).toContain('1年内不得再次申报');
      expect(page.url()).toContain('#/farm');
      await screenshot(page, 'beijing-reapplication-refused');

      expect(Number(await dashboardFigure(page, 'beijing', 'state:certification:revoked'))).toBe(revokedBefore + 1);
      await screenshot(page, 'beijing-dashboard');
    });
  }, LIFECYCLE);
});
