/** `tsx test/bench/designer/runStandalone.ts`: the designer section alone, printed as a table. */
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../../vitest.config.js';
import { designerSection } from './designerSection.js';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
try {
  const rows = await designerSection(browser);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log([line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
} finally {
  await browser.close();
}
