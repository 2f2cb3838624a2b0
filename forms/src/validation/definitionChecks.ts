/**
 * Everything wrong with a form's schema, found BEFORE Ajv compiles it, each problem with the JSON pointer
 * of where it is in the definition (`/schema/properties/code/pattern`). Ajv would stop at the first
 * problem with a message naming no location; the designer needs all of them, placed.
 */
import type AjvCore from 'ajv/dist/core.js';
import { getDefinitionAjv } from '../definition/ajv.js';
import type { Issue } from '../definition/types.js';
import { ajvText } from './issueMessages.js';
import { checkPattern } from './patternSafety.js';
import { joinPointer, splitPointer } from './pointer.js';
import { isSchemaObject, walkSchema, type SchemaObject } from './schemaWalk.js';

/** Where the schema sits in a FormDefinition. */
export const SCHEMA_POINTER = '/schema';

function issue(path: string, zh: string, en: string): Issue {
  return { path, messageZh: `${path}：${zh}`, message: `${path}: ${en}` };
}

/** The only dialect we compile; `$schema` may be omitted. */
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Meta-schema violations: one issue per location (Ajv reports each failed alternative of an anyOf).
 * Checked on the definition gate's shared Ajv, where the 2020-12 meta-schema is compiled once (with its
 * own trusted patterns on the native engine), not in every form's Ajv.
 */
function metaSchemaIssues(schema: SchemaObject): Issue[] {
  const dialect = schema.$schema;
  if (dialect !== undefined && dialect !== DIALECT && dialect !== `${DIALECT}#`) {
    const at = `${SCHEMA_POINTER}/$schema`;
    return [issue(at, `只支持 JSON Schema 2020-12（${DIALECT}）`, `only JSON Schema 2020-12 (${DIALECT}) is supported`)];
  }
  const ajv = getDefinitionAjv();
  if (ajv.validateSchema(schema) === true) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of ajv.errors ?? []) {
    const path = SCHEMA_POINTER + error.instancePath;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = ajvText(error);
    issues.push(issue(path, `不符合 JSON Schema 2020-12：${text.zh}`, `not valid JSON Schema 2020-12: ${text.en}`));
  }
  return issues;
}

/** Whether a local `$ref` (`#/$defs/x`) resolves within the root schema; anchors (`#name`) are left to Ajv. */
function resolvesLocally(root: unknown, ref: string): boolean {
  if (!ref.startsWith('#/') && ref !== '#') return true;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return false;
  }
  let node: unknown = root;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/** All problems of `schema` under the options and formats of `ajv`; empty when it will compile. */
export function collectSchemaIssues(ajv: AjvCore, schema: unknown): Issue[] {
  if (!isSchemaObject(schema)) {
    return [issue(SCHEMA_POINTER, '应为 JSON Schema 对象', 'must be a JSON Schema object')];
  }
  const meta = metaSchemaIssues(schema);
  if (meta.length > 0) return meta; // the walk below assumes the keywords have the right shapes

  // A nested `$id` starts a new base for `#/…` refs beneath it; then we leave ref resolution to Ajv.
  let nestedIds = false;
  walkSchema(schema, SCHEMA_POINTER, (node, at) => {
    if (at !== SCHEMA_POINTER && typeof node.$id === 'string') nestedIds = true;
  });

  const issues: Issue[] = [];
  walkSchema(schema, SCHEMA_POINTER, (node, at) => {
    for (const keyword of Object.keys(node)) {
      if (!ajv.RULES.keywords[keyword]) {
        issues.push(issue(joinPointer(at, keyword), `未知的关键字 "${keyword}"`, `unknown keyword "${keyword}"`));
      }
    }
    const { format, pattern, patternProperties, properties, $ref } = node;
    if (typeof format === 'string' && !Object.prototype.hasOwnProperty.call(ajv.formats, format)) {
      issues.push(issue(joinPointer(at, 'format'), `未知的格式 "${format}"`, `unknown format "${format}"`));
    }
    if (typeof pattern === 'string') {
      const refused = checkPattern(pattern, joinPointer(at, 'pattern'));
      if (refused) issues.push(refused);
    }
    if (isSchemaObject(patternProperties)) {
      for (const key of Object.keys(patternProperties)) {
        const refused = checkPattern(key, joinPointer(joinPointer(at, 'patternProperties'), key));
        if (refused) issues.push(refused);
      }
    }
    // Ajv skips a property named __proto__ entirely, so such a field would never be validated.
    if (isSchemaObject(properties) && Object.prototype.hasOwnProperty.call(properties, '__proto__')) {
      issues.push(
        issue(
          joinPointer(joinPointer(at, 'properties'), '__proto__'),
          '属性名 "__proto__" 不可使用（校验器无法校验该属性）',
          'property name "__proto__" is not allowed (it could never be validated)',
        ),
      );
    }
    // A form is self-contained: nothing is fetched, so a reference must stay inside this schema.
    if (typeof $ref === 'string' && !$ref.startsWith('#')) {
      const zh = `只能引用本结构内的位置（#/…），不支持 "${$ref}"`;
      issues.push(issue(joinPointer(at, '$ref'), zh, `only references within this schema (#/…) are supported, not "${$ref}"`));
    } else if (typeof $ref === 'string' && !nestedIds && !resolvesLocally(schema, $ref)) {
      const zh = `引用 "${$ref}" 指向不存在的位置`;
      issues.push(issue(joinPointer(at, '$ref'), zh, `reference "${$ref}" points nowhere`));
    }
  });
  return issues;
}

/** A compile failure the checks above did not foresee, as one issue (Ajv's text is English only). */
export function compileFailureIssue(error: unknown): Issue {
  const text = error instanceof Error ? error.message : String(error);
  return issue(SCHEMA_POINTER, `无法编译：${text}`, `cannot be compiled: ${text}`);
}
