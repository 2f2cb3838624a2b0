import { openPortal, startPortal, screenshot, registerFarm, fill } from './portal.js';
const portal = await startPortal();
try {
  const s = await openPortal(portal);
  const farmId = await registerFarm(s.page, 'jiyuan', '济源市端到端测试养殖场');
  console.log('farm', farmId);
  const page = s.page;
  await page.goto(new URL('#/farm', page.url()).href);
  await page.locator(`button[data-start="qualificationReview"]`).click();
  const form = page.locator(`[data-start-form="qualificationReview"]`);
  await fill(form, { farmName: '济源市端到端测试养殖场', year: 2026 });
  await form.locator('button.portal-primary').click();
  await page.waitForTimeout(3000);
  console.log(page.url());
  console.log((await page.locator('main').innerText()).slice(0, 1500), s.errors);
  await screenshot(page, 'smoke');
} finally {
  await portal.close();
}
