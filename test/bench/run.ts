/**
 * `pnpm bench [engine] [forms] [designer] [server] [certificates] [integrity]`: the benchmarks, each section next to its baseline measured in
 * the same run. Engine: Node section on the memory store, browser section in Debian's headless Chromium
 * on real IndexedDB (Dexie). Forms: the renderer in Chromium against plain React + one Ajv validator.
 * Designer: a 300-field form, selection and label edits against a naive whole-canvas designer.
 * Server: the engine on a real PostgreSQL cluster, direct and behind 1 and 2 server processes (no Chromium).
 * Prints one table per section; exits non-zero only if a run fails, never because a number is slow.
 */
import { chromium, type Browser } from 'playwright-core';
import { createMemoryStore, type InstanceRecord } from '@nongan/engine';
import { runAll, type BenchConfig, type BenchResult } from './scenarios.js';
import { chromiumArgs } from '../../vitest.config.js';
import { formsSection, formsTable } from './forms/formsSection.js';
import { designerSection } from './designer/designerSection.js';
import { markdownTable, withBenchPage } from './harness.js';
import { serverHeader, serverNotes, serverSection, serverTable } from './server/serverSection.js';
import { certificatesSection, certificatesTable } from './certificates/certificatesSection.js';
import { integritySection, integrityTable } from './integrity/integritySection.js';

const config: BenchConfig = { steps: 400, rounds: 7, restoreCount: 10_000, taskInstances: 100_000 };

async function nodeSection(): Promise<BenchResult> {
  // A Map write stands in for the raw put: the memory store's own I/O floor.
  const map = new Map<string, InstanceRecord>();
  return runAll(async () => createMemoryStore(), async (record: InstanceRecord) => void map.set(record.id, structuredClone(record)), config);
}

async function browserSection(browser: Browser): Promise<BenchResult> {
  return withBenchPage(browser, new URL('./browser/', import.meta.url), async (page) =>
    (await page.evaluate((c) => (window as unknown as { runBench(c: BenchConfig): Promise<BenchResult> }).runBench(c), config)) as BenchResult,
  );
}

const fmt = (value: number | null, digits = 0) => (value === null ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits }));
const ratio = (a: number, b: number | null) => (b ? `${((a / b) * 100).toFixed(0)}%` : '—');

function table(nodeResult: BenchResult, web: BenchResult): string {
  const rows: string[][] = [
    ['metric', 'node · memory', 'chromium · dexie', 'target', 'chromium vs target'],
    ['raw XState createActor+send, steps/s (limit)', fmt(nodeResult.rawXStateStepsPerSec), fmt(web.rawXStateStepsPerSec), '—', '—'],
    ['raw persisted put of an instance record, /s (limit)', fmt(nodeResult.rawPutPerSec), fmt(web.rawPutPerSec), '—', '—'],
    ['raw Dexie tx: instance record + journal entry (engine schema), /s', fmt(nodeResult.rawStepWritesPerSec), fmt(web.rawStepWritesPerSec), '—', '—'],
    ['engine send, persisted steps/s', fmt(nodeResult.engineStepsPerSec), fmt(web.engineStepsPerSec), '≥ 50% of raw put', `${((web.engineToLimit ?? 0) * 100).toFixed(0)}% of raw put`],
    ['engine send on the memory store (CPU cost, no I/O), steps/s', fmt(nodeResult.engineMemoryStepsPerSec), fmt(web.engineMemoryStepsPerSec), '—', '—'],
    ['engine send vs raw tx of its own writes', '—', ratio(web.engineStepsPerSec, web.rawStepWritesPerSec), '—', '—'],
    ['engine send vs raw XState', ratio(nodeResult.engineStepsPerSec, nodeResult.rawXStateStepsPerSec), ratio(web.engineStepsPerSec, web.rawXStateStepsPerSec), '—', '—'],
    [`restore ${config.restoreCount.toLocaleString('en-US')} instances, ms`, fmt(nodeResult.restoreMs, 1), fmt(web.restoreMs, 1), '≤ 1000 ms', web.restoreMs <= 1000 ? 'met' : 'missed'],
    [`tasks() over ${config.taskInstances.toLocaleString('en-US')} instances (page of 50), ms`, fmt(nodeResult.tasksMs, 2), fmt(web.tasksMs, 2), '≤ 20 ms', web.tasksMs <= 20 ? 'met' : 'missed'],
    ['stored instance record, bytes', fmt(nodeResult.snapshotBytes), fmt(web.snapshotBytes), '≤ 2048', web.snapshotBytes <= 2048 ? 'met' : 'missed'],
  ];
  return markdownTable(rows);
}

const SECTIONS = ['engine', 'forms', 'designer', 'server', 'certificates', 'integrity'];
const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((a) => !SECTIONS.includes(a));
if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
const runs = (section: string) => wanted.length === 0 || wanted.includes(section);

// One Chromium for every browser section of the run, launched only if one of them runs, and closed
// before the server section so that it does not share the cores with what that section measures.
if (runs('engine') || runs('forms') || runs('designer')) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    if (runs('engine')) {
      const nodeResult = await nodeSection();
      const web = await browserSection(browser);
      console.log(`\nNong'an engine benchmark — medians of ${config.rounds} rounds, ${config.steps} steps each; the engine/limit ratio is the median of per-round ratios (rounds alternate); tasks() hits: ${web.taskHits}\n`);
      console.log(table(nodeResult, web));
    }
    if (runs('forms')) {
      const result = await formsSection(browser);
      console.log(`\nNong'an forms benchmark — Chromium; seeded forms (mixed kinds, sections of 25); mount: median of 5 alternating rounds; keys: 2×20 real key presses in the middle field with live validation; startup: production build, gzip\n`);
      console.log(formsTable(result));
    }
    if (runs('designer')) {
      console.log(`\nNong'an designer benchmark — Chromium; a 300-field form\n`);
      console.log(markdownTable(await designerSection(browser)));
    }
  } finally {
    await browser.close();
  }
}
if (runs('server')) {
  const result = await serverSection();
  console.log(`\n${serverHeader(result)}\n`);
  console.log(serverTable(result));
  console.log(`\n${serverNotes(result)}`);
}
if (runs('certificates')) {
  const result = await certificatesSection();
  console.log(`\nNong'an certificates benchmark — 10,000 certificates in one batch; signing rates are medians of 5 alternating rounds of 2,000; the server on a throwaway PostgreSQL cluster with durability on\n`);
  console.log(certificatesTable(result));
}
if (runs('integrity')) {
  const result = await integritySection();
  console.log(`\nNong'an integrity benchmark — PostgreSQL in PGlite (Node); step rates are medians of 5 alternating rounds of 300 steps; verify is the median of 5 rounds over the same cases\n`);
  console.log(integrityTable(result));
}
