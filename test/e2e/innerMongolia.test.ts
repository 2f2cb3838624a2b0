/**
 * Inner Mongolia (seed 004): a producer opens a batch, self-inspects it, issues the electronic
 * 承诺达标合格证, prints it, and anyone verifies it from its code on the public page. The page is
 * reloaded midway; the end state, the journal check and the dashboard's certificate coverage are checked.
 */
import { describe, expect, it } from 'vitest';
import { act, dashboardFigure, expectState, journalVerified, flow, registerFarm, reload, screenshot, screenshotDir, signIn, startFromFarmPage, portalForFile } from './portal.js';

const LIFECYCLE = 600_000; // hang guard for a browser-driven lifecycle, not a performance limit
const portal = portalForFile();

describe('Inner Mongolia commitment certificate', () => {
  it('issues a certificate, prints it, and verifies it publicly from its code', async () => {
    await flow(portal, 'inner-mongolia', async ({ page }) => {
      const issuingBefore = Number(await dashboardFigure(page, 'inner-mongolia', 'coverage-issuing'));
      const producersBefore = Number(await dashboardFigure(page, 'inner-mongolia', 'coverage-producers'));

      await registerFarm(page, 'inner-mongolia', '锡林浩特市端到端牧业合作社');
      await startFromFarmPage(page, 'selfInspectToCertificate', {
        productName: '羊肉',
        category: 'livestock',
        quantity: 40,
        unit: 'head',
        origin: '内蒙古自治区锡林郭勒盟锡林浩特市',
        producerName: '锡林浩特市端到端牧业合作社',
        contact: '13912345678',
        sumu: '锡林浩特市宝力根苏木',
        gacha: '巴彦宝力格嘎查',
      });
      await expectState(page, 'batchOpen');
      await act(page, '自检', { basis: { choose: 1 }, result: { choose: 0 } });
      await expectState(page, 'readyToIssue');

      await reload(page);
      await expectState(page, 'readyToIssue');

      await act(page, '开具合格证', { issuedOn: '2026-03-02', quantity: 40, commitmentAccepted: true });
      await expectState(page, 'certified');
      expect(await journalVerified(page)).toBe(true);

      // Printed: the print stylesheet shows the certificate alone; the PDF is kept with the screenshots.
      const card = page.locator('article.nw-cert');
      await card.waitFor();
      // The QR code opens the verification address, which carries the signed code (national fields + checksum).
      const href = (await page.getByTestId('verify-link').getAttribute('href')) ?? '';
      const code = decodeURIComponent(href.slice(href.indexOf('#/verify/') + '#/verify/'.length));
      expect(code).toContain('承诺达标合格证');
      expect(await page.locator('svg[data-payload]').getAttribute('data-payload')).toContain(href);
      const number = (await card.getAttribute('data-number')) ?? '';
      expect(number).toMatch(/^HGZ-NM-/);
      await page.evaluate(() => document.body.classList.add('nw-printing-certificate'));
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: `${screenshotDir}inner-mongolia-certificate.pdf`, format: 'A4' });
      await screenshot(page, 'inner-mongolia-certificate-print');
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => document.body.classList.remove('nw-printing-certificate'));

      // Anyone, signed in as the public, opens the address the QR code carries.
      await signIn(page, 'inner-mongolia', 'public');
      const verifyHref = `#/verify/${encodeURIComponent(code)}`;
      await page.goto(new URL(verifyHref, page.url()).href);
      const verification = page.getByTestId('verify-page');
      await expect.poll(() => verification.innerText()).toMatch(/有效|真实|valid/i);
      expect(await verification.innerText()).toContain('锡林浩特市端到端牧业合作社');
      await screenshot(page, 'inner-mongolia-verified');

      // Or by the number typed from the paper.
      await page.goto(new URL(`#/verify/${encodeURIComponent(number)}`, page.url()).href);
      await expect.poll(() => verification.innerText()).toContain('锡林浩特市端到端牧业合作社');

      // An altered code is not ours.
      await page.goto(new URL(`#/verify/${encodeURIComponent(code.replace('q=40', 'q=400'))}`, page.url()).href);
      await expect.poll(() => verification.innerText()).toMatch(/未找到|不存在|not found|伪造/i);

      expect(Number(await dashboardFigure(page, 'inner-mongolia', 'coverage-issuing'))).toBe(issuingBefore + 1);
      expect(Number(await dashboardFigure(page, 'inner-mongolia', 'coverage-producers'))).toBe(producersBefore + 1);
      await screenshot(page, 'inner-mongolia-dashboard');
    });
  }, LIFECYCLE);
});
