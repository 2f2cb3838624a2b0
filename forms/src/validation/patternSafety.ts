/**
 * Authored `pattern`s run on re2js (a linear-time RE2 port), never on the browser's backtracking engine,
 * so a pattern like `^(a+)+$` cannot freeze a tab. Patterns RE2 cannot run in linear time
 * (backreferences, lookaround) are REFUSED with a bilingual reason — never silently handed to `RegExp`.
 *
 * A pattern must also be valid ECMA-262 (what JSON Schema specifies and what any other validator of the
 * same schema will use), so we accept the intersection: valid JS regex with the `u` flag AND compilable
 * by RE2. Known gaps between the two engines (`\s` is ASCII-only in RE2; `.` also matches `\r`) are minor.
 */
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import type { RE2JS } from 're2js';
import { patternEngine } from './patternEngine.js';
import type { Issue, LocalText } from '../definition/types.js';

export type PatternProblem = 'syntax' | 'backreference' | 'lookahead' | 'lookbehind' | 'unsupported';

interface Refusal {
  kind: PatternProblem;
  reason: LocalText;
}

/** A pattern refused at compile time; carries the issue (path '' unless the caller knows the schema path). */
export class UnsafePatternError extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(`${issue.messageZh} / ${issue.message}`);
    this.name = 'UnsafePatternError';
    this.issue = issue;
  }
}

const REFUSALS: Record<Exclude<PatternProblem, 'syntax' | 'unsupported'>, LocalText> = {
  backreference: {
    zh: '使用了反向引用（\\1 或 \\k<名称>），无法在线性时间内匹配',
    en: 'it uses a backreference (\\1 or \\k<name>), which cannot be matched in linear time',
  },
  lookahead: {
    zh: '使用了前瞻断言（(?= 或 (?!），线性时间引擎不支持',
    en: 'it uses a lookahead ((?= or (?!), which the linear-time engine does not support',
  },
  lookbehind: {
    zh: '使用了后顾断言（(?<= 或 (?<!），线性时间引擎不支持',
    en: 'it uses a lookbehind ((?<= or (?<!), which the linear-time engine does not support',
  },
};

/**
 * One pass over the pattern outside character classes: finds constructs RE2 refuses for a reason worth
 * naming, and rewrites `\p{Script=Han}` / `\p{sc=Han}` (ECMA-262) to `\p{Han}` (RE2). The pattern is
 * already known to be valid with the `u` flag, where `\1`..`\9` and `\k` can only be backreferences.
 */
function scan(pattern: string): { refusal: Refusal | null; rewritten: string } {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      const next = pattern.charAt(i + 1);
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return { refusal: refusal('backreference'), rewritten: '' };
      if ((next === 'p' || next === 'P') && pattern.charAt(i + 2) === '{') {
        const close = pattern.indexOf('}', i + 3);
        const body = pattern.slice(i + 3, close);
        const script = /^(?:Script|sc)=(\w+)$/.exec(body);
        out += `\\${next}{${script ? script[1] : body}}`;
        i = close;
        continue;
      }
      out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(' && pattern.charAt(i + 1) === '?') {
      const head = pattern.slice(i + 2, i + 4);
      if (head.startsWith('=') || head.startsWith('!')) return { refusal: refusal('lookahead'), rewritten: '' };
      if (head === '<=' || head === '<!') return { refusal: refusal('lookbehind'), rewritten: '' };
    }
    out += ch;
  }
  return { refusal: null, rewritten: out };
}

function refusal(kind: keyof typeof REFUSALS): Refusal {
  return { kind, reason: REFUSALS[kind] };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** RE2's own reason, with the common "repeat count" limit spelled out. */
function re2Refusal(error: unknown): Refusal {
  const text = errorText(error);
  if (/invalid repeat count/.test(text)) {
    return {
      kind: 'unsupported',
      reason: {
        zh: `重复次数超出线性时间引擎上限（最多 1000）：${text}`,
        en: `repeat count above the linear-time engine's limit of 1000: ${text}`,
      },
    };
  }
  return {
    kind: 'unsupported',
    reason: { zh: `线性时间引擎（RE2）不支持：${text}`, en: `the linear-time engine (RE2) does not support it: ${text}` },
  };
}

/** Compiles to RE2, or says why not. Pure apart from the cache. */
function compile(pattern: string): { re: RE2JS } | { refusal: Refusal } {
  try {
    // Compiling (never executing) a native RegExp only checks ECMA-262 syntax; it cannot backtrack.
    new RegExp(pattern, 'u');
  } catch (error) {
    return {
      refusal: {
        kind: 'syntax',
        reason: {
          zh: `不是有效的正则表达式：${errorText(error)}`,
          en: `it is not a valid regular expression: ${errorText(error)}`,
        },
      },
    };
  }
  const scanned = scan(pattern);
  if (scanned.refusal) return { refusal: scanned.refusal };
  // Outside the try: a missing engine is the caller's mistake, not a refusal of this pattern (nor cached).
  const re2 = patternEngine();
  try {
    return { re: re2.compile(re2.translateRegExp(scanned.rewritten)) };
  } catch (error) {
    return { refusal: re2Refusal(error) };
  }
}

function toIssue(pattern: string, found: Refusal, path: string): Issue {
  const where = path ? { zh: `${path} 处的`, en: ` at ${path}` } : { zh: '', en: '' };
  return {
    path,
    messageZh: `${where.zh}正则表达式 "${pattern}" 不予接受：${found.reason.zh}`,
    message: `pattern "${pattern}"${where.en} is refused: ${found.reason.en}`,
  };
}

/**
 * For the designer, as the author types: null when the pattern is accepted, else an issue saying why.
 * `path` (a JSON pointer into the definition, e.g. `/schema/properties/code/pattern`) goes into the issue.
 */
export function checkPattern(pattern: string, path = ''): Issue | null {
  const result = compiled(pattern);
  return 'refusal' in result ? toIssue(pattern, result.refusal, path) : null;
}

/** The refusal kind, for callers that branch on it (null when accepted). */
export function patternProblem(pattern: string): PatternProblem | null {
  const result = compiled(pattern);
  return 'refusal' in result ? result.refusal.kind : null;
}

// Compiled patterns are shared: Ajv asks again for every sub-validator, and RE2 compilation is not free.
const CACHE_LIMIT = 512;
const cache = new Map<string, { re: RE2JS } | { refusal: Refusal }>();

function compiled(pattern: string): { re: RE2JS } | { refusal: Refusal } {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const result = compile(pattern);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(pattern, result);
  return result;
}

class Re2Pattern implements RegExpLike {
  constructor(
    private readonly source: string,
    private readonly re: RE2JS,
  ) {}
  /** Unanchored search, like RegExp#test (JSON Schema `pattern` is not implicitly anchored). */
  test(input: string): boolean {
    return this.re.test(input);
  }
  /** Ajv keys its per-schema pattern cache on this. */
  toString(): string {
    return `re2:/${this.source}/`;
  }
}

/**
 * Ajv's `code.regExp`: every `pattern` / `patternProperties` key compiles here. A refused pattern throws
 * UnsafePatternError, which makes Ajv's compile fail — there is no fallback to the native engine.
 */
export const re2RegExp: RegExpEngine = Object.assign(
  (pattern: string, _flags: string): RegExpLike => {
    const result = compiled(pattern);
    if ('refusal' in result) throw new UnsafePatternError(toIssue(pattern, result.refusal, ''));
    return new Re2Pattern(pattern, result.re);
  },
  // Only used by Ajv's standalone code generation (not used here) to name this function in emitted code.
  { code: 're2RegExp' },
);
