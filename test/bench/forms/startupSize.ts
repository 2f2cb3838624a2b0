/**
 * Startup JS of a page that renders one form: a production Vite build of each page, gzip size of the
 * JS the page loads before it can render (entry chunk and its static imports), and separately of
 * chunks loaded only on demand (e.g. the division tree when a division field opens).
 */
import { build, type Rollup } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export interface StartupSize {
  initialGzip: number;
  lazyGzip: number;
  initialRaw: number;
}

export async function startupSize(page: 'nongan' | 'baseline'): Promise<StartupSize> {
  const root = fileURLToPath(new URL(`./startup/${page}/`, import.meta.url));
  // A dev server started earlier in this process sets NODE_ENV=development, which Vite's build would
  // honour (shipping React's development build); the size that matters is the production one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let output: Rollup.RollupOutput | Rollup.RollupOutput[];
  try {
    output = (await build({ root, mode: 'production', logLevel: 'error', build: { write: false, modulePreload: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  } finally {
    process.env.NODE_ENV = previous;
  }
  const chunks = (Array.isArray(output) ? output.flatMap((o) => o.output) : output.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  let initialGzip = 0;
  let lazyGzip = 0;
  let initialRaw = 0;
  for (const chunk of chunks) {
    const gz = gzipSync(chunk.code, { level: 9 }).length;
    if (initial.has(chunk.fileName)) {
      initialGzip += gz;
      initialRaw += Buffer.byteLength(chunk.code);
    } else lazyGzip += gz;
  }
  return { initialGzip, lazyGzip, initialRaw };
}
