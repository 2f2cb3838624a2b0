/**
 * Accessibility of the portal's own pages (axe-core, WCAG 2 A/AA rules) in Chinese: home and sign-in,
 * a farm page, an official's inbox, a case with its certificate, history and diagram, a region dashboard, the backup page and the public verification page.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPortal, signIn, portalForFile } from './portal.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const portal = portalForFile();

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

describe('portal accessibility', () => {
  it('has no WCAG A/AA violations on the main pages', async () => {
    const { page, context } = await openPortal(portal);
    try {
      const found: Record<string, string[]> = {};
      found.home = await violations(page);
      await signIn(page, 'kaizhou', 'producer', 'kaizhou-producer-1');
      await page.locator('[aria-labelledby=farm-todo-title] table, [aria-labelledby=farm-todo-title] p').first().waitFor();
      found.farm = await violations(page);
      await signIn(page, 'kaizhou', 'inspector');
      await page.locator('.nw-inbox, table').first().waitFor();
      found.inbox = await violations(page);
      await page.goto(new URL('#/case/kaizhou-batch-certified', page.url()).href);
      await page.locator('.nw-timeline .nw-verify').waitFor();
      found.case = await violations(page);
      await page.goto(new URL('#/dashboard/kaizhou', page.url()).href);
      await page.locator('.portal-figures svg').first().waitFor();
      found.dashboard = await violations(page);
      await page.goto(new URL('#/backup', page.url()).href);
      found.backup = await violations(page);
      await page.goto(new URL('#/verify/HGZ-KZ-unknown', page.url()).href);
      await page.getByTestId('verify-page').waitFor();
      found.verify = await violations(page);
      expect(found).toEqual({ home: [], farm: [], inbox: [], case: [], dashboard: [], backup: [], verify: [] });
    } finally {
      await context.close();
    }
  }, 300_000);
});
