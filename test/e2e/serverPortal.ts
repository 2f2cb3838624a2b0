/**
 * End-to-end harness for the portal as the server's client: the Nong'an server in this process on a
 * real PostgreSQL database (demo accounts, farms and cases seeded), the portal's Vite dev server in
 * `server` mode passing `/api` to it — one address for the pages and the API, as `pnpm start` serves
 * them — and Debian's headless Chromium. Each person gets a browser context of their own (their own
 * cookies and IndexedDB), signed in with a real account through the sign-in form.
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { createTestDatabase } from '@nongan/engine/testing/postgres';
import { DEMO_PASSWORD, seedDemoData } from '../../packages/server/src/demo/seedDemoAccounts.js';
import { inProcessServer, type InProcessServer } from '../../packages/server/test/support/servers.js';
import { chromiumArgs } from '../../vitest.config.js';
import { ready, screenshot, screenshotDir } from './portal.js';

const appRoot = fileURLToPath(new URL('../../packages/app/', import.meta.url));

export interface ServerPortal {
  /** The portal's address (pages and `/api`). */
  url: string;
  server: InProcessServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startServerPortal(name = 'portal'): Promise<ServerPortal> {
  const server = await inProcessServer({ kind: 'postgres', url: await createTestDatabase(inject('postgresAdminUrl'), name), poolSize: 5 }, { demo: true });
  // As `pnpm start` does in demo mode: the demo cases, organisations, farms and accounts.
  await seedDemoData(server.runtime);
  const vite: ViteDevServer = await createServer({
    root: appRoot,
    configFile: `${appRoot}vite.config.ts`,
    mode: 'server',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, proxy: { '/api': { target: server.baseUrl, changeOrigin: false }, '/.well-known': { target: server.baseUrl, changeOrigin: false } } },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error('vite dev server has no local URL');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  await mkdir(screenshotDir, { recursive: true });
  return {
    url,
    server,
    browser,
    async close() {
      await browser.close();
      await vite.close();
      await server.close();
    },
  };
}

/** The server portal a test file's tests share. */
export function serverPortalForFile(name?: string): ServerPortal {
  const portal = {} as ServerPortal;
  beforeAll(async () => void Object.assign(portal, await startServerPortal(name)), 300_000);
  afterAll(async () => {
    await portal.close?.();
  });
  return portal;
}

export interface Person {
  login: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  consoleErrors: string[];
}

/** A person on their own device: a fresh browser context signed in as `login` through the form. */
export async function signedIn(portal: ServerPortal, login: string, options: { viewport?: { width: number; height: number }; password?: string } = {}): Promise<Person> {
  const context = await portal.browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // Requests refused while offline are the point of the offline tests, not a fault of the page; nor is
    // the Vite dev server's reload socket failing to connect in a page that started offline.
    if (message.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource|^\[vite\] failed to connect to websocket/.test(message.text())) consoleErrors.push(message.text());
  });
  page.setDefaultTimeout(60_000);
  await page.goto(`${portal.url}#/`);
  await ready(page);
  const form = page.locator('form.portal-signin');
  await form.locator('input[name=login]').fill(login);
  await form.locator('input[name=password]').fill(options.password ?? DEMO_PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  try {
    await page.getByTestId('signed-in-as').waitFor();
    await live(page);
  } catch (error) {
    await screenshot(page, `signin-${login}-failure`).catch(() => {});
    throw new Error(`${login} did not get signed in; the page said: ${(await page.locator('body').innerText()).slice(0, 600)}`, { cause: error });
  }
  return { login, context, page, errors, consoleErrors };
}

/** Waits until the page's live stream from the server is open. */
export async function live(page: Page): Promise<void> {
  await page.locator('[data-testid=connection-status].portal-connection-live').waitFor({ timeout: 30_000 });
}

/** Runs a multi-person flow; a failure leaves each person's screenshot; the pages must log no errors. */
export async function together(name: string, people: Person[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
    for (const p of people) {
      expect(p.errors, `${p.login}: page errors`).toEqual([]);
      expect(p.consoleErrors, `${p.login}: console errors`).toEqual([]);
    }
  } catch (error) {
    for (const [i, p] of people.entries()) await screenshot(p.page, `${name}-${i + 1}-${p.login}-failure`).catch(() => {});
    throw error;
  } finally {
    for (const p of people) await p.context.close();
  }
}
