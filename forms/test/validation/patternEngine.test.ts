/**
 * The pattern engine is provided by the core entry and loaded on demand by the renderer entry. On a
 * fresh module graph (as in a page that imports only `@nongan/forms/react`) compiling a pattern says
 * clearly what to do, and `loadPatternEngine()` makes the same call work.
 */
import { describe, expect, it, vi } from 'vitest';

async function freshModules() {
  vi.resetModules();
  vi.doUnmock('re2js');
  const engine = await import('../../src/validation/patternEngine.js');
  const safety = await import('../../src/validation/patternSafety.js');
  return { engine, safety };
}

describe('pattern engine loading', () => {
  it('refuses to compile a pattern before the engine is there, in Chinese and English, and does not cache that', async () => {
    const { engine, safety } = await freshModules();
    // The setup file provided the engine to the previous module graph, not to this one.
    expect(engine.patternEngineReady()).toBe(false);
    expect(() => safety.checkPattern('^[0-9]{6}$')).toThrow(/正则引擎尚未加载.*loadPatternEngine/);
    await engine.loadPatternEngine();
    expect(engine.patternEngineReady()).toBe(true);
    expect(safety.checkPattern('^[0-9]{6}$')).toBeNull();
    expect(safety.checkPattern('(a)\\1')?.message).toMatch(/backreference/);
  });

  it('finds patterns anywhere in a schema or definition', async () => {
    const { engine } = await freshModules();
    expect(engine.schemaUsesPatterns({ type: 'object', properties: { a: { type: 'string' } } })).toBe(false);
    expect(engine.schemaUsesPatterns({ schema: { properties: { rows: { items: { properties: { code: { pattern: '^\\d+$' } } } } } } })).toBe(true);
    expect(engine.schemaUsesPatterns({ patternProperties: { '^x': {} } })).toBe(true);
    // A property *named* pattern is not a pattern keyword.
    expect(engine.schemaUsesPatterns({ properties: { pattern: { type: 'string' } } })).toBe(false);
  });
});
