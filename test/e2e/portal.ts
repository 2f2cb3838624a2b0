/**
 * End-to-end harness: a Vite dev server for packages/app on a free port and Debian's headless
 * Chromium through playwright-core. Each test gets a fresh browser context (its own IndexedDB and
 * localStorage), so every test starts from a freshly seeded demo. Helpers drive the portal as a
 * person would: sign in with region and role, open a case, take an action, fill its form.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumArgs } from '../../vitest.config.js';

const appRoot = fileURLToPath(new URL('../../packages/app/', import.meta.url));
export const screenshotDir = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

export interface Portal {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPortal(): Promise<Portal> {
  const server: ViteDevServer = await createServer({
    root: appRoot,
    configFile: `${appRoot}vite.config.ts`,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite dev server has no local URL');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  await mkdir(screenshotDir, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The portal a test file's tests share: started before the first, stopped after the last. */
export function portalForFile(): Portal {
  const portal = {} as Portal;
  beforeAll(async () => void Object.assign(portal, await startPortal()), 120_000);
  afterAll(async () => {
    await portal.close?.();
  });
  return portal;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw; a test fails on any. */
  errors: string[];
  /** console.error output of the page (React warnings, logged failures), for diagnosis. */
  consoleErrors: string[];
}

/** A fresh browser context on the portal, waiting until the seeded demo is ready. */
export async function openPortal(portal: Portal, hash = '#/'): Promise<Session> {
  const context = await portal.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.setDefaultTimeout(60_000);
  await page.goto(`${portal.url}${hash}`);
  await ready(page);
  return { context, page, errors, consoleErrors };
}

/**
 * One end-to-end flow in a fresh browser context: the page must log no errors, a failure leaves a
 * `<name>-failure` screenshot, and the context is closed either way.
 */
export async function flow(portal: Portal, name: string, body: (session: Session) => Promise<void>, hash = '#/'): Promise<void> {
  const session = await openPortal(portal, hash);
  try {
    await body(session);
    expect(session.errors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  } catch (error) {
    await screenshot(session.page, `${name}-failure`);
    throw error;
  } finally {
    await session.context.close();
  }
}

/** Waits for the portal shell (after boot and first-run seeding). */
export async function ready(page: Page): Promise<void> {
  await page.locator('.portal-header').waitFor({ timeout: 180_000 });
}

export async function reload(page: Page): Promise<void> {
  await page.reload();
  await ready(page);
}

export async function signIn(page: Page, region: string, role: string, farm?: string): Promise<void> {
  await page.goto(new URL('#/', page.url()).href);
  const form = page.locator('form.portal-signin');
  await form.locator('select[name=region]').selectOption(region);
  await form.locator('select[name=role]').selectOption(role);
  if (farm) await form.locator('select[name=farm]').selectOption(farm);
  await form.getByRole('button').click();
  await page.getByTestId('signed-in-as').waitFor();
}

export async function openCase(page: Page, instanceId: string): Promise<void> {
  await page.goto(new URL(`#/case/${encodeURIComponent(instanceId)}`, page.url()).href);
  await page.locator('.nw-case h2').waitFor();
}

/** The case view's action buttons, as the engine allows them for the signed-in actor. */
export function actionButtons(page: Page): Locator {
  return page.locator('.nw-case .nw-actions button');
}

/** A field value as a person enters it: text, a number, a radio choice by position, or table rows. */
export type FieldInput = string | number | boolean | { choose: number } | Array<Record<string, string | number>>;

/** Clicks an action by its label, fills the form fields given (by field key), and submits. */
export async function act(page: Page, label: string | RegExp, fields: Record<string, FieldInput> = {}): Promise<void> {
  await actionButtons(page).filter({ hasText: label }).first().click();
  const panel = page.locator('.nw-action-panel');
  await panel.waitFor();
  await fill(panel, fields);
  await panel.locator('button.nw-primary').click();
  await page.locator('.nw-success, .nw-action-panel [role=alert]').first().waitFor();
  if (await panel.isVisible()) throw new Error(`action ${String(label)} was refused: ${await panel.innerText()}`);
}

/** Fills form fields by key: FormView gives each input the id `<form prefix>-<field key>`. */
export async function fill(scope: Locator, fields: Record<string, FieldInput>): Promise<void> {
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      for (const [index, row] of value.entries()) {
        await scope.locator(`button[id$="-${key}"]`).click();
        for (const [column, cell] of Object.entries(row)) await enter(scope.locator(`[id$="-${key}-${index}-${column}"]`).first(), cell);
      }
    } else if (typeof value === 'boolean') {
      await scope.locator(`input[type=checkbox][id$="-${key}"]`).setChecked(value);
    } else if (typeof value === 'object') {
      await scope.locator(`input[type=radio][name$="-${key}"]`).nth(value.choose).check();
    } else {
      await enter(scope.locator(`input[id$="-${key}"], select[id$="-${key}"], textarea[id$="-${key}"]`).first(), value);
    }
  }
}

async function enter(field: Locator, value: string | number): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  // FormView's selects carry each option's value JSON-encoded.
  if (tag === 'select') await field.selectOption(JSON.stringify(value));
  else await field.fill(String(value));
}

export async function stateText(page: Page): Promise<string> {
  return (await page.locator('.nw-case .nw-state').textContent()) ?? '';
}

/** The open case's state key and status as the page last loaded them (waits until they match). */
export async function expectState(page: Page, stateKey: string, status: 'active' | 'done' = 'active'): Promise<void> {
  await page.locator(`[data-testid=case-page][data-state-key="${stateKey}"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** Registers a farm on the farm page and signs in as it; returns its id (the engine subject). */
export async function registerFarm(page: Page, region: string, name: string): Promise<string> {
  await page.goto(new URL('#/farm', page.url()).href);
  const form = page.locator('form[aria-labelledby=register-title]').first();
  await form.locator('select[name=register-region]').selectOption(region);
  await form.locator('input[name=farm-name]').fill(name);
  await form.locator('input[name=farm-contact]').fill('13812345678');
  await form.locator('button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();
  const session = await page.evaluate(() => localStorage.getItem('nongan-portal-session'));
  const farmId = (JSON.parse(session ?? '{}') as { farmId?: string }).farmId;
  if (!farmId) throw new Error('registration did not sign in as the new farm');
  return farmId;
}

/** Opens a case of `workflowId` from the farm page with the start form filled; returns the case id. */
export async function startFromFarmPage(page: Page, workflowId: string, fields: Record<string, FieldInput>): Promise<string> {
  await page.goto(new URL('#/farm', page.url()).href);
  await page.locator(`button[data-start="${workflowId}"]`).click();
  const form = page.locator(`[data-start-form="${workflowId}"]`);
  await fill(form, fields);
  await form.locator('button.portal-primary').click();
  await page.waitForURL(/#\/case\//);
  await page.locator('.nw-case h2').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/case/', ''));
}

/** An official opens a case on `subject` from the cases page; returns the case id. */
export async function startFromCasesPage(page: Page, workflowId: string, subject: string, fields: Record<string, FieldInput>): Promise<string> {
  await page.goto(new URL('#/cases', page.url()).href);
  await page.locator('select[name=subject]').selectOption(subject);
  await page.locator(`button[data-start="${workflowId}"]`).click();
  const form = page.locator(`[data-start-form="${workflowId}"]`);
  await fill(form, fields);
  await form.locator('button.portal-primary').click();
  await page.waitForURL(/#\/case\//);
  await page.locator('.nw-case h2').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/case/', ''));
}

/** Opens a case from the farm page's task list (what the engine lets the farm do now). */
export async function openFromFarmPage(page: Page, instanceId: string): Promise<void> {
  await page.goto(new URL('#/farm', page.url()).href);
  await page.locator(`tr[data-instance="${instanceId}"] button`).click();
  await page.locator('.nw-case h2').waitFor();
}

/** Opens a case from the signed-in official's inbox (it must be listed there). */
export async function openFromInbox(page: Page, instanceId: string): Promise<void> {
  await page.goto(new URL('#/inbox', page.url()).href);
  await page.locator(`tr[data-instance="${instanceId}"] button`).click();
  await page.locator('.nw-case h2').waitFor();
}

/** Presses "advance 5 working days" and returns the status line. */
export async function advanceClock(page: Page): Promise<string> {
  const before = await page.getByTestId('demo-date').textContent();
  await page.locator('.portal-clock button').click();
  await page.locator('.portal-clock-status').waitFor();
  const after = await page.getByTestId('demo-date').textContent();
  if (after === before) throw new Error('the demo clock did not move');
  return (await page.locator('.portal-clock-status').textContent()) ?? '';
}

/** The hash-chain check the timeline shows for the open case. */
export async function journalVerified(page: Page): Promise<boolean> {
  const status = page.locator('.nw-verify');
  await status.waitFor();
  return (await status.getAttribute('data-verified')) === 'true';
}

/** A figure of a region's dashboard as printed on the page, or null when the dashboard does not show it. */
export async function dashboardFigure(page: Page, region: string, figure: string): Promise<string | null> {
  await page.goto(new URL(`#/dashboard/${region}`, page.url()).href);
  const board = page.locator(`[data-testid=dashboard][data-region="${region}"]`);
  await board.locator('.portal-figures').waitFor();
  const cell = board.locator(`[data-figure="${figure}"]`);
  return (await cell.count()) === 0 ? null : ((await cell.textContent()) ?? '').trim();
}
