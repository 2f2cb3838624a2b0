/**
 * The designer section of `pnpm bench`: serves this folder with Vite, opens it in the given
 * Chromium, runs `window.runDesignerBench()` and returns its table rows
 * `[metric, value, baseline, ratio]` (the first row is the header).
 */
import type { Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export async function designerSection(browser: Browser): Promise<string[][]> {
  const root = fileURLToPath(new URL('./', import.meta.url));
  const server = await createServer({ root, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the Vite server has no local URL');
    const page = await browser.newPage();
    try {
      page.on('pageerror', (error) => console.error('[designer bench]', error));
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', null, { timeout: 120_000 });
      return (await page.evaluate(() => (window as unknown as { runDesignerBench(): Promise<string[][]> }).runDesignerBench())) as string[][];
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
}
