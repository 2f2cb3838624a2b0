/**
 * The designer section of `pnpm bench`: serves this folder with Vite, opens it in the given
 * Chromium, runs `window.runDesignerBench()` and returns its table rows
 * `[metric, value, baseline, ratio]` (the first row is the header).
 */
import type { Browser } from 'playwright-core';
import { withBenchPage } from '../harness.js';

export function designerSection(browser: Browser): Promise<string[][]> {
  return withBenchPage(browser, new URL('./', import.meta.url), (page) =>
    page.evaluate(() => (window as unknown as { runDesignerBench(): Promise<string[][]> }).runDesignerBench()),
  );
}
