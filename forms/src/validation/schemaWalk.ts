/**
 * Visits every subschema of a JSON Schema 2020-12 document with its JSON pointer, following only the
 * keywords whose values ARE schemas — so a `pattern` key inside an `enum` value or a `default` object is
 * never mistaken for a keyword.
 */
import { joinPointer } from './pointer.js';

export type SchemaObject = Record<string, unknown>;
export type SchemaVisitor = (schema: SchemaObject, pointer: string) => void;

const SINGLE = new Set([
  'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else', 'items',
  'additionalItems', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Depth-first, parents before children. `pointer` is where `schema` sits (e.g. '/schema'). */
export function walkSchema(schema: unknown, pointer: string, visit: SchemaVisitor): void {
  const seen = new Set<object>(); // authored JSON has no cycles, but a hand-built object might
  const walk = (node: unknown, at: string): void => {
    if (!isSchemaObject(node) || seen.has(node)) return;
    seen.add(node);
    visit(node, at);
    for (const key of Object.keys(node)) {
      const value = node[key];
      const here = joinPointer(at, key);
      if (SINGLE.has(key) && isSchemaObject(value)) walk(value, here);
      else if (LIST.has(key) && Array.isArray(value)) value.forEach((item, i) => walk(item, joinPointer(here, String(i))));
      else if (MAP.has(key) && isSchemaObject(value)) {
        for (const name of Object.keys(value)) walk(value[name], joinPointer(here, name));
      }
    }
  };
  walk(schema, pointer);
}
