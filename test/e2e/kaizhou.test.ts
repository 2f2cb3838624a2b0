/**
 * Kaizhou (seed 003; the rapid-test → enforcement path of seed 001 §三): a trial producer opens a batch,
 * the township inspector's rapid test finds a suspected banned drug, the district starts enforcement
 * sampling, the enforcement detachment takes the sample, the lab reports a positive sample, the enforcement detachment files the case and transfers
 * it to the police (seed 003 §(四) 有案必移). Reload midway; final state, journal check and the
 * dashboard's enforcement-case quota progress are checked.
 */
import { describe, expect, it } from 'vitest';
import { act, actionButtons, dashboardFigure, expectState, journalVerified, openCase, openFromInbox, flow, registerFarm, reload, screenshot, signIn, startFromFarmPage, portalForFile } from './portal.js';

const LIFECYCLE = 600_000; // hang guard for a browser-driven lifecycle, not a performance limit
const portal = portalForFile();

describe('Kaizhou rapid test to police transfer', () => {
  it('takes a suspected banned-drug batch from rapid test to a filed case transferred to the police', async () => {
    await flow(portal, 'kaizhou', async ({ page }) => {
      const casesBefore = Number(await dashboardFigure(page, 'kaizhou', 'quota:enforcementCases'));
      const samplingBefore = Number(await dashboardFigure(page, 'kaizhou', 'quota:supervisorySampling'));

      const farmId = await registerFarm(page, 'kaizhou', '开州区端到端蔬菜专业合作社');
      const caseId = await startFromFarmPage(page, 'selfInspectToCertificate', {
        productName: '豇豆',
        category: 'vegetable',
        quantity: 800,
        unit: 'kg',
        origin: '重庆市开州区镇安镇',
        producerName: '开州区端到端蔬菜专业合作社',
        contact: '13700001111',
      });
      await expectState(page, 'batchOpen');

      await signIn(page, 'kaizhou', 'inspector');
      await openFromInbox(page, caseId);
      await act(page, '快速检测', { method: 'colloidal-gold', result: 'suspected-banned', drug: '克百威', testedOn: '2026-03-02' });
      await expectState(page, 'reportedToDistrict');

      await reload(page);
      await openCase(page, caseId);
      await expectState(page, 'reportedToDistrict');

      await signIn(page, 'kaizhou', 'district');
      await openFromInbox(page, caseId);
      await act(page, '启动执法抽检');
      await signIn(page, 'kaizhou', 'enforcement');
      await openFromInbox(page, caseId);
      await act(page, '执法抽样', { sampleNo: 'ZFCY-2026-0302', sampledOn: '2026-03-02' });
      await expectState(page, 'labTesting');
      await signIn(page, 'kaizhou', 'lab');
      await openFromInbox(page, caseId);
      await act(page, '执法抽检结果', { result: { choose: 1 }, reportNo: 'KZ-ZF-2026-101', drug: '克百威' });
      await expectState(page, 'positive');

      await signIn(page, 'kaizhou', 'enforcement');
      await openFromInbox(page, caseId);
      await act(page, '立案查处', { caseNo: '开农（农安）立〔2026〕101号', filedOn: '2026-03-02' });
      await act(page, '移送公安机关', { reason: '涉嫌生产、销售有毒、有害食品罪', transferredOn: '2026-03-02' });
      await expectState(page, 'transferredToPolice', 'done');
      expect(await journalVerified(page)).toBe(true);

      // The batch never reaches a certificate: the producer has nothing left to do.
      await signIn(page, 'kaizhou', 'producer', farmId);
      await openCase(page, caseId);
      await expectState(page, 'transferredToPolice', 'done');
      expect(await actionButtons(page).count()).toBe(0);
      await screenshot(page, 'kaizhou-transferred');

      expect(Number(await dashboardFigure(page, 'kaizhou', 'quota:enforcementCases'))).toBe(casesBefore + 1);
      expect(Number(await dashboardFigure(page, 'kaizhou', 'quota:supervisorySampling'))).toBe(samplingBefore + 1);
      await screenshot(page, 'kaizhou-dashboard');
    });
  }, LIFECYCLE);
});
