/**
 * `$ref` handling for form schemas. Forms are self-contained: only local JSON-pointer refs
 * (`#/$defs/...`) are allowed, every ref must resolve, and ref cycles are refused — a recursive
 * schema would describe an infinitely nested form the renderer, variant resolver and contract
 * checker would all have to special-case. Also the small helpers (deref, effective types) the
 * kind and contract checks need.
 */
import type { Issue, JsonSchema } from './types.js';
import { getAtPointer, issue, isPlainObject, pointer, q } from './issues.js';

const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_SINGLE = [
  'items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains',
  'propertyNames', 'unevaluatedItems', 'unevaluatedProperties',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const DEF_MAPS = new Set(['$defs', 'definitions']);

interface RefSite {
  ref: string;
  /** Pointer (relative to the schema root) of the object carrying the `$ref`. */
  at: string;
}

/**
 * Visit every subschema object under `node` with its pointer, walking only subschema positions
 * (never enum / const / default data, which may look like schemas).
 */
export function walkSchemas(node: unknown, at: string, visit: (schema: Record<string, unknown>, at: string) => void, includeDefs = true): void {
  if (!isPlainObject(node)) return;
  visit(node, at);
  for (const keyword of SCHEMA_MAPS) {
    if (!includeDefs && DEF_MAPS.has(keyword)) continue;
    const map = node[keyword];
    if (isPlainObject(map)) for (const [name, sub] of Object.entries(map)) walkSchemas(sub, pointer(at, keyword, name), visit, includeDefs);
  }
  for (const keyword of SCHEMA_SINGLE) walkSchemas(node[keyword], pointer(at, keyword), visit, includeDefs);
  for (const keyword of SCHEMA_LISTS) {
    const list = node[keyword];
    if (Array.isArray(list)) list.forEach((sub, i) => walkSchemas(sub, pointer(at, keyword, i), visit, includeDefs));
  }
}

/** Every `$ref` under `node`; `$dynamicRef` / `$recursiveRef` are reported as unsupported. */
function collectRefs(node: unknown, at: string, out: RefSite[], includeDefs: boolean, bad: Issue[], base: string): void {
  walkSchemas(
    node,
    at,
    (schema, path) => {
      if (typeof schema.$ref === 'string') out.push({ ref: schema.$ref, at: path });
      for (const keyword of ['$dynamicRef', '$recursiveRef']) {
        if (keyword in schema) {
          bad.push(issue(pointer(base + path, keyword), `${keyword} is not supported in form schemas`, `表单模式不支持 ${keyword}`));
        }
      }
    },
    includeDefs,
  );
}

/** `#/$defs/a` → `/$defs/a`; undefined for refs that are not local JSON pointers. */
export function localPointer(ref: string): string | undefined {
  if (ref === '#') return '';
  if (!ref.startsWith('#/')) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}

/** Refs must be local, resolvable and acyclic. `base` is where the schema sits (`/schema`). */
export function checkSchemaRefs(schema: JsonSchema, base: string): Issue[] {
  const issues: Issue[] = [];
  const sites: RefSite[] = [];
  collectRefs(schema, '', sites, true, issues, base);
  let broken = false;
  for (const site of sites) {
    const path = pointer(base + site.at, '$ref');
    const target = localPointer(site.ref);
    if (target === undefined) {
      broken = true;
      issues.push(
        issue(
          path,
          `$ref ${q(site.ref)} is not a local JSON pointer; form schemas must be self-contained (use "#/$defs/...")`,
          `$ref ${q(site.ref)} 不是本地 JSON 指针；表单模式必须自包含（请使用 "#/$defs/..."）`,
        ),
      );
      continue;
    }
    const resolved = getAtPointer(schema, target);
    if (!isPlainObject(resolved) && typeof resolved !== 'boolean') {
      broken = true;
      issues.push(issue(path, `$ref ${q(site.ref)} does not resolve to a schema`, `$ref ${q(site.ref)} 未指向任何模式`));
    }
  }
  if (!broken && sites.length > 0) issues.push(...findRefCycles(schema, base));
  return issues;
}

/**
 * Depth-first search over ref targets: a target's edges are the refs inside it (not inside its own
 * $defs, which apply only when referenced). Starts from the root and from every top-level def so
 * that unused but circular defs are refused too.
 */
function findRefCycles(schema: JsonSchema, base: string): Issue[] {
  const edges = new Map<string, RefSite[]>();
  const edgesOf = (target: string): RefSite[] => {
    let list = edges.get(target);
    if (!list) {
      list = [];
      collectRefs(getAtPointer(schema, target), target, list, false, [], base);
      edges.set(target, list);
    }
    return list;
  };
  const done = new Set<string>();
  const issues: Issue[] = [];
  const visit = (target: string, trail: string[]): void => {
    if (done.has(target)) return;
    for (const site of edgesOf(target)) {
      const next = localPointer(site.ref)!;
      const loopAt = trail.indexOf(next);
      if (next === target || loopAt >= 0) {
        const cycle = loopAt >= 0 ? [...trail.slice(loopAt), target, next] : [target, next];
        const shown = cycle.map((p) => `#${p}`).join(' → ');
        issues.push(
          issue(pointer(base + site.at, '$ref'), `circular $ref: ${shown}`, `$ref 循环引用：${shown}`),
        );
        continue;
      }
      visit(next, [...trail, target]);
    }
    done.add(target);
  };
  const starts = [''];
  for (const defs of DEF_MAPS) {
    const map = schema[defs];
    if (isPlainObject(map)) for (const name of Object.keys(map)) starts.push(pointer('', defs, name));
  }
  for (const start of starts) visit(start, []);
  return issues;
}

/**
 * The schema a property effectively has after following `$ref` (refs already checked acyclic).
 * Siblings of `$ref` are laid over the target: enough for kind and constraint comparisons.
 */
export function deref(root: JsonSchema, node: unknown, maxSteps = 32): JsonSchema | boolean | undefined {
  let current = node;
  for (let step = 0; step < maxSteps; step++) {
    if (typeof current === 'boolean') return current;
    if (!isPlainObject(current)) return undefined;
    if (typeof current.$ref !== 'string') return current;
    const target = localPointer(current.$ref);
    const resolved = target === undefined ? undefined : getAtPointer(root, target);
    const { $ref: _ref, ...siblings } = current;
    if (typeof resolved === 'boolean') return Object.keys(siblings).length ? siblings : resolved;
    if (!isPlainObject(resolved)) return undefined;
    current = { ...resolved, ...siblings };
  }
  return undefined;
}

/** Like deref, but only objects (boolean / unresolvable → empty schema). */
export function derefObject(root: JsonSchema, node: unknown): JsonSchema {
  const s = deref(root, node);
  return isPlainObject(s) ? s : {};
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** The JSON types a schema admits, from `type`, or else inferred from `enum` / `const`. */
export function effectiveTypes(schema: JsonSchema): JsonType[] | undefined {
  const { type } = schema;
  if (typeof type === 'string') return [type as JsonType];
  if (Array.isArray(type)) return type.filter((t): t is JsonType => typeof t === 'string');
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  if (!values) return undefined;
  return [...new Set(values.map(jsonTypeOf))];
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Is a value of JSON type `actual` admitted by type `wanted`? (integers are numbers) */
export function typeAdmits(wanted: JsonType, actual: JsonType): boolean {
  return wanted === actual || (wanted === 'number' && actual === 'integer');
}
