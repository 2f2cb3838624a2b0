/**
 * Jiyuan 先打后补 (seed 002) through the portal: a farm registers and applies, the supervision agency
 * returns the application for missing documents, the farm fixes and resubmits, both reviews pass, a
 * third-party provider records the immunisation for the farm, the lab samples and enters antibody results, the farm claims, the claim
 * passes both reviews, the 5-working-day public notice runs out on the demo clock, and the district
 * pays. The page is reloaded midway; the end state, the journal check and the dashboard's paid subsidy
 * total are checked.
 */
import { describe, expect, it } from 'vitest';
import {
  act,
  actionButtons,
  advanceClock,
  dashboardFigure,
  journalVerified,
  openCase,
  openFromFarmPage,
  openFromInbox,
  flow,
  registerFarm,
  reload,
  screenshot,
  signIn,
  startFromFarmPage,
  expectState,
  portalForFile,
} from './portal.js';

// A hang guard for a whole lifecycle driven through a real browser, not a performance limit.
const LIFECYCLE = 900_000;
const portal = portalForFile();

const yuan = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

describe('Jiyuan qualification review and subsidy', () => {
  it('returns an application, takes the resubmission, and pays the subsidy after the public notice', async () => {
    await flow(portal, 'jiyuan', async ({ page }) => {
      const paidBefore = yuan(await dashboardFigure(page, 'jiyuan', 'subsidy-paid'));
      const waivedBefore = Number((await dashboardFigure(page, 'jiyuan', 'state:qualificationReview:waived')) ?? 0);

      const farmId = await registerFarm(page, 'jiyuan', '济源市端到端测试养殖场');
      const caseId = await startFromFarmPage(page, 'qualificationReview', { farmName: '济源市端到端测试养殖场', year: 2026 });
      await act(page, '提交资质申请', { species: 'pig', stock: 800, annualOutput: 1500 });
      await expectState(page, 'initialReview');

      // The receipt (受理回执): the case number, the next step, who handles it, by when.
      const receipt = page.getByTestId('case-receipt');
      await expect.poll(() => receipt.innerText()).toMatch(/济源-\d{4}-\d{6}/);
      expect(await receipt.innerText()).toContain('初审中');
      expect(await receipt.innerText()).toContain('办理单位');
      await screenshot(page, 'jiyuan-receipt');
      // People see names, not ids: no farm id, no UUID, no form version, no state or field key on the page.
      const shown = await page.locator('main').innerText();
      for (const id of [farmId, caseId, '@1.0.0', 'initialReview', 'farmName', 'annualOutput']) expect(shown).not.toContain(id);
      expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      expect(shown).not.toContain('2,026');


      await signIn(page, 'jiyuan', 'supervision');
      await openFromInbox(page, caseId);
      await act(page, '初审退回', { reason: '缺少动物防疫条件合格证复印件' });
      await expectState(page, 'returned');

      // Midway reload: everything comes back from IndexedDB.
      await reload(page);
      await openCase(page, caseId);
      await expectState(page, 'returned');
      // The supervision agency has nothing more to do on a returned application.
      await expect.poll(() => actionButtons(page).count()).toBe(0);
      // An official of another region may read the case but the engine gives it no action.
      await signIn(page, 'beijing', 'district');
      await openCase(page, caseId);
      await expect.poll(() => page.locator('.nw-case').innerText()).toContain('您当前没有可办理的操作');
      expect(await actionButtons(page).count()).toBe(0);

      // The farm finds the returned application among its tasks, reads why, fixes and resubmits.
      await signIn(page, 'jiyuan', 'producer', farmId);
      await openFromFarmPage(page, caseId);
      await expect.poll(() => page.locator('.nw-timeline').innerText()).toContain('缺少动物防疫条件合格证复印件');
      await act(page, '提交资质申请', { species: 'pig', stock: 820, annualOutput: 1600 });

      await signIn(page, 'jiyuan', 'supervision');
      await openFromInbox(page, caseId);
      await act(page, '初审通过');
      await signIn(page, 'jiyuan', 'district');
      await openFromInbox(page, caseId);
      await act(page, '终审通过');
      await act(page, '公示结束并告知养殖场');

      // The third-party immunisation provider records the vaccination for the farm (seed 002 §一 第三方服务主体).
      await signIn(page, 'jiyuan', 'third-party', farmId);
      await openFromFarmPage(page, caseId);
      await act(page, '免疫录入', { vaccine: '口蹄疫O型、A型二价灭活疫苗', vaccineBatch: '2026021', doses: 1640, immunisedHeads: 820, immunisedOn: '2026-03-02' });

      await signIn(page, 'jiyuan', 'lab');
      await openFromInbox(page, caseId);
      await act(page, '抽检采样', { sampledOn: '2026-03-02', samples: 20 });
      await act(page, '录入抽检结果', { reportNo: 'JY-KY-2026-001', samples: 20, results: [{ disease: 'FMD', tested: 20, passed: 18 }] });

      await signIn(page, 'jiyuan', 'producer', farmId);
      await openCase(page, caseId);
      await act(page, '提交补贴申请', { lines: [{ subsidyClass: 'finishingPig', quarantineCount: 1600, stockCount: 820, immunisedCount: 820 }] });

      await signIn(page, 'jiyuan', 'supervision');
      await openFromInbox(page, caseId);
      await act(page, '补贴初审通过');
      await signIn(page, 'jiyuan', 'district');
      await openFromInbox(page, caseId);
      // seed 002 §二(二): finishing pigs ≤ 7 CNY per head marketed, counted heads = min(quarantine 1600, immunised 820) → 5,740 CNY
      await act(page, '补贴终审通过', { approvedFen: 574000 });
      await expectState(page, 'claimNotice');

      // Two working weeks on the demo clock: the 5-working-day notice ends by itself.
      await advanceClock(page);
      await advanceClock(page);
      await openCase(page, caseId);
      await act(page, '拨付补助', { paidFen: 574000, paidOn: '2026-03-16', method: { choose: 0 } });

      await expectState(page, 'paid', 'done');
      expect(await journalVerified(page)).toBe(true);
      await screenshot(page, 'jiyuan-paid');

      const paidAfter = yuan(await dashboardFigure(page, 'jiyuan', 'subsidy-paid'));
      expect(paidAfter - paidBefore).toBe(5740);
      // The demo clock passed 10 March: the seeded draft and returned applications were deemed waived (seed 002 §四(一)).
      expect(Number(await dashboardFigure(page, 'jiyuan', 'state:qualificationReview:waived'))).toBe(waivedBefore + 2);
      await screenshot(page, 'jiyuan-dashboard');
    });
  }, LIFECYCLE);
});
