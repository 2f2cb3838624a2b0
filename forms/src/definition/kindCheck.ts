/**
 * Kind ↔ schema compatibility: a field's widget must be able to produce exactly the data its
 * property schema describes (an integer stepper for `type: integer`, a multi-select for an array of
 * enum values…). Also refuses widget settings that belong to another kind (options on a text
 * field), which are almost always a designer mistake. Shapes of dateRange / attachments /
 * signature are documented in kindShapes.ts.
 */
import type { FieldKind, FieldSpec, Issue, JsonSchema } from './types.js';
import { issue, isPlainObject, pointer, q } from './issues.js';
import { derefObject, deref, effectiveTypes, jsonTypeOf, typeAdmits, type JsonType } from './schemaRefs.js';
import { checkDateRange, checkFileRef, checkSignature } from './kindShapes.js';

export interface KindContext {
  root: JsonSchema;
  /** Pointer of the FieldSpec (`/fields/herd` or `/fields/herd/columns/count`). */
  fieldPath: string;
  /** Pointer of the property schema (`/schema/properties/herd`). */
  schemaPath: string;
  /** Top-level fields only: whether `rules[key].compute` exists. Undefined inside rows columns. */
  hasCompute?: boolean;
}

const SCALAR: JsonType[] = ['string', 'number', 'integer', 'boolean'];
const CHOICE_KINDS: FieldKind[] = ['select', 'radio', 'checkboxes'];

/** Which kinds may carry which kind-specific settings. */
const SETTING_KINDS: Partial<Record<keyof FieldSpec, FieldKind[]>> = {
  options: CHOICE_KINDS,
  optionsFrom: CHOICE_KINDS,
  columns: ['rows'],
  divisionLevel: ['division'],
  accept: ['attachments', 'signature'],
  maxFiles: ['attachments'],
  maxFileBytes: ['attachments', 'signature'],
};

/** Type(s) each plain kind needs; `null` is always admitted in addition (a cleared input). */
const KIND_TYPES: Partial<Record<FieldKind, JsonType[]>> = {
  text: ['string'],
  textarea: ['string'],
  number: ['number', 'integer'],
  integer: ['integer'],
  select: SCALAR,
  radio: SCALAR,
  checkboxes: ['array'],
  switch: ['boolean'],
  date: ['string'],
  division: ['string'],
  attachments: ['array'],
  rows: ['array'],
};

export function checkFieldKind(spec: FieldSpec, propertySchema: unknown, ctx: KindContext): Issue[] {
  const issues: Issue[] = [];
  for (const [setting, kinds] of Object.entries(SETTING_KINDS)) {
    if (setting in spec && !kinds.includes(spec.kind)) {
      issues.push(
        issue(pointer(ctx.fieldPath, setting), `"${setting}" does not apply to kind "${spec.kind}" (only ${kinds.join(', ')})`, `"${setting}" 不适用于控件类型 "${spec.kind}"（仅限 ${kinds.join('、')}）`),
      );
    }
  }
  const resolved = deref(ctx.root, propertySchema);
  if (!isPlainObject(resolved)) {
    issues.push(issue(ctx.schemaPath, 'property schema must be an object schema (not true/false)', '属性模式必须是对象模式（不能是 true/false）'));
    return issues;
  }
  const s = resolved;
  const wanted = KIND_TYPES[spec.kind];
  if (wanted) {
    const problem = typeProblem(spec.kind, s, wanted, ctx.schemaPath);
    if (problem) return [...issues, problem]; // the rest of the kind check assumes the type is right
  }
  switch (spec.kind) {
    case 'select':
    case 'radio':
      issues.push(...checkOptions(spec, s, ctx.fieldPath, ctx.schemaPath));
      break;
    case 'checkboxes': {
      const items = derefObject(ctx.root, s.items);
      const itemsPath = pointer(ctx.schemaPath, 'items');
      const problem = typeProblem('checkboxes item', items, SCALAR, itemsPath);
      if (problem) issues.push(problem);
      else issues.push(...checkOptions(spec, items, ctx.fieldPath, itemsPath));
      break;
    }
    case 'date':
      if (s.format !== 'date') {
        issues.push(issue(pointer(ctx.schemaPath, 'format'), 'kind "date" needs format "date"', '控件类型 "date" 需要 format 为 "date"'));
      }
      break;
    case 'dateRange':
      issues.push(...checkDateRange(ctx.root, s, ctx.schemaPath));
      break;
    case 'attachments':
      issues.push(...checkFileRef(ctx.root, derefObject(ctx.root, s.items), pointer(ctx.schemaPath, 'items'), 'attachments items', '附件项'));
      break;
    case 'signature':
      issues.push(...checkSignature(ctx.root, s, ctx.schemaPath));
      break;
    case 'rows':
      issues.push(...checkRows(spec, s, ctx));
      break;
    case 'computed':
      if (ctx.hasCompute === undefined) {
        issues.push(issue(pointer(ctx.fieldPath, 'kind'), 'computed columns are not supported: rules apply to top-level fields', '不支持计算列：规则只作用于顶层字段'));
      } else if (!ctx.hasCompute) {
        issues.push(issue(pointer(ctx.fieldPath, 'kind'), 'kind "computed" needs rules[field].compute', '控件类型 "computed" 需要 rules[字段].compute'));
      }
      break;
  }
  return issues;
}

function typeProblem(kind: string, s: JsonSchema, wanted: JsonType[], path: string): Issue | undefined {
  const types = effectiveTypes(s)?.filter((t) => t !== 'null');
  const ok = types && types.length > 0 && types.every((t) => wanted.includes(t));
  if (ok) return undefined;
  const has = types?.length ? types.join(' | ') : 'none';
  return issue(
    pointer(path, 'type'),
    `kind "${kind}" needs schema type ${wanted.join(' | ')}, but the schema has type ${has}`,
    `控件类型 "${kind}" 需要数据类型 ${wanted.join(' | ')}，但模式的类型为 ${has === 'none' ? '未声明' : has}`,
  );
}

/** select / radio / checkboxes: options and the schema enum list the same values. */
function checkOptions(spec: FieldSpec, s: JsonSchema, fieldPath: string, enumOwnerPath: string): Issue[] {
  const issues: Issue[] = [];
  if (!spec.options) {
    if (!spec.optionsFrom) {
      issues.push(issue(fieldPath, `kind "${spec.kind}" needs "options" or "optionsFrom"`, `控件类型 "${spec.kind}" 需要 "options" 或 "optionsFrom"`));
    }
    return issues;
  }
  const types = effectiveTypes(s) ?? [];
  const seen = new Set<unknown>();
  spec.options.forEach((option, i) => {
    const path = pointer(fieldPath, 'options', i, 'value');
    if (seen.has(option.value)) issues.push(issue(path, `duplicate option value ${q(option.value)}`, `选项值重复 ${q(option.value)}`));
    seen.add(option.value);
    if (!types.some((t) => typeAdmits(t, jsonTypeOf(option.value)))) {
      issues.push(issue(path, `option value ${q(option.value)} does not match schema type ${types.join(' | ')}`, `选项值 ${q(option.value)} 与模式类型 ${types.join(' | ')} 不符`));
    }
  });
  if (!Array.isArray(s.enum)) {
    issues.push(issue(pointer(enumOwnerPath, 'enum'), 'options need a schema "enum" listing the same values', '有选项时模式需要列出相同取值的 "enum"'));
    return issues;
  }
  const enumValues = s.enum;
  spec.options.forEach((option, i) => {
    if (!enumValues.includes(option.value)) {
      issues.push(issue(pointer(fieldPath, 'options', i, 'value'), `option value ${q(option.value)} is not in the schema enum`, `选项值 ${q(option.value)} 不在模式 enum 中`));
    }
  });
  enumValues.forEach((value, i) => {
    if (!seen.has(value)) {
      issues.push(issue(pointer(enumOwnerPath, 'enum', i), `enum value ${q(value)} has no option`, `enum 值 ${q(value)} 没有对应选项`));
    }
  });
  return issues;
}

/** rows: array of objects; one column per item property and one item property per column. */
function checkRows(spec: FieldSpec, s: JsonSchema, ctx: KindContext): Issue[] {
  const itemsPath = pointer(ctx.schemaPath, 'items');
  const items = deref(ctx.root, s.items);
  const types = isPlainObject(items) ? effectiveTypes(items) : undefined;
  if (!isPlainObject(items) || types?.length !== 1 || types[0] !== 'object' || !isPlainObject(items.properties)) {
    return [issue(itemsPath, 'kind "rows" needs items of type object with properties', '控件类型 "rows" 需要 items 为带 properties 的对象类型')];
  }
  const columns = spec.columns ?? {};
  const issues: Issue[] = [];
  for (const [name, propSchema] of Object.entries(items.properties)) {
    const column = columns[name];
    const schemaPath = pointer(itemsPath, 'properties', name);
    if (!column) {
      issues.push(issue(pointer(ctx.fieldPath, 'columns', name), `item property ${q(name)} has no column`, `行项属性 ${q(name)} 没有对应列`));
      continue;
    }
    issues.push(...checkFieldKind(column, propSchema, { root: ctx.root, fieldPath: pointer(ctx.fieldPath, 'columns', name), schemaPath }));
  }
  for (const name of Object.keys(columns)) {
    if (!(name in items.properties)) {
      issues.push(issue(pointer(ctx.fieldPath, 'columns', name), `column ${q(name)} has no item property in the schema`, `列 ${q(name)} 在模式中没有对应的行项属性`));
    }
  }
  return issues;
}
