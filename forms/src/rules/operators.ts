/**
 * The JsonLogic operators a form rule may use, and the safe data access behind them.
 *
 * Allow-list, not deny-list: json-logic-js lets anyone `add_operation` (and 1.x shipped `method`,
 * which called methods on data objects — `constructor.constructor` is `Function`). A rule is plain
 * JSON stored with the definition, so it may only use operators that compute from values:
 * comparison, logic, arithmetic, strings and the array operators. `log` (console side effect),
 * `method`, dotted names (`Math.random` style method paths) and anything else are refused.
 *
 * Data access never leaves own properties: json-logic-js's own `var` indexes with `data[key]`,
 * so `{ "var": "__proto__" }` would return Object.prototype. Before evaluation, `var`, `missing`
 * and `missing_some` are rewritten to privately named operations built on {@link readPath};
 * json-logic-js's built-ins are left untouched for anyone else sharing the module.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { childPointer, issue, RulesError } from './issues.js';

/** Allowed operators by family; `[min, max]` argument counts (JsonLogic's unary sugar counts as 1). */
export const OPERATOR_ARITY = {
  // data access
  var: [0, 2],
  missing: [0, Infinity],
  missing_some: [2, 2],
  // comparison (`<` and `<=` take a third argument: "between")
  '==': [2, 2],
  '===': [2, 2],
  '!=': [2, 2],
  '!==': [2, 2],
  '>': [2, 2],
  '>=': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  // logic
  '!': [1, 1],
  '!!': [1, 1],
  and: [1, Infinity],
  or: [1, Infinity],
  if: [2, Infinity],
  '?:': [2, Infinity],
  // arithmetic
  '+': [1, Infinity],
  '-': [1, 2],
  '*': [1, Infinity],
  '/': [2, 2],
  '%': [2, 2],
  min: [1, Infinity],
  max: [1, Infinity],
  // strings (and membership in strings or arrays)
  in: [2, 2],
  cat: [1, Infinity],
  substr: [2, 3],
  // arrays; the second argument of the scoped ones is evaluated once per item
  map: [2, 2],
  filter: [2, 2],
  reduce: [2, 3],
  all: [2, 2],
  some: [2, 2],
  none: [2, 2],
  merge: [1, Infinity],
} as const satisfies Record<string, readonly [number, number]>;

export type AllowedOperator = keyof typeof OPERATOR_ARITY;

export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set(Object.keys(OPERATOR_ARITY));

export function isAllowedOperator(op: string): op is AllowedOperator {
  return Object.hasOwn(OPERATOR_ARITY, op);
}

/** Operators whose second argument runs with each array item (reduce: `{current, accumulator}`) as data. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);

/** Property names that lead to prototypes; never read, whatever the data holds. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Why an operator is refused, in both languages (specific words for the well-known dangerous ones). */
export function refusalReason(op: string): { en: string; zh: string } {
  if (op === 'method') {
    return {
      en: 'operator "method" is refused: it calls methods on data objects',
      zh: '不允许使用运算符 "method"：它会调用数据对象上的方法',
    };
  }
  if (op === 'log') {
    return { en: 'operator "log" is refused: rules have no side effects', zh: '不允许使用运算符 "log"：规则不得有副作用' };
  }
  return {
    en: `operator "${op}" is not in the allow-list`,
    zh: `运算符 "${op}" 不在允许列表中`,
  };
}

/**
 * JsonLogic `var` restricted to own properties: `{ "var": "__proto__" }`, `"constructor"`,
 * `"herds.constructor"` read nothing. Absent → `fallback` (default null), like json-logic-js.
 */
export function readPath(data: unknown, path: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data === undefined ? null : data;
  let current: unknown = data;
  for (const segment of String(path).split('.')) {
    if (current === null || current === undefined) return notFound;
    if (FORBIDDEN_KEYS.has(segment)) return notFound;
    if (typeof current !== 'object' && typeof current !== 'string') return notFound;
    if (!Object.hasOwn(current as object, segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return notFound;
  }
  return current;
}

/** JsonLogic `missing` on {@link readPath}: the keys whose value is null, absent or ''. */
function safeMissing(this: unknown, ...args: unknown[]): unknown[] {
  const keys: unknown[] = Array.isArray(args[0]) ? args[0] : args;
  return keys.filter((key) => {
    const value = readPath(this, key);
    return value === null || value === '';
  });
}

/** JsonLogic `missing_some`: [] when at least `need` of `keys` are present, else the missing ones. */
function safeMissingSome(this: unknown, need: unknown, keys: unknown): unknown[] {
  const list = Array.isArray(keys) ? keys : [];
  const missing = safeMissing.call(this, list);
  return list.length - missing.length >= Number(need) ? [] : missing;
}

/** Private names the rewritten expressions call; not in the allow-list, so rules cannot name them. */
const SAFE_NAMES: Readonly<Record<string, string>> = {
  var: 'nongan:safe-var',
  missing: 'nongan:safe-missing',
  missing_some: 'nongan:safe-missing_some',
};

/**
 * Registers the safe operations with json-logic-js. Called before every evaluation rather than at
 * import (the package is side-effect free, and re-registering is a property assignment).
 */
export function registerSafeOperations(): void {
  jsonLogic.add_operation(SAFE_NAMES.var!, function (this: unknown, path?: unknown, fallback?: unknown) {
    return readPath(this, path, fallback);
  });
  jsonLogic.add_operation(SAFE_NAMES.missing!, safeMissing);
  jsonLogic.add_operation(SAFE_NAMES.missing_some!, safeMissingSome);
}

/**
 * Rewrites an expression for evaluation: data-access operators become the safe ones; any object that
 * is not a single allow-listed operator throws {@link RulesError} (a multi-key object is a literal to
 * json-logic-js, which in a rule is almost always a mistake, so it is refused too).
 */
export function toSafeLogic(expression: unknown, path = ''): unknown {
  if (Array.isArray(expression)) return expression.map((item, i) => toSafeLogic(item, childPointer(path, i)));
  if (expression === null || typeof expression !== 'object') return expression;
  const keys = Object.keys(expression);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    throw new RulesError([
      issue(path, 'an operation must be an object with exactly one key', '运算必须是只有一个键的对象'),
    ]);
  }
  if (!isAllowedOperator(op)) {
    const reason = refusalReason(op);
    throw new RulesError([issue(path, reason.en, reason.zh)]);
  }
  const args = (expression as Record<string, unknown>)[op];
  const name = Object.hasOwn(SAFE_NAMES, op) ? SAFE_NAMES[op]! : op;
  return { [name]: toSafeLogic(args, childPointer(path, op)) };
}

/** Evaluates an already rewritten expression; a run-time failure (e.g. `*` over nothing) yields null. */
export function applySafeLogic(logic: unknown, data: unknown): unknown {
  try {
    return jsonLogic.apply(logic as RulesLogic, data);
  } catch {
    return null;
  }
}

/** JsonLogic truthiness (an empty array is false). */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
