/**
 * Hostile or broken input: prototype keys, oversized text (refused before parsing), bad JSON,
 * circular $ref, deep nesting, non-JSON objects. validateDefinition must return issues, never
 * throw, never hang.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MAX_DEFINITION_BYTES, MAX_DEFINITION_DEPTH, validateDefinition } from '../../src/definition/index.js';
import type { Issue } from '../../src/definition/index.js';
import { farmBaseV1 } from './fixtures/farmQualification.js';

function issuesOf(input: unknown): Issue[] {
  const result = validateDefinition(input);
  if (result.ok) throw new Error('expected issues, got ok');
  return result.issues;
}
const paths = (issues: Issue[]) => issues.map((i) => i.path);

afterEach(() => vi.restoreAllMocks());

describe('prototype-polluting keys', () => {
  test('"__proto__" in JSON text is refused with its path (schema properties)', () => {
    const text = JSON.stringify(farmBaseV1()).replace('"farmName":{"type"', '"__proto__":{"polluted":true},"farmName":{"type"');
    const issues = issuesOf(text);
    expect(issues).toEqual([expect.objectContaining({ path: '/schema/properties/__proto__', message: expect.stringContaining('"__proto__" is not allowed') })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('"constructor" as a field key and "prototype" in rules / messages are refused', () => {
    const d = farmBaseV1() as any;
    d.fields.constructor = { kind: 'text', label: { zh: 'x', en: 'x' } };
    d.rules.prototype = { visibleIf: true };
    d.messages.en = { ...d.messages.en, __proto__x: 'fine', ['__proto__']: 'bad' };
    expect(paths(issuesOf(d))).toEqual(['/fields/constructor', '/rules/prototype', '/messages/en/__proto__']);
  });

  test('an object whose prototype was replaced is not plain JSON', () => {
    const d = farmBaseV1() as any;
    d.fields.farmName = Object.assign(Object.create({ injected: true }), d.fields.farmName);
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: '/fields/farmName', message: 'not a plain JSON object' })]);
  });
});

describe('size limit', () => {
  test('a 10 MB string is refused quickly and never parsed', () => {
    const huge = `{"id":"x","pad":"${'养'.repeat(10 * 1024 * 1024 / 3)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const issues = issuesOf(huge);
    const elapsed = performance.now() - started;
    expect(parse).not.toHaveBeenCalled();
    expect(elapsed).toBeLessThan(50);
    expect(issues).toEqual([expect.objectContaining({ path: '', message: expect.stringContaining(`limit ${MAX_DEFINITION_BYTES} bytes`) })]);
    expect(issues[0]!.messageZh).toContain('2.0 MB');
  });

  test('a string just under the limit in characters but over it in UTF-8 bytes is refused', () => {
    const text = `"${'猪'.repeat(MAX_DEFINITION_BYTES / 2)}"`; // 1 M characters, 3 MB of UTF-8
    const parse = vi.spyOn(JSON, 'parse');
    expect(issuesOf(text)[0]!.message).toContain('larger than');
    expect(parse).not.toHaveBeenCalled();
  });

  test('an in-memory object over 2 MB of JSON is refused without serialising it', () => {
    const d = farmBaseV1() as any;
    d.messages.en = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`help.k${i}`, 'x'.repeat(80)]));
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: '', message: expect.stringContaining('larger than 2.0 MB') })]);
    expect(stringify).not.toHaveBeenCalled();
  });
});

describe('malformed input', () => {
  test('bad JSON text becomes an issue with the parser reason', () => {
    const issues = issuesOf('{"id": "farm", "version": }');
    expect(issues).toEqual([expect.objectContaining({ path: '', message: expect.stringMatching(/^definition is not valid JSON: /), messageZh: expect.stringMatching(/^定义不是合法的 JSON/) })]);
  });

  test.each([null, undefined, 42, true, [], () => 1, Symbol('x'), 10n])('%s is refused, not thrown', (input) => {
    expect(() => validateDefinition(input)).not.toThrow();
    expect(validateDefinition(input).ok).toBe(false);
  });

  test('non-JSON values inside an object are reported where they are', () => {
    const d = farmBaseV1() as any;
    d.schema.properties.headCount.maximum = Number.NaN;
    d.fields.farmName.help = undefined;
    d.fields.species.render = () => '<b>';
    expect(paths(issuesOf(d))).toEqual(['/schema/properties/headCount/maximum', '/fields/farmName/help', '/fields/species/render']);
  });

  test('a cyclic object graph is refused; a shared (non-cyclic) node is fine', () => {
    const cyclic = farmBaseV1() as any;
    cyclic.schema.properties.farmName.self = cyclic.schema.properties.farmName;
    expect(issuesOf(cyclic)).toEqual([expect.objectContaining({ path: '/schema/properties/farmName/self', message: 'circular object reference (not JSON)' })]);

    const shared = farmBaseV1() as any;
    shared.fields.remarks.label = shared.fields.farmName.label;
    expect(validateDefinition(shared).ok).toBe(true);
  });

  test('random garbage never throws', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = [null, 0, -1, 'x', '', true, [], {}, { type: 'field' }, { zh: 1 }, { $ref: '#' }, '__proto__'];
    const mutate = (node: any, depth: number): void => {
      if (depth > 6 || node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        if (rand() < 0.15) node[key] = structuredClone(values[Math.floor(rand() * values.length)]);
        else mutate(node[key], depth + 1);
      }
    };
    for (let i = 0; i < 300; i++) {
      const d = farmBaseV1();
      mutate(d, 0);
      expect(() => validateDefinition(d)).not.toThrow();
    }
  });
});

describe('circular $ref', () => {
  test('two defs referring to each other', () => {
    const d = farmBaseV1() as any;
    d.schema.$defs.a = { type: 'object', properties: { b: { $ref: '#/$defs/b' } } };
    d.schema.$defs.b = { type: 'object', properties: { a: { $ref: '#/$defs/a' } } };
    d.schema.properties.licenses.items = { $ref: '#/$defs/a' };
    const issues = issuesOf(d);
    expect(issues[0]).toMatchObject({ path: '/schema/$defs/b/properties/a/$ref', message: 'circular $ref: #/$defs/a → #/$defs/b → #/$defs/a' });
    expect(issues[0]!.messageZh).toContain('循环引用');
  });

  test('a def referring to itself through items, even when unused', () => {
    const d = farmBaseV1() as any;
    d.schema.$defs.tree = { type: 'array', items: { $ref: '#/$defs/tree' } };
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: '/schema/$defs/tree/items/$ref', message: 'circular $ref: #/$defs/tree → #/$defs/tree' })]);
  });

  test('a property referring back to the root', () => {
    const d = farmBaseV1() as any;
    d.schema.properties.remarks = { $ref: '#' };
    expect(issuesOf(d)[0]).toMatchObject({ path: '/schema/properties/remarks/$ref', message: expect.stringContaining('circular $ref: # → #') });
  });

  test('a chain of refs without a loop is fine', () => {
    const d = farmBaseV1() as any;
    d.schema.$defs.name = { $ref: '#/$defs/text' };
    d.schema.$defs.text = { type: 'string', maxLength: 100 };
    d.schema.properties.farmName = { $ref: '#/$defs/name', minLength: 2 };
    expect(validateDefinition(d).ok).toBe(true);
  });
});

describe('deep nesting', () => {
  function deepLayout(levels: number): unknown {
    let node: unknown = { type: 'field', field: 'farmName' };
    for (let i = 0; i < levels; i++) node = { type: 'section', children: [node] };
    return node;
  }

  test('a 100,000-level layout object is refused at the depth limit without overflowing the stack', () => {
    const d = farmBaseV1() as any;
    d.layout = deepLayout(100_000);
    const started = performance.now();
    const issues = issuesOf(d);
    expect(performance.now() - started).toBeLessThan(200);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe(`nesting deeper than ${MAX_DEFINITION_DEPTH} levels`);
    expect(issues[0]!.path.startsWith('/layout/children/0/children/0')).toBe(true);
  });

  test('deep JSON text (schema nested 5,000 levels) is refused, not thrown', () => {
    let schema = '{"type":"string"}';
    for (let i = 0; i < 5000; i++) schema = `{"type":"object","properties":{"x":${schema}}}`;
    const text = JSON.stringify(farmBaseV1()).replace('"remarks":{"type":"string","maxLength":500}', `"remarks":${schema}`);
    expect(issuesOf(text)[0]!.message).toContain('nesting deeper than');
  });

  test('nesting within the limit is accepted', () => {
    const d = farmBaseV1() as any;
    d.layout = deepLayout(20);
    expect(validateDefinition(d).ok).toBe(true);
  });
});
