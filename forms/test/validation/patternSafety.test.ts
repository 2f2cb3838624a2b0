/**
 * Authored patterns run on re2js (linear time). A hostile pattern completes instantly; patterns RE2
 * cannot run (backreferences, lookaround) are refused with the schema path and the reason, in both
 * languages — never quietly run on the backtracking engine.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FormDefinitionError, checkPattern, createFormValidator, patternProblem, re2RegExp } from '../../src/validation/index.js';
import { defineForm } from './fixtures.js';

const codeField = { code: { kind: 'text' as const, label: { zh: '编码', en: 'Code' } } };

function formWithPattern(pattern: string) {
  return defineForm({ type: 'object', properties: { code: { type: 'string', pattern } } }, codeField);
}

function definitionError(run: () => unknown): FormDefinitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormDefinitionError) return error;
    throw error;
  }
  throw new Error('expected a FormDefinitionError');
}

describe('checkPattern (designer feedback as you type)', () => {
  it('accepts ordinary patterns, including Chinese character ranges and named groups', () => {
    for (const p of ['^\\d{6}$', '^[\\u4e00-\\u9fa5]{2,10}$', '^\\p{Script=Han}+$', '^(?<year>\\d{4})-\\d{2}$', '^(a+)+$', '[^]']) {
      expect(checkPattern(p), p).toBeNull();
    }
  });

  it('refuses backreferences', () => {
    const issue = checkPattern('(a)\\1');
    expect(issue).not.toBeNull();
    expect(issue?.message).toBe(
      'pattern "(a)\\1" is refused: it uses a backreference (\\1 or \\k<name>), which cannot be matched in linear time',
    );
    expect(issue?.messageZh).toContain('反向引用');
    expect(patternProblem('(?<q>[\'"]).*\\k<q>')).toBe('backreference');
  });

  it('refuses lookahead and lookbehind', () => {
    expect(patternProblem('^(?=.*\\d)[a-z0-9]+$')).toBe('lookahead');
    expect(patternProblem('^(?!admin)')).toBe('lookahead');
    expect(patternProblem('(?<=¥)\\d+')).toBe('lookbehind');
    expect(patternProblem('(?<!-)\\d+')).toBe('lookbehind');
    expect(checkPattern('(?<=a)b', '/schema/properties/x/pattern')?.messageZh).toBe(
      '/schema/properties/x/pattern 处的正则表达式 "(?<=a)b" 不予接受：使用了后顾断言（(?<= 或 (?<!），线性时间引擎不支持',
    );
  });

  it('does not mistake escaped or bracketed characters for those constructs', () => {
    expect(checkPattern('\\(\\?=x\\)')).toBeNull(); // literal "(?=x)"
    expect(checkPattern('[(?=]')).toBeNull(); // a character class
    expect(checkPattern('\\\\1')).toBeNull(); // a literal backslash followed by 1
  });

  it('refuses invalid syntax and what RE2 cannot do', () => {
    expect(patternProblem('[')).toBe('syntax');
    expect(patternProblem('(?i)abc')).toBe('syntax'); // not ECMA-262, even though RE2 would take it
    expect(patternProblem('a{1001}')).toBe('unsupported'); // RE2 caps repeat counts at 1000
    expect(checkPattern('a{1001}')?.message).toMatch(/limit of 1000/);
  });
});

describe('patterns in a form', () => {
  it('runs a classic catastrophic pattern in linear time', () => {
    const validator = createFormValidator(formWithPattern('^(a+)+$'));
    // On a backtracking engine this input takes 2^37 steps; here it simply completes.
    const result = validator.validate({ code: `${'a'.repeat(37)}!` });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.path).toBe('/code');
    expect(result.issues[0]?.messageZh).toBe('编码：格式不正确');
    expect(validator.validate({ code: 'a'.repeat(37) }).ok).toBe(true);
  });

  it('matches like ECMA-262 for translated syntax (\\uXXXX, unanchored search)', () => {
    const chinese = createFormValidator(formWithPattern('^[\\u4e00-\\u9fa5]{2,10}$'));
    expect(chinese.validate({ code: '张三' }).ok).toBe(true);
    expect(chinese.validate({ code: 'Zhang' }).ok).toBe(false);
    const unanchored = createFormValidator(formWithPattern('\\d{3}'));
    expect(unanchored.validate({ code: 'No.123' }).ok).toBe(true);
  });

  it('refuses (a)\\1 with a FormDefinitionError naming the schema path and the reason', () => {
    const error = definitionError(() => createFormValidator(formWithPattern('(a)\\1')));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('/schema/properties/code/pattern');
    expect(error.issues[0]?.message).toContain('at /schema/properties/code/pattern is refused: it uses a backreference');
    expect(error.message).toMatch(/^表单定义 test-form@1\.0\.0 无效：.*反向引用.* \/ Invalid form definition test-form@1\.0\.0: .*backreference/);
  });

  it('checks patternProperties keys and patterns nested anywhere, reporting all of them', () => {
    const form = defineForm(
      {
        type: 'object',
        properties: {
          rows: {
            type: 'array',
            items: { type: 'object', patternProperties: { '^(?!x)': { type: 'string' } }, properties: { tag: { type: 'string', pattern: '(b)\\1' } } },
          },
          note: { anyOf: [{ type: 'string', pattern: '(?<=y)z' }, { type: 'null' }] },
        },
      },
      { rows: { kind: 'rows', label: { zh: '行', en: 'Rows' } }, note: { kind: 'text', label: { zh: '备注', en: 'Note' } } },
    );
    const error = definitionError(() => createFormValidator(form));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      '/schema/properties/rows/items/patternProperties/^(?!x)',
      '/schema/properties/rows/items/properties/tag/pattern',
      '/schema/properties/note/anyOf/0/pattern',
    ]);
  });
});

describe('re2RegExp as an Ajv regExp engine', () => {
  it('backs `pattern` in any Ajv instance and refuses unsafe patterns at compile time', () => {
    const ajv = new Ajv2020({ code: { regExp: re2RegExp } });
    expect(ajv.validate({ type: 'string', pattern: '^(a|aa)+$' }, `${'a'.repeat(40)}b`)).toBe(false);
    expect(() => ajv.compile({ type: 'string', pattern: '(?=a)' })).toThrow(/lookahead/);
  });
});
