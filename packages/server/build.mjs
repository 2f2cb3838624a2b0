// Production build: one ES module bundle of the server, the workspace packages it uses (@nongan/*,
// shipped as TypeScript source) and their dependencies; the server's own npm dependencies (native
// argon2, PGlite's WebAssembly, pg, Fastify) stay imports resolved from node_modules. Node then runs
// plain JavaScript: no TypeScript loader in production.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@nongan/'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  banner: { js: "import { createRequire as __nonganRequire } from 'node:module'; const require = __nonganRequire(import.meta.url);" },
  logLevel: 'warning',
});
