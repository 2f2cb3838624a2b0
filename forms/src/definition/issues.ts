/**
 * Building bilingual issues and JSON pointers. Every check reports `Issue { path, message, messageZh }`
 * where `path` is an RFC 6901 pointer, so the designer can highlight the exact node.
 */
import type { Issue } from './types.js';
import { MAX_ISSUES } from './limits.js';

export function issue(path: string, message: string, messageZh: string): Issue {
  return { path, message, messageZh };
}

/** Escape one pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `pointer('/fields', 'a/b', 0)` → `/fields/a~1b/0`. */
export function pointer(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((acc, s) => `${acc}/${escapeSegment(s)}`, base);
}

/** Split a pointer into unescaped segments; `''` is the whole document. */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follow a pointer through plain JSON; `undefined` when it does not resolve. Own keys only. */
export function getAtPointer(doc: unknown, ptr: string): unknown {
  let node = doc;
  for (const seg of parsePointer(ptr)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = node[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Cap a list of issues, replacing the tail with one summary issue. */
export function capIssues(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const omitted = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    issue('', `${omitted} more issues omitted`, `另有 ${omitted} 个问题未列出`),
  ];
}

/** Quote a user-supplied name for a message, shortened so a huge key cannot flood the report. */
export function q(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}
