/**
 * The forms benchmark (issue 3), in Debian's headless Chromium: for seeded forms of 100, 500 and
 * 2,000 fields, mount time, keystroke latency in the middle field with live validation, and full
 * validation with five errors — each next to the baseline (plain React controlled inputs + one
 * compiled Ajv validator) measured in the same run, rounds alternating — plus the startup JS of a
 * page that renders one form.
 */
import type { Browser, Page } from 'playwright-core';
import { markdownTable, withBenchPage } from '../harness.js';
import { median, percentile } from '../stats.js';
import { startupSize } from './startupSize.js';

type Which = 'nongan' | 'baseline';
interface PageApi {
  mount(which: Which, n: number): Promise<number>;
  middleSelector(which: Which, n: number): string;
  takeLatencies(): { work: number[]; frame: number[] };
  fullValidation(which: Which, n: number, reps: number): number[];
}
declare const benchForms: PageApi;

export interface FormsBenchConfig {
  sizes: number[];
  mountRounds: number;
  keys: number;
  keyRounds: number;
  validationReps: number;
}

export const defaultFormsConfig: FormsBenchConfig = { sizes: [100, 500, 2000], mountRounds: 5, keys: 20, keyRounds: 2, validationReps: 30 };

interface Measured { nongan: number; baseline: number }
export interface FormsRow {
  n: number;
  mountMs: Measured;
  keyWorkP50: Measured;
  keyWorkP95: Measured;
  keyFrameP50: Measured;
  keyFrameP95: Measured;
  validateMs: Measured;
}

async function typeKeys(page: Page, which: Which, n: number, keys: number): Promise<{ work: number[]; frame: number[] }> {
  const selector = await page.evaluate(([w, size]) => benchForms.middleSelector(w as Which, size as number), [which, n] as const);
  await page.click(selector);
  await page.evaluate(() => benchForms.takeLatencies());
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'a' : 'b');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return page.evaluate(() => benchForms.takeLatencies());
}

async function measureSize(page: Page, n: number, config: FormsBenchConfig): Promise<FormsRow> {
  const mounts: Record<Which, number[]> = { nongan: [], baseline: [] };
  const work: Record<Which, number[]> = { nongan: [], baseline: [] };
  const frame: Record<Which, number[]> = { nongan: [], baseline: [] };
  for (let round = 0; round < config.mountRounds; round++) {
    const order: Which[] = round % 2 === 0 ? ['nongan', 'baseline'] : ['baseline', 'nongan'];
    for (const which of order) {
      mounts[which].push(await page.evaluate(([w, size]) => benchForms.mount(w as Which, size as number), [which, n] as const));
      if (round < config.keyRounds) {
        const typed = await typeKeys(page, which, n, config.keys);
        if (typed.work.length !== config.keys) throw new Error(`${which} ${n}: recorded ${typed.work.length} of ${config.keys} keys`);
        work[which].push(...typed.work);
        frame[which].push(...typed.frame);
      }
    }
  }
  const validation = await page.evaluate(([size, reps]) => ({
    nongan: benchForms.fullValidation('nongan', size as number, reps as number),
    baseline: benchForms.fullValidation('baseline', size as number, reps as number),
  }), [n, config.validationReps] as const);
  const pair = (f: (w: Which) => number): Measured => ({ nongan: f('nongan'), baseline: f('baseline') });
  return {
    n,
    mountMs: pair((w) => median(mounts[w])),
    keyWorkP50: pair((w) => median(work[w])),
    keyWorkP95: pair((w) => percentile(work[w], 95)),
    keyFrameP50: pair((w) => median(frame[w])),
    keyFrameP95: pair((w) => percentile(frame[w], 95)),
    validateMs: pair((w) => median(validation[w])),
  };
}

export async function formsSection(browser: Browser, config = defaultFormsConfig) {
  const rows = await withBenchPage(
    browser,
    new URL('./page/', import.meta.url),
    async (page) => {
      const measured: FormsRow[] = [];
      for (const n of config.sizes) measured.push(await measureSize(page, n, config));
      return measured;
    },
    { width: 1280, height: 900 },
  );
  const startup = { nongan: await startupSize('nongan'), baseline: await startupSize('baseline') };
  return { rows, startup };
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
const ratio = (m: Measured) => `${(m.nongan / m.baseline).toFixed(2)}×`;

export function formsTable({ rows, startup }: Awaited<ReturnType<typeof formsSection>>, config = defaultFormsConfig): string {
  const lines: string[][] = [['metric', 'fields', "Nong'an", 'baseline', 'Nong\'an / baseline', 'target', 'result']];
  for (const r of rows) {
    const big = r.n === Math.max(...config.sizes);
    lines.push(['mount to all fields painted, ms (median)', String(r.n), fmt(r.mountMs.nongan), fmt(r.mountMs.baseline), ratio(r.mountMs), big ? '≤ baseline' : '—', big ? (r.mountMs.nongan <= r.mountMs.baseline ? 'met' : 'missed') : '—']);
    lines.push(['keystroke → work done, ms p50 / p95', String(r.n), `${fmt(r.keyWorkP50.nongan)} / ${fmt(r.keyWorkP95.nongan)}`, `${fmt(r.keyWorkP50.baseline)} / ${fmt(r.keyWorkP95.baseline)}`, ratio(r.keyWorkP95), '—', '—']);
    lines.push(['keystroke → next frame, ms p50 / p95', String(r.n), `${fmt(r.keyFrameP50.nongan)} / ${fmt(r.keyFrameP95.nongan)}`, `${fmt(r.keyFrameP50.baseline)} / ${fmt(r.keyFrameP95.baseline)}`, ratio(r.keyFrameP95), big ? 'p95 ≤ 16 ms' : '—', big ? (r.keyFrameP95.nongan <= 16 ? 'met' : 'missed') : '—']);
    lines.push(['full validation, 5 errors, ms (median)', String(r.n), fmt(r.validateMs.nongan), fmt(r.validateMs.baseline), ratio(r.validateMs), '—', '—']);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  lines.push(['startup JS of a one-form page, kB gzip (lazy chunks)', '100', `${kb(startup.nongan.initialGzip)} (+${kb(startup.nongan.lazyGzip)})`, `${kb(startup.baseline.initialGzip)} (+${kb(startup.baseline.lazyGzip)})`, `${(startup.nongan.initialGzip / startup.baseline.initialGzip).toFixed(2)}×`, '≤ 120 kB', startup.nongan.initialGzip <= 120 * 1024 ? 'met' : 'missed']);
  return markdownTable(lines);
}
