/**
 * Top-level field names a JsonLogic expression reads (`var`, `missing`, `missing_some`), so hiding or
 * removing a field can be checked against the rules that still read it. Only the first path segment
 * counts (`herd.0.count` reads `herd`). The full static analysis lives with the rules engine.
 */
import type { Expression, FieldRules } from '../definition/types.js';

export function expressionFields(expression: Expression, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 64 || expression === null || typeof expression !== 'object') return out;
  if (Array.isArray(expression)) {
    for (const item of expression) expressionFields(item, out, depth + 1);
    return out;
  }
  for (const [op, args] of Object.entries(expression as Record<string, unknown>)) {
    if (op === 'var') addName(Array.isArray(args) ? args[0] : args, out);
    else if (op === 'missing') (Array.isArray(args) ? args : [args]).forEach((a) => addName(a, out));
    else if (op === 'missing_some' && Array.isArray(args) && Array.isArray(args[1])) args[1].forEach((a) => addName(a, out));
    expressionFields(args, out, depth + 1);
  }
  return out;
}

function addName(name: unknown, out: Set<string>): void {
  if (typeof name === 'string' && name !== '') out.add(name.split('.')[0]!);
}

/** Field names read by each rule kind of a field's rule set. */
export function rulesFields(rules: FieldRules): Array<{ rule: keyof FieldRules; fields: Set<string> }> {
  return (Object.keys(rules) as Array<keyof FieldRules>).map((rule) => ({ rule, fields: expressionFields(rules[rule]) }));
}
