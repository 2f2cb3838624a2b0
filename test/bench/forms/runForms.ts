/** `tsx bench/forms/runForms.ts`: the forms section alone (the full `pnpm bench` runs it too). */
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../../vitest.config.js';
import { formsSection, formsTable } from './formsSection.js';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
try {
  console.log(formsTable(await formsSection(browser)));
} finally {
  await browser.close();
}
