/**
 * Certificates anyone can verify anywhere (issue 14), through the server portal in Chromium: a
 * Kaizhou farm's issued certificate carries a QR code that decodes (jsQR) to the verification
 * address with the server-signed token; a stranger's phone, not signed in, opens it and sees the
 * certificate verified on the device and in force on the server. Without a network the page still
 * checks signatures with the keys it kept, says the live status is unknown, and refuses a tampered
 * code; back online, an official's revocation shows with who revoked it and why.
 */
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { toChinaDate } from '@nongan/engine';
import { sampleData, splitToken, toBase64Url, certificateVerifyUrl } from '@nongan/workflows';
import { DEMO_PASSWORD } from '../../packages/server/src/demo/seedDemoAccounts.js';
import { commandId, signIn as apiSignIn } from '../../packages/server/test/support/api.js';
import { ready, screenshot, screenshotDir } from './portal.js';
import { serverPortalForFile, signedIn, together } from './serverPortal.js';

const portal = serverPortalForFile('certificates');
const PHONE = { width: 390, height: 844 };

async function certifiedCase(subject: string): Promise<string> {
  const [found] = await portal.server.runtime.engine.query({ workflowId: 'selfInspectToCertificate', subject, state: 'certified', limit: 1 });
  if (!found) throw new Error(`the demo data has no issued certificate of ${subject}`);
  return found.id;
}

/** Rasterises the certificate's QR code in the page and decodes it here (the bytes as written, UTF-8). */
async function decodeQrOnPage(page: Page): Promise<string | null> {
  const { data, size } = await page.evaluate(async () => {
    const svg = document.querySelector('article.nw-cert svg') as SVGSVGElement;
    const scale = 4;
    const size = Number(svg.getAttribute('width')) * scale;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    return { data: Array.from(context.getImageData(0, 0, size, size).data), size };
  });
  const code = jsQR(Uint8ClampedArray.from(data), size, size);
  return code ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : null;
}

async function verifyTyped(page: Page, input: string): Promise<void> {
  const search = page.getByRole('searchbox');
  await search.fill(input);
  await page.getByRole('button', { name: '核验' }).click();
}

const result = (page: Page) => page.locator('.nw-verification-result');

describe('certificates verified anywhere, through the server', () => {
  it('the QR opens a stranger\'s verification page; offline it checks signatures with kept keys; a revocation shows by name', async () => {
    const caseId = await certifiedCase('kaizhou-producer-3');
    const farm = await signedIn(portal, 'kaizhou-producer-3', { viewport: PHONE });
    const strangerContext = await portal.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const stranger = { login: 'stranger', context: strangerContext, page: await strangerContext.newPage(), errors: [] as string[], consoleErrors: [] as string[] };
    stranger.page.on('pageerror', (error) => stranger.errors.push(String(error)));
    await together('certificates-server', [farm, stranger], async () => {
      await farm.page.goto(`${portal.url}#/case/${encodeURIComponent(caseId)}`);
      const link = farm.page.getByTestId('verify-link');
      await link.waitFor();
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toContain(`#/verify/${encodeURIComponent('承诺达标合格证')}/`);
      const scanned = await decodeQrOnPage(farm.page);
      expect(scanned).toBe(href.replace(encodeURIComponent('承诺达标合格证'), '承诺达标合格证'));

      // Another phone, nobody signed in: the camera opens the address.
      await stranger.page.goto(scanned!);
      await ready(stranger.page);
      await expect.poll(() => result(stranger.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('valid');
      const text = await stranger.page.getByTestId('verify-page').innerText();
      expect(text).toContain('核验通过');
      expect(text).toContain('已在本机用签发机构公钥核验签名');
      expect(text).not.toMatch(/productName|producerName|selfInspectToCertificate/);
      await screenshot(stranger.page, 'certificate-verified-on-server');
      // The portal keeps its pages on the device once it has been opened (the offline shell).
      await stranger.page.locator('html[data-offline-ready=true]').waitFor({ timeout: 60_000 });

      // No signal at the market: another farm's certificate still checks on the device, and the page says what it cannot know.
      const otherId = await certifiedCase('kaizhou-producer-1');
      const other = await portal.server.runtime.certificates.ensure(await portal.server.runtime.engine.get(otherId));
      const otherUrl = certificateVerifyUrl(portal.url, other!.token);
      await stranger.context.setOffline(true);
      // The camera opens the address in a new page: it loads from the device, nothing from the network.
      await stranger.page.goto('about:blank');
      const opened = await stranger.page.goto(otherUrl);
      expect(opened?.headers()['x-nongan-offline']).toBe('kept');
      await ready(stranger.page);
      await expect.poll(() => stranger.page.getByTestId('verification-offline').innerText(), { timeout: 30_000 }).toContain('当前离线');
      expect(await result(stranger.page).getAttribute('data-status')).toBe('valid');
      // The issuer's signed status list, kept from the first check, backs the offline answer.
      expect(await stranger.page.getByTestId('verification-offline').innerText()).toContain('撤销名单');
      // A code whose quantity was raised after signing is refused on the device, offline too.
      const { content, signature } = splitToken(other!.token)! as { content: { q: number }; signature: Uint8Array };
      const forged = `${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...content, q: content.q * 10 })))}.${toBase64Url(signature)}`;
      await verifyTyped(stranger.page, certificateVerifyUrl(portal.url, forged));
      await expect.poll(() => result(stranger.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('mismatch');
      expect(await result(stranger.page).innerText()).toContain('签名');
      await screenshot(stranger.page, 'certificate-forged-offline');
      await stranger.context.setOffline(false);

      // The district bureau revokes the first certificate; the stranger's next check shows it, by name.
      const district = await apiSignIn(portal.server.baseUrl, 'kaizhou-district', DEMO_PASSWORD);
      const revoked = await district.post(`/api/cases/${caseId}/events`, {
        type: 'REVOKE_CERTIFICATE',
        data: { ...sampleData('kaizhou', 'sic-certificate-revocation'), reason: '产品标签与实物不符', revokedOn: toChinaDate(Date.now()) },
        commandId: commandId('revoke'),
      });
      expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
      await stranger.page.goto(scanned!);
      await stranger.page.reload();
      await ready(stranger.page);
      await expect.poll(() => result(stranger.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('revoked');
      const revokedText = await stranger.page.getByTestId('verify-page').innerText();
      expect(revokedText).toContain('产品标签与实物不符');
      expect(revokedText).toContain('农业农村局');
      await screenshot(stranger.page, 'certificate-revoked-on-server');

      // Later, offline: the refreshed status list on the device still says it is revoked.
      await stranger.context.setOffline(true);
      await verifyTyped(stranger.page, otherUrl);
      await expect.poll(() => stranger.page.getByTestId('verification-offline').isVisible(), { timeout: 30_000 }).toBe(true);
      await verifyTyped(stranger.page, scanned!);
      await expect.poll(() => result(stranger.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('revoked');
      expect(await stranger.page.getByTestId('verification-offline').innerText()).toContain('撤销名单');
      await stranger.context.setOffline(false);

      // Online, the forged code reaches the server's record; the bureau's dashboard lists it.
      await verifyTyped(stranger.page, certificateVerifyUrl(portal.url, forged));
      await expect.poll(() => result(stranger.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('mismatch');
      const bureau = await signedIn(portal, 'kaizhou-district');
      try {
        await bureau.page.goto(`${portal.url}#/dashboard/kaizhou`);
        const checks = bureau.page.getByTestId('certificate-checks');
        await checks.waitFor({ timeout: 30_000 });
        await expect.poll(() => checks.locator('tr[data-outcome=bad-signature]').count(), { timeout: 30_000 }).toBe(1);
        const row = await checks.locator('tr[data-outcome=bad-signature]').innerText();
        expect(row).toContain('签名不符');
        expect(row).toContain(other!.number);
        expect(await checks.innerText()).toContain('已撤销的合格证');
        await screenshot(bureau.page, 'certificate-checks-dashboard');
      } finally {
        await bureau.context.close();
      }
      // The public sees no such card.
      await stranger.page.goto(`${portal.url}#/dashboard/kaizhou`);
      await stranger.page.getByTestId('dashboard').waitFor();
      expect(await stranger.page.getByTestId('certificate-checks').count()).toBe(0);
    });
  });

  it('a farm issues a day\'s batches together and prints them on 60×40 mm labels and on A4, each QR signed', async () => {
    const login = 'kaizhou-producer-2';
    const api = await apiSignIn(portal.server.baseUrl, login, DEMO_PASSWORD);
    const products = ['萝卜', '白菜', '南瓜', '冬瓜', '豇豆'];
    for (const productName of products) {
      const started = await api.post('/api/cases', { workflowId: 'selfInspectToCertificate', region: 'kaizhou', subject: login, data: { ...sampleData('kaizhou', 'sic-batch'), productName }, commandId: commandId('batch') });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect((await api.post(`/api/cases/${started.body.instanceId}/events`, { type: 'SELF_INSPECT', data: sampleData('kaizhou', 'sic-self-inspection'), commandId: commandId('inspect') })).status).toBe(200);
    }
    const ready = await portal.server.runtime.engine.query({ workflowId: 'selfInspectToCertificate', subject: login, state: 'readyToIssue' });
    expect(ready.length).toBeGreaterThanOrEqual(products.length);

    const farm = await signedIn(portal, login);
    await together('certificates-batch', [farm], async () => {
      const { page } = farm;
      await page.getByRole('link', { name: '合格证开具打印' }).click();
      await page.getByTestId('certificates-page').waitFor();
      await page.getByLabel('全选').check();
      const issue = page.getByRole('button', { name: /为选中的 \d+ 个批次开具合格证/ });
      expect(await issue.isDisabled()).toBe(true); // the commitment first
      await page.getByLabel(/本人承诺：所选批次/).check();
      await issue.click();
      const sheet = page.locator('.nw-sheet');
      await expect.poll(() => sheet.getAttribute('data-count'), { timeout: 60_000 }).toBe(String(ready.length));
      const journals = await Promise.all(ready.map((c) => portal.server.runtime.engine.history(c.id)));
      expect(journals.every((j) => j.filter((e) => e.event.type === 'ISSUE_CERTIFICATE').length === 1)).toBe(true);

      await page.getByLabel('标签 60×40 毫米').check();
      await page.locator('.nw-sheet--60x40').waitFor();
      const labels = page.locator('.nw-sheet article.nw-cert-label');
      expect(await labels.count()).toBe(ready.length);
      await labels.first().screenshot({ path: `${screenshotDir}certificate-label-60x40.png`, scale: 'device' });
      // The first label's QR carries a server-signed address that verifies.
      const payload = (await labels.first().locator('svg').getAttribute('data-payload')) ?? '';
      const check = await api.post('/api/certificates/verify', { token: payload.slice(payload.lastIndexOf('/') + 1) });
      expect(check.body).toMatchObject({ signature: 'valid', status: 'valid' });

      await page.evaluate(() => document.body.classList.add('nw-printing-sheet'));
      const labelPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: `${screenshotDir}certificates-60x40.pdf` });
      expect(pdfPageSizes(labelPdf)).toEqual(Array(ready.length).fill('170x113'));
      await page.evaluate(() => document.body.classList.remove('nw-printing-sheet'));

      await page.getByLabel('A4 纸（每页一张）').check();
      await page.locator('.nw-sheet--a4').waitFor();
      await page.evaluate(() => document.body.classList.add('nw-printing-sheet'));
      const a4Pdf = await page.pdf({ preferCSSPageSize: true, path: `${screenshotDir}certificates-a4.pdf` });
      expect(pdfPageSizes(a4Pdf)).toEqual(Array(ready.length).fill('595x842'));
      await page.evaluate(() => document.body.classList.remove('nw-printing-sheet'));
      await screenshot(page, 'certificates-batch');
    });
  });
});

/** Each page's MediaBox in points, rounded ("width x height"), in page order of the PDF's objects. */
function pdfPageSizes(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/Type\s*\/Page[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return boxes.map((m) => `${Math.round(Number(m[3]) - Number(m[1]))}x${Math.round(Number(m[4]) - Number(m[2]))}`);
}
