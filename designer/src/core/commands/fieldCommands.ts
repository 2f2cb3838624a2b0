/**
 * Commands on fields: add from the palette, remove, update presentation, update constraints,
 * required, title. Each keeps `schema.properties`, `fields`, `rules` and `layout` in step so the
 * result stays a definition @nongan/forms accepts.
 */
import { checkPattern, type FieldKind, type FieldOption, type FieldSpec, type JsonSchema, type LocalText } from '@nongan/forms';
import { fieldTemplate, keyProblem, newFieldKey } from '../palette.js';
import { findField, insertNode, removeNode } from '../layoutTree.js';
import { DesignerError, type Command, type DesignerState } from '../types.js';
import { edit, requireField, withField, without } from './edit.js';

const t = (zh: string, en: string): LocalText => ({ zh, en });

export function properties(state: DesignerState): Record<string, JsonSchema> {
  return (state.definition.schema.properties ?? {}) as Record<string, JsonSchema>;
}

export function requiredList(state: DesignerState): string[] {
  const required = state.definition.schema.required;
  return Array.isArray(required) ? (required as string[]) : [];
}

export interface AddFieldArgs {
  kind: FieldKind;
  /** Child list pointer (`/layout/children`); index in that list (default: the end). */
  list: string;
  index?: number;
  /** Default: the first free `kindN`. */
  key?: string;
}

export function addField(args: AddFieldArgs): Command {
  return edit('field.add', t('添加字段', 'Add field'), (state) => {
    const def = state.definition;
    const key = args.key ?? newFieldKey(args.kind, def.fields);
    const problem = keyProblem(key, def.fields);
    if (problem) throw new DesignerError(problem.zh, problem.en);
    const template = fieldTemplate(args.kind);
    const layout = insertNode(def.layout, args.list, args.index ?? Number.MAX_SAFE_INTEGER, { type: 'field', field: key });
    const schema = { ...def.schema, properties: withField(properties(state), key, template.schema) };
    const rules = template.rules ? withField(def.rules ?? {}, key, template.rules) : def.rules;
    return {
      ...state,
      selection: key,
      definition: { ...def, schema, fields: withField(def.fields, key, template.field), layout, ...(rules ? { rules } : {}) },
    };
  });
}

export function removeField(key: string): Command {
  return edit('field.remove', t('删除字段', 'Remove field'), (state) => {
    requireField(state, key);
    const def = state.definition;
    const placed = findField(def.layout, key);
    const required = requiredList(state);
    const { required: _r, ...schemaRest } = def.schema;
    const remaining = required.filter((k) => k !== key);
    const schema = { ...schemaRest, properties: without(properties(state), key), ...(remaining.length ? { required: remaining } : {}) };
    const next = { ...def, schema, fields: without(def.fields, key), layout: placed ? removeNode(def.layout, placed) : def.layout };
    if (def.rules && Object.hasOwn(def.rules, key)) next.rules = without(def.rules, key);
    return { ...state, definition: next, selection: state.selection === key ? null : state.selection };
  });
}

/** Presentation settings; an `undefined` value removes the setting. */
export type FieldPatch = { [K in keyof FieldSpec]?: FieldSpec[K] | undefined };

const CHOICE: ReadonlySet<FieldKind> = new Set(['select', 'radio', 'checkboxes']);

export function updateField(key: string, patch: FieldPatch): Command {
  return edit('field.update', t('修改字段属性', 'Edit field'), (state) => {
    requireField(state, key);
    if ('kind' in patch) throw new DesignerError('不能直接修改控件类型，请删除后重新添加', 'the kind cannot be changed in place; remove and add the field again');
    checkFieldPatch(patch);
    const def = state.definition;
    const spec: Record<string, unknown> = { ...def.fields[key]! };
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) delete spec[name];
      else spec[name] = value;
    }
    let schema = def.schema;
    if (patch.options !== undefined && CHOICE.has(def.fields[key]!.kind)) {
      schema = { ...schema, properties: withField(properties(state), key, withEnum(properties(state)[key]!, def.fields[key]!.kind, patch.options)) };
    }
    return { ...state, definition: { ...def, schema, fields: withField(def.fields, key, spec as unknown as FieldSpec) } };
  });
}

const PATCHABLE = new Set(['label', 'help', 'placeholder', 'unit', 'options', 'optionsFrom', 'divisionLevel', 'accept', 'maxFiles', 'maxFileBytes', 'columns', 'width', 'readOnly']);
const TEXTS = new Set(['label', 'help', 'placeholder', 'unit']);

function checkFieldPatch(patch: FieldPatch): void {
  if (patch === null || typeof patch !== 'object') throw new DesignerError('字段属性修改必须是对象', 'a field patch must be an object');
  for (const [name, value] of Object.entries(patch)) {
    if (!PATCHABLE.has(name)) throw new DesignerError(`不支持的字段属性 "${name}"`, `unsupported field setting "${name}"`);
    if (value === undefined) {
      if (name === 'label') throw new DesignerError('标签不能删除', 'the label cannot be removed');
      continue;
    }
    if (TEXTS.has(name)) {
      const text = value as { zh?: unknown; en?: unknown };
      if (text === null || typeof text !== 'object' || typeof text.zh !== 'string' || typeof text.en !== 'string') {
        throw new DesignerError(`"${name}" 需要中文和英文文本 { zh, en }`, `"${name}" needs Chinese and English text { zh, en }`);
      }
    }
    if ((name === 'width' || name === 'maxFiles' || name === 'maxFileBytes') && !(Number.isInteger(value) && (value as number) >= 1)) {
      throw new DesignerError(`"${name}" 必须是正整数`, `"${name}" must be a positive integer`);
    }
    if (name === 'options' && (!Array.isArray(value) || value.length === 0)) throw new DesignerError('至少需要一个选项', 'at least one option is needed');
  }
}

const NUMERIC_CONSTRAINTS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems']);

/** The options' values become the schema enum (items.enum for checkboxes) so the two never drift. */
function withEnum(property: JsonSchema, kind: FieldKind, options: FieldOption[]): JsonSchema {
  const values = options.map((o) => o.value);
  if (kind === 'checkboxes') return { ...property, items: { ...(property.items as JsonSchema), enum: values } };
  return { ...property, enum: values };
}

/** Schema keywords the property panel edits; anything else is left to JSON import. */
export const CONSTRAINT_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'default', 'format'] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];
export type ConstraintPatch = Partial<Record<ConstraintKey, unknown>>;

export function updateConstraints(key: string, patch: ConstraintPatch): Command {
  return edit('field.constraints', t('修改校验约束', 'Edit constraints'), (state) => {
    requireField(state, key);
    const property: JsonSchema = { ...properties(state)[key]! };
    for (const [name, value] of Object.entries(patch)) {
      if (!(CONSTRAINT_KEYS as readonly string[]).includes(name)) throw new DesignerError(`不支持的约束 "${name}"`, `unsupported constraint "${name}"`);
      if (value !== undefined && NUMERIC_CONSTRAINTS.has(name) && (typeof value !== 'number' || !Number.isFinite(value) || (/Length|Items/.test(name) && (!Number.isInteger(value) || value < 0)))) {
        throw new DesignerError(`约束 "${name}" 必须是${/Length|Items/.test(name) ? '非负整数' : '有限数值'}`, `constraint "${name}" must be ${/Length|Items/.test(name) ? 'a non-negative integer' : 'a finite number'}`);
      }
      if (name === 'pattern' && typeof value === 'string') {
        const problem = checkPattern(value, `/schema/properties/${key}/pattern`);
        if (problem) throw new DesignerError(problem.messageZh, problem.message, [problem]);
      }
      if (value === undefined) delete property[name];
      else property[name] = value;
    }
    const def = state.definition;
    return { ...state, definition: { ...def, schema: { ...def.schema, properties: withField(properties(state), key, property) } } };
  });
}

export function setRequired(key: string, required: boolean): Command {
  return edit('field.required', required ? t('设为必填', 'Make required') : t('取消必填', 'Make optional'), (state) => {
    requireField(state, key);
    const list = requiredList(state).filter((k) => k !== key);
    if (required) list.push(key);
    const { required: _r, ...rest } = state.definition.schema;
    return { ...state, definition: { ...state.definition, schema: list.length ? { ...rest, required: list } : rest } };
  });
}

export function setTitle(title: LocalText): Command {
  return edit('form.title', t('修改表单标题', 'Edit form title'), (state) => ({ ...state, definition: { ...state.definition, title } }));
}

export function setFormMeta(meta: { id?: string; version?: string }): Command {
  return edit('form.meta', t('修改表单编号或版本', 'Edit form id or version'), (state) => {
    for (const [name, value] of Object.entries(meta)) {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
        throw new DesignerError(`表单${name === 'id' ? '编号' : '版本'}不能为空且不超过 100 个字符`, `form ${name} must be 1–100 characters`);
      }
    }
    return { ...state, definition: { ...state.definition, ...meta } };
  });
}
