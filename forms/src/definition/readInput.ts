/**
 * Turning the caller's input into a JSON value, refusing oversized input BEFORE parsing: a string is
 * measured (length first, then UTF-8 bytes only when the length alone cannot decide), and bad JSON
 * becomes an issue instead of an exception.
 */
import type { Issue } from './types.js';
import { MAX_DEFINITION_BYTES } from './limits.js';
import { issue } from './issues.js';
import { tooLarge, utf8Length } from './jsonScan.js';

export type ReadResult = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

export function readInput(input: unknown, maxBytes = MAX_DEFINITION_BYTES): ReadResult {
  if (typeof input === 'string') {
    // Each UTF-16 unit is ≥ 1 UTF-8 byte, so length alone refuses without scanning the text.
    if (input.length > maxBytes || utf8Length(input, maxBytes) > maxBytes) {
      return { ok: false, issues: [tooLarge('', maxBytes)] };
    }
    try {
      return { ok: true, value: JSON.parse(input) as unknown };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [issue('', `definition is not valid JSON: ${reason}`, `定义不是合法的 JSON：${reason}`)] };
    }
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const what = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
    return { ok: false, issues: [issue('', `a definition must be a JSON object or its JSON text, not ${what}`, `定义必须是 JSON 对象或其 JSON 文本，而不是 ${what}`)] };
  }
  return { ok: true, value: input };
}
