/** The portal's dev server and build: React with the automatic JSX runtime, served on 127.0.0.1:5173 by `pnpm start`. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  // Scan every source file (the dashboard and designer are lazy-loaded) so dependencies are pre-bundled
  // at start-up: a dependency found later makes the dev server reload the page mid-session.
  optimizeDeps: {
    entries: ['index.html', 'src/**/*.{ts,tsx}'],
    include: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'],
  },
});
