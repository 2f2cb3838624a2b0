/**
 * One iterative pass over an untrusted value before any other check: is it plain JSON, is it small
 * enough, is it shallow enough, does it avoid prototype-polluting keys? Iterative (explicit stack),
 * so a 100,000-deep object cannot overflow the call stack, and it stops as soon as the size limit
 * is crossed, so a huge object costs at most MAX_DEFINITION_BYTES of work.
 */
import type { Issue } from './types.js';
import { FORBIDDEN_KEYS, MAX_DEFINITION_BYTES, MAX_DEFINITION_DEPTH, MAX_ISSUES } from './limits.js';
import { issue, isPlainObject, pointer, q } from './issues.js';

export interface ScanLimits {
  maxBytes?: number;
  maxDepth?: number;
}

/** UTF-8 byte length of a string without allocating (browser-safe; no Buffer). */
export function utf8Length(text: string, stopAfter = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // surrogate pair → one 4-byte code point
      i++;
    } else bytes += 3;
    if (bytes > stopAfter) return bytes;
  }
  return bytes;
}

/** Bytes JSON.stringify would spend on a string: quotes, escapes, UTF-8 body. */
function jsonStringBytes(text: string): number {
  let escapes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) escapes += 5; // \u00XX
    else if (c === 0x22 || c === 0x5c) escapes += 1;
  }
  return utf8Length(text) + escapes + 2;
}

type Frame = { value: unknown; path: string; depth: number } | { exit: object };

/** Returns issues; empty means the value is plain, bounded JSON without forbidden keys. */
export function scanJson(root: unknown, limits: ScanLimits = {}, basePath = ''): Issue[] {
  const maxBytes = limits.maxBytes ?? MAX_DEFINITION_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_DEFINITION_DEPTH;
  const issues: Issue[] = [];
  const onPath = new Set<object>(); // ancestors of the current node, to tell cycles from shared nodes
  const stack: Frame[] = [{ value: root, path: basePath, depth: 0 }];
  let bytes = 0;

  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const frame = stack.pop()!;
    if ('exit' in frame) {
      onPath.delete(frame.exit);
      continue;
    }
    const { value, path, depth } = frame;
    switch (typeof value) {
      case 'string':
        bytes += jsonStringBytes(value);
        break;
      case 'boolean':
        bytes += value ? 4 : 5;
        break;
      case 'number':
        if (!Number.isFinite(value)) {
          issues.push(issue(path, `${value} is not a JSON number`, `${value} 不是合法的 JSON 数字`));
        }
        bytes += String(value).length;
        break;
      case 'object': {
        if (value === null) {
          bytes += 4;
          break;
        }
        if (onPath.has(value)) {
          issues.push(issue(path, 'circular object reference (not JSON)', '对象循环引用（不是 JSON）'));
          break;
        }
        if (depth >= maxDepth) {
          issues.push(
            issue(path, `nesting deeper than ${maxDepth} levels`, `嵌套超过 ${maxDepth} 层`),
          );
          return issues; // deeper content is not looked at: that is the point of the limit
        }
        const isArray = Array.isArray(value);
        if (!isArray && !isPlainObject(value)) {
          issues.push(issue(path, 'not a plain JSON object', '不是普通 JSON 对象'));
          break;
        }
        onPath.add(value);
        stack.push({ exit: value });
        if (isArray) {
          bytes += 2 + Math.max(0, value.length - 1);
          for (let i = value.length - 1; i >= 0; i--) {
            stack.push({ value: value[i], path: pointer(path, i), depth: depth + 1 });
          }
        } else {
          const keys = Object.keys(value);
          bytes += 2 + Math.max(0, keys.length - 1);
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i]!;
            bytes += jsonStringBytes(key) + 1;
            if (FORBIDDEN_KEYS.has(key)) {
              issues.push(
                issue(
                  pointer(path, key),
                  `key ${q(key)} is not allowed (prototype pollution risk)`,
                  `不允许使用键 ${q(key)}（有原型污染风险）`,
                ),
              );
              continue;
            }
            stack.push({ value: (value as Record<string, unknown>)[key], path: pointer(path, key), depth: depth + 1 });
          }
        }
        break;
      }
      default:
        // undefined, function, symbol, bigint: JSON cannot carry them (stringify would drop or throw).
        issues.push(issue(path, `${typeof value} is not a JSON value`, `${typeof value} 不是 JSON 值`));
    }
    if (bytes > maxBytes) {
      issues.push(tooLarge(basePath, maxBytes));
      return issues;
    }
  }
  return issues;
}

export function tooLarge(path: string, maxBytes: number): Issue {
  const mb = (maxBytes / 1024 / 1024).toFixed(1);
  return issue(
    path,
    `definition is larger than ${mb} MB of JSON (limit ${maxBytes} bytes)`,
    `定义超过 ${mb} MB JSON（上限 ${maxBytes} 字节）`,
  );
}
