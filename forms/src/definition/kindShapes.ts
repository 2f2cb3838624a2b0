/**
 * The data shapes of the structured field kinds, chosen once here and documented:
 *
 * - dateRange: an OBJECT `{ start: 'YYYY-MM-DD', end: 'YYYY-MM-DD' }` — `type: object` whose
 *   properties `start` and `end` are `type: string, format: date` and that declares no other
 *   property. Named keys (not a 2-tuple) give readable error pointers (`/breedingPeriod/end`),
 *   readable JsonLogic (`{ var: 'breedingPeriod.start' }`) and comparable contracts. Whether both
 *   ends are required is up to the schema's `required`.
 * - attachments: an ARRAY of file references `{ id, name, type, size }` — `type: array` whose
 *   `items` is `type: object` with `id`, `name`, `type` (MIME) as strings and `size` (bytes) as
 *   integer/number, all four required. Files themselves live in the host's file store; the form
 *   data only carries references, so drafts and journal entries stay small.
 * - signature: EITHER a string (a `data:image/...` URL for a drawn signature) OR one file
 *   reference object of the same shape as an attachment item (an uploaded, e.g. scanned, seal).
 */
import type { Issue, JsonSchema } from './types.js';
import { issue, isPlainObject, pointer } from './issues.js';
import { derefObject, effectiveTypes } from './schemaRefs.js';

export const FILE_REF_KEYS = ['id', 'name', 'type', 'size'] as const;

/** Issues when `schema` (already dereferenced) is not a file-reference object schema. */
export function checkFileRef(root: JsonSchema, schema: JsonSchema, path: string, what: string, whatZh: string): Issue[] {
  const issues: Issue[] = [];
  const types = effectiveTypes(schema);
  if (!types || types.length !== 1 || types[0] !== 'object') {
    return [issue(path, `${what} must be an object schema {id, name, type, size}`, `${whatZh}必须是对象模式 {id, name, type, size}`)];
  }
  const props = isPlainObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of FILE_REF_KEYS) {
    const prop = derefObject(root, props[key]);
    const t = effectiveTypes(prop);
    const ok = key === 'size' ? t?.every((x) => x === 'integer' || x === 'number') : t?.every((x) => x === 'string');
    if (!(key in props) || !ok || !t) {
      const want = key === 'size' ? 'integer' : 'string';
      issues.push(
        issue(pointer(path, 'properties', key), `${what}: property "${key}" must be declared with type ${want}`, `${whatZh}：必须声明类型为 ${want} 的属性 "${key}"`),
      );
    }
    if (!required.includes(key)) {
      issues.push(issue(pointer(path, 'required'), `${what}: "${key}" must be required`, `${whatZh}："${key}" 必须为必填`));
    }
  }
  return issues;
}

/** dateRange: `{ start, end }` date strings, nothing else declared. */
export function checkDateRange(root: JsonSchema, schema: JsonSchema, path: string): Issue[] {
  const types = effectiveTypes(schema);
  const shape = 'dateRange needs type object with properties start and end (type string, format date)';
  const shapeZh = '日期区间需要对象类型，包含 start 与 end 属性（字符串，format 为 date）';
  if (!types || types.length !== 1 || types[0] !== 'object' || !isPlainObject(schema.properties)) {
    return [issue(path, shape, shapeZh)];
  }
  const issues: Issue[] = [];
  for (const key of ['start', 'end']) {
    const prop = derefObject(root, schema.properties[key]);
    const t = effectiveTypes(prop);
    if (!(key in schema.properties) || t?.length !== 1 || t[0] !== 'string' || prop.format !== 'date') {
      issues.push(issue(pointer(path, 'properties', key), `${shape}: "${key}" is missing or not a date string`, `${shapeZh}："${key}" 缺失或不是日期字符串`));
    }
  }
  for (const key of Object.keys(schema.properties)) {
    if (key !== 'start' && key !== 'end') {
      issues.push(issue(pointer(path, 'properties', key), `dateRange declares only start and end, not "${key}"`, `日期区间只包含 start 和 end，不能有 "${key}"`));
    }
  }
  return issues;
}

/** signature: a string (data URL) or a single file reference object. */
export function checkSignature(root: JsonSchema, schema: JsonSchema, path: string): Issue[] {
  const types = effectiveTypes(schema);
  if (types?.length === 1 && types[0] === 'string') return [];
  if (types?.length === 1 && types[0] === 'object') return checkFileRef(root, schema, path, 'signature', '签名');
  return [
    issue(
      path,
      'signature needs type string (data URL) or a file reference object {id, name, type, size}',
      '签名需要字符串类型（data URL）或文件引用对象 {id, name, type, size}',
    ),
  ];
}
