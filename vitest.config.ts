/**
 * Two projects: `unit` runs in Node (DOM-free cores, fake-indexeddb), `browser` runs `*.browser.test.ts`
 * in Debian's Chromium through Playwright, against real IndexedDB. No test carries a wall-clock limit
 * beyond Vitest's default hang guard.
 */
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // One PostgreSQL server for the run (Debian's binaries); tests create their own databases on it.
          globalSetup: ['./test/setup/postgres.ts'],
          // Hang guards, not time limits: tests that start server processes and databases need more than 5 s on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          setupFiles: ['./forms/test/setup/patternEngine.ts'],
          include: ['{engine,forms,designer,workflows,packages/*,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.browser.test.{ts,tsx}'],
        },
      },
      {
        // Pre-bundle what browser tests import, so a fresh clone's first run does not discover a dependency
        // mid-run and reload with two copies of React. `pkg > dep`: a dependency of a workspace package.
        optimizeDeps: {
          include: [
            'react',
            'react-dom',
            'react-dom/client',
            'react/jsx-runtime',
            '@nongan/designer > @dnd-kit/core',
            '@nongan/designer > @dnd-kit/sortable',
            '@nongan/designer > @dnd-kit/utilities',
            '@nongan/react > @xstate/react',
            '@nongan/engine > xstate',
            '@nongan/engine > dexie',
            '@nongan/designer > microdiff',
            '@nongan/react > qrcode.react',
            '@nongan/react > @dagrejs/dagre',
            'axe-core',
          ],
        },
        test: {
          name: 'browser',
          include: ['{engine,forms,designer,workflows,packages/*,test}/**/*.browser.test.{ts,tsx}'],
          exclude: ['**/node_modules/**'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
