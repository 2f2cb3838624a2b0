/**
 * Walks one rule expression: finds the fields it reads and what is wrong with it (shape, operators,
 * arity, `var` paths). analyze.ts reports the issues, dependencies.ts builds the graph from the reads;
 * both walk the same way, so the graph never misses a read the analysis accepted.
 *
 * Scopes follow json-logic-js: inside the second argument of map / filter / all / some / none the data
 * is the current array item, inside reduce's it is `{ current, accumulator }`. Those scopes cannot see
 * the form's fields, so `var` there names item properties (checked against the rows columns when the
 * array is a rows field) and adds no dependency.
 */
import type { FieldSpec, Issue } from '../definition/types.js';
import { childPointer, issue } from './issues.js';
import { FORBIDDEN_KEYS, isAllowedOperator, OPERATOR_ARITY, refusalReason, SCOPED_OPERATORS } from './operators.js';

type Columns = Record<string, FieldSpec> | undefined;

type Scope = { kind: 'root' } | { kind: 'item'; columns: Columns } | { kind: 'reduce'; columns: Columns };

export interface ExpressionReport {
  /** Top-level field keys read (a rows cell `herds.0.count` reads `herds`). */
  reads: Set<string>;
  issues: Issue[];
}

/** Inspects `expression`, found at JSON pointer `path` in the definition, against `fields`. */
export function inspectExpression(
  expression: unknown,
  path: string,
  fields: Readonly<Record<string, FieldSpec>>,
): ExpressionReport {
  const report: ExpressionReport = { reads: new Set(), issues: [] };
  walk(expression, path, { kind: 'root' }, fields, report);
  return report;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(node: unknown, path: string, scope: Scope, fields: Readonly<Record<string, FieldSpec>>, report: ExpressionReport): void {
  const fail = (where: string, en: string, zh: string) => report.issues.push(issue(where, en, zh));
  if (node === null || typeof node === 'string' || typeof node === 'boolean') return;
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) fail(path, 'numbers must be finite (JSON)', '数字必须是有限值（JSON）');
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, childPointer(path, i), scope, fields, report));
    return;
  }
  if (!isPlainObject(node)) {
    fail(path, `not a JSON value (${typeof node})`, `不是 JSON 值（${typeof node}）`);
    return;
  }
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    fail(
      path,
      `an operation must be an object with exactly one key (the operator), found ${keys.length}`,
      `运算必须是只有一个键（运算符）的对象，实际有 ${keys.length} 个键`,
    );
    return;
  }
  if (!isAllowedOperator(op)) {
    const reason = refusalReason(op);
    fail(childPointer(path, op), reason.en, reason.zh);
    return;
  }
  const raw = node[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const argPath = (i: number) => (Array.isArray(raw) ? childPointer(path, op, i) : childPointer(path, op));
  const [min, max] = OPERATOR_ARITY[op];
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min}–${max}`;
    const expectedZh = min === max ? `${min} 个` : max === Infinity ? `至少 ${min} 个` : `${min}–${max} 个`;
    fail(
      childPointer(path, op),
      `"${op}" takes ${expected} argument(s), found ${args.length}`,
      `"${op}" 需要 ${expectedZh}参数，实际 ${args.length} 个`,
    );
    return;
  }

  if (op === 'var') {
    const target = args[0];
    if (target !== undefined && target !== null && typeof target !== 'string' && typeof target !== 'number') {
      fail(argPath(0), 'a var path must be a literal string', 'var 的路径必须是字符串常量');
    } else {
      checkPath(target, argPath(0), scope, fields, report);
    }
    if (args.length > 1) walk(args[1], argPath(1), scope, fields, report);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    if (op === 'missing_some') walk(args[0], argPath(0), scope, fields, report);
    const listIndex = op === 'missing' && Array.isArray(args[0]) ? 0 : op === 'missing_some' ? 1 : -1;
    const keys = listIndex >= 0 ? args[listIndex] : args;
    const keyPath = (i: number) => (listIndex >= 0 ? childPointer(argPath(listIndex), i) : argPath(i));
    if (!Array.isArray(keys)) {
      fail(argPath(1), `"${op}" needs a literal list of keys`, `"${op}" 需要键名常量列表`);
      return;
    }
    keys.forEach((key, i) => {
      if (typeof key === 'string' || typeof key === 'number') checkPath(key, keyPath(i), scope, fields, report);
      else fail(keyPath(i), `"${op}" keys must be literal strings`, `"${op}" 的键名必须是字符串常量`);
    });
    return;
  }
  if (SCOPED_OPERATORS.has(op)) {
    walk(args[0], argPath(0), scope, fields, report);
    const columns = itemColumns(args[0], scope, fields);
    walk(args[1], argPath(1), op === 'reduce' ? { kind: 'reduce', columns } : { kind: 'item', columns }, fields, report);
    if (args.length > 2) walk(args[2], argPath(2), scope, fields, report);
    return;
  }
  args.forEach((arg, i) => walk(arg, argPath(i), scope, fields, report));
}

/** The columns of the items an array expression yields, when it is a rows field (possibly filtered). */
function itemColumns(source: unknown, scope: Scope, fields: Readonly<Record<string, FieldSpec>>): Columns {
  if (!isPlainObject(source)) return undefined;
  if (Object.hasOwn(source, 'filter')) {
    const args = source.filter;
    return Array.isArray(args) ? itemColumns(args[0], scope, fields) : undefined;
  }
  if (scope.kind !== 'root' || !Object.hasOwn(source, 'var')) return undefined;
  const target = Array.isArray(source.var) ? source.var[0] : source.var;
  if (typeof target !== 'string' || !Object.hasOwn(fields, target)) return undefined;
  const spec = fields[target]!;
  return spec.kind === 'rows' ? spec.columns : undefined;
}

function checkPath(
  target: string | number | null | undefined,
  path: string,
  scope: Scope,
  fields: Readonly<Record<string, FieldSpec>>,
  report: ExpressionReport,
): void {
  const fail = (en: string, zh: string) => report.issues.push(issue(path, en, zh));
  if (target === undefined || target === null || target === '') {
    // The whole item is fine inside map/filter; at the root it would read every field untracked.
    if (scope.kind === 'root') fail('var must name a field, not the whole data', 'var 必须指明字段，不能读取全部数据');
    if (scope.kind === 'reduce') fail('inside reduce, var names "current" or "accumulator"', 'reduce 中 var 只能是 "current" 或 "accumulator"');
    return;
  }
  const segments = String(target).split('.');
  const forbidden = segments.find((s) => FORBIDDEN_KEYS.has(s));
  if (forbidden !== undefined) {
    fail(`"${forbidden}" is a prototype key and is never read`, `"${forbidden}" 是原型属性名，不允许读取`);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (scope.kind === 'item') {
    if (scope.columns && !Object.hasOwn(scope.columns, head)) {
      fail(`unknown column "${head}"`, `未知的列 "${head}"`);
    }
    return;
  }
  if (scope.kind === 'reduce') {
    if (head !== 'current' && head !== 'accumulator') {
      fail('inside reduce, var names "current" or "accumulator"', 'reduce 中 var 只能是 "current" 或 "accumulator"');
    } else if (head === 'current' && scope.columns && rest[0] !== undefined && !Object.hasOwn(scope.columns, rest[0])) {
      fail(`unknown column "${rest[0]}"`, `未知的列 "${rest[0]}"`);
    }
    return;
  }
  if (!Object.hasOwn(fields, head)) {
    fail(`unknown field "${head}"`, `未知字段 "${head}"`);
    return;
  }
  // The field is read even when the rest of the path is wrong: the graph stays conservative.
  report.reads.add(head);
  if (rest.length === 0) return;
  const spec = fields[head]!;
  if (spec.kind !== 'rows') {
    fail(`field "${head}" is not a rows field; only "${head}" itself can be read`, `字段 "${head}" 不是明细表，只能读取 "${head}" 本身`);
    return;
  }
  const [index, column] = rest;
  if (rest.length !== 2 || !/^\d+$/.test(index!)) {
    fail(`a rows field is read as "${head}" or "${head}.N.column"`, `明细表字段只能以 "${head}" 或 "${head}.序号.列名" 读取`);
  } else if (spec.columns && !Object.hasOwn(spec.columns, column!)) {
    fail(`unknown column "${column}" of rows field "${head}"`, `明细表 "${head}" 没有列 "${column}"`);
  }
}
