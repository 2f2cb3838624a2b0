/**
 * Renaming a field key changes its data property name, so everything that names it follows: the
 * schema property and `required`, the `fields` entry, its own rules entry, the layout node, and
 * every `var` / `missing` / `missing_some` path in every rule (`old` and `old.0.x` alike).
 */
import type { Expression, FieldRules, LayoutNode, LocalText } from '@nongan/forms';
import { keyProblem } from '../palette.js';
import { findField, updateNode } from '../layoutTree.js';
import { DesignerError, type Command } from '../types.js';
import { edit, requireField } from './edit.js';
import { properties, requiredList } from './fieldCommands.js';

const t = (zh: string, en: string): LocalText => ({ zh, en });

/** Keep key order (the order of `fields` is the order the designer lists them in). */
function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

function renamePath(path: unknown, from: string, to: string): unknown {
  if (typeof path !== 'string') return path;
  if (path === from) return to;
  return path.startsWith(`${from}.`) ? `${to}${path.slice(from.length)}` : path;
}

/** The expression with every reference to field `from` renamed; shares untouched branches. */
export function renameInExpression(expression: Expression, from: string, to: string, depth = 0): Expression {
  if (depth > 64 || expression === null || typeof expression !== 'object') return expression;
  if (Array.isArray(expression)) {
    let changed = false;
    const out = expression.map((e) => {
      const r = renameInExpression(e, from, to, depth + 1);
      if (r !== e) changed = true;
      return r;
    });
    return changed ? out : expression;
  }
  const entries = Object.entries(expression as Record<string, unknown>);
  let changed = false;
  const out = entries.map(([op, args]): [string, unknown] => {
    let next: unknown = args;
    if (op === 'var') next = Array.isArray(args) ? [renamePath(args[0], from, to), ...args.slice(1)] : renamePath(args, from, to);
    else if (op === 'missing') next = Array.isArray(args) ? args.map((a) => renamePath(a, from, to)) : renamePath(args, from, to);
    else if (op === 'missing_some' && Array.isArray(args) && Array.isArray(args[1])) next = [args[0], args[1].map((a: unknown) => renamePath(a, from, to))];
    else next = renameInExpression(args, from, to, depth + 1);
    if (JSON.stringify(next) !== JSON.stringify(args)) changed = true;
    return [op, next];
  });
  return changed ? Object.fromEntries(out) : expression;
}

export function renameField(from: string, to: string): Command {
  return edit('field.rename', t('修改字段键', 'Rename field key'), (state) => {
    requireField(state, from);
    if (from === to) return state;
    const problem = keyProblem(to, state.definition.fields);
    if (problem) throw new DesignerError(problem.zh, problem.en);
    const def = state.definition;
    const required = requiredList(state);
    const schema = {
      ...def.schema,
      properties: renameKey(properties(state), from, to),
      ...(required.length ? { required: required.map((k) => (k === from ? to : k)) } : {}),
    };
    let rules = def.rules;
    if (rules) {
      const renamed: Record<string, FieldRules> = {};
      for (const [owner, set] of Object.entries(rules)) {
        const nextSet: Record<string, Expression> = {};
        for (const [name, expr] of Object.entries(set)) nextSet[name] = renameInExpression(expr, from, to);
        renamed[owner === from ? to : owner] = nextSet as FieldRules;
      }
      rules = renamed;
    }
    const at = findField(def.layout, from);
    const layout = at ? updateNode(def.layout, at, (): LayoutNode => ({ type: 'field', field: to })) : def.layout;
    return {
      ...state,
      selection: state.selection === from ? to : state.selection,
      definition: { ...def, schema, fields: renameKey(def.fields, from, to), layout, ...(rules ? { rules } : {}) },
    };
  });
}
