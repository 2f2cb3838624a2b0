/**
 * The portal's dev server and build: React with the automatic JSX runtime, served on 127.0.0.1:5173.
 * `pnpm start` runs it in `server` mode: `/api/…` is passed to the Nong'an server (NONGAN_API, default
 * 127.0.0.1:8787), so the portal and the API share one address and the session cookie is first-party.
 * Without it (`pnpm start:local`) the portal does not look for a server and runs browser-only.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  plugins: [react()],
  // Only a portal built for a server looks for one; browser-only, it never asks (no failed request).
  define: { __NONGAN_SERVER_MODE__: JSON.stringify(mode === 'server') },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The API and the certificate key set (`/.well-known/jwks.json`) live on the server, beside the pages.
    ...(mode === 'server' ? { proxy: Object.fromEntries(['/api', '/.well-known'].map((path) => [path, { target: process.env.NONGAN_API ?? 'http://127.0.0.1:8787', changeOrigin: false }])) } : {}),
  },
  // Scan every source file (the dashboard and designer are lazy-loaded) so dependencies are pre-bundled
  // at start-up: a dependency found later makes the dev server reload the page mid-session.
  optimizeDeps: {
    entries: ['index.html', 'src/**/*.{ts,tsx}'],
    include: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'],
  },
}));
