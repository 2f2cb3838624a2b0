/**
 * Luoyang town (seed 001 §三): a grower opens a batch and self-inspects it; before the certificate is
 * issued, the village supervisor's colloidal-gold rapid test finds it nonconforming, so the batch is
 * blocked from market and the certificate can no longer be issued. Reload midway; final state, journal
 * check, and the dashboard's rapid-test pass rate and rapid-test quota progress are checked.
 */
import { describe, expect, it } from 'vitest';
import { act, actionButtons, dashboardFigure, expectState, journalVerified, openCase, openFromInbox, flow, registerFarm, reload, screenshot, signIn, startFromFarmPage, portalForFile } from './portal.js';

const LIFECYCLE = 600_000; // hang guard for a browser-driven lifecycle, not a performance limit
const portal = portalForFile();

const tally = (text: string | null): [number, number] => {
  const [passed = 0, total = 0] = (text ?? '0/0').split('/').map(Number);
  return [passed, total];
};

describe('Luoyang rapid test blocks a batch', () => {
  it('blocks a nonconforming batch before its certificate is issued', async () => {
    await flow(portal, 'luoyang', async ({ page }) => {
      const [passedBefore, totalBefore] = tally(await dashboardFigure(page, 'luoyang', 'pass:rapidTest'));
      const testsBefore = Number(await dashboardFigure(page, 'luoyang', 'quota:rapidTests'));

      const farmId = await registerFarm(page, 'luoyang', '洛阳镇端到端果蔬种植户');
      const caseId = await startFromFarmPage(page, 'selfInspectToCertificate', {
        productName: '青菜',
        category: 'vegetable',
        quantity: 300,
        unit: 'kg',
        origin: '江苏省常州市武进区洛阳镇',
        producerName: '洛阳镇端到端果蔬种植户',
        contact: '13600002222',
        village: '岑村',
      });
      await act(page, '自检', { basis: { choose: 0 }, result: { choose: 0 } });
      await expectState(page, 'readyToIssue');

      await reload(page);
      await openCase(page, caseId);
      await expectState(page, 'readyToIssue');

      await signIn(page, 'luoyang', 'inspector');
      await openFromInbox(page, caseId);
      await act(page, '快速检测', { method: 'colloidal-gold', result: 'nonconforming', drug: '毒死蜱', testedOn: '2026-03-02' });
      await expectState(page, 'blocked', 'done');
      expect(await journalVerified(page)).toBe(true);

      await signIn(page, 'luoyang', 'producer', farmId);
      await openCase(page, caseId);
      expect(await actionButtons(page).count()).toBe(0);
      await screenshot(page, 'luoyang-blocked');

      expect(tally(await dashboardFigure(page, 'luoyang', 'pass:rapidTest'))).toEqual([passedBefore, totalBefore + 1]);
      expect(Number(await dashboardFigure(page, 'luoyang', 'quota:rapidTests'))).toBe(testsBefore + 1);
      await screenshot(page, 'luoyang-dashboard');
    });
  }, LIFECYCLE);
});
