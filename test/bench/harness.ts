/**
 * What every browser section of `pnpm bench` shares: a Vite server on the section's page folder, the
 * page opened in the run's one Chromium and waited for (`#status` = ready), and the printed table.
 */
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/**
 * Serves `root` (the URL of the page folder), opens it (in Playwright's default viewport unless one is
 * given), runs `use`, then closes page and server.
 */
export async function withBenchPage<T>(browser: Browser, root: URL, use: (page: Page) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
  const server = await createServer({ root: fileURLToPath(root), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the Vite server has no local URL');
    const page = await browser.newPage(viewport ? { viewport } : {});
    try {
      page.on('pageerror', (error) => console.error('[browser]', error));
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', null, { timeout: 120_000 });
      return await use(page);
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
}

/** Rows (the first is the header) as a Markdown table with aligned columns. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) => `| ${widths.map((w, c) => (r[c] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
