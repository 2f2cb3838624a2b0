/**
 * Where the linear-time pattern engine (re2js, ~45 kB gzip) comes from. The core entry
 * (`@nongan/forms`) provides it at import, so every synchronous API works as before; the renderer
 * entry (`@nongan/forms/react`) does not import it, and `FormView` loads it on demand only for forms
 * whose schema has a `pattern`, so a page rendering a pattern-free form does not download it.
 */
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;
let loading: Promise<void> | undefined;

export function providePatternEngine(re2: typeof RE2JS): void {
  engine = re2;
}

/** Loads re2js once (a separate chunk in a bundled app). */
export function loadPatternEngine(): Promise<void> {
  if (engine) return Promise.resolve();
  loading ??= import('re2js').then((m) => providePatternEngine(m.RE2JS));
  return loading;
}

export const patternEngineReady = (): boolean => engine !== undefined;

/** The engine, or a clear error for a caller that compiled a pattern before loading it. */
export function patternEngine(): typeof RE2JS {
  if (engine) return engine;
  throw new Error(
    '正则引擎尚未加载：请先 await loadPatternEngine()，或从 @nongan/forms 导入 / ' +
      'the pattern engine is not loaded: await loadPatternEngine() first, or import from @nongan/forms',
  );
}

/** Whether a schema uses `pattern` or `patternProperties` anywhere (then it needs the engine). */
export function schemaUsesPatterns(schema: unknown, depth = 0): boolean {
  if (depth > 64 || schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some((item) => schemaUsesPatterns(item, depth + 1));
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'pattern' && typeof value === 'string') || key === 'patternProperties') return true;
    if (schemaUsesPatterns(value, depth + 1)) return true;
  }
  return false;
}
