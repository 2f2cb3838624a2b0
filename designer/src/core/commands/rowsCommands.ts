/**
 * The columns of a `rows` field (a table of items): each column is presentation (`field.columns`)
 * plus the item schema's property, kept in step. A column whose key and kind stay keeps its item
 * schema (and constraints); a removed column leaves the item schema and its `required`.
 */
import type { FieldSpec, JsonSchema, LocalText } from '@nongan/forms';
import { FIELD_KEY_PATTERN } from '../palette.js';
import { DesignerError, type Command } from '../types.js';
import { edit, requireField, withField } from './edit.js';
import { properties } from './fieldCommands.js';

export const ROW_COLUMN_KINDS = ['text', 'integer', 'number', 'date', 'switch'] as const;
export type RowColumnKind = (typeof ROW_COLUMN_KINDS)[number];

export interface RowColumn {
  key: string;
  kind: RowColumnKind;
  label: LocalText;
}

const ITEM_SCHEMA: Record<RowColumnKind, JsonSchema> = {
  text: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  switch: { type: 'boolean' },
};

export function setRowColumns(key: string, columns: RowColumn[]): Command {
  return edit('rows.columns', { zh: '修改明细表列', en: 'Edit table columns' }, (state) => {
    requireField(state, key);
    const spec = state.definition.fields[key]!;
    if (spec.kind !== 'rows') throw new DesignerError(`字段 "${key}" 不是明细表`, `field "${key}" is not a table (rows)`);
    if (!Array.isArray(columns) || columns.length === 0) throw new DesignerError('明细表至少需要一列', 'a table needs at least one column');
    const seen = new Set<string>();
    for (const c of columns) {
      if (!FIELD_KEY_PATTERN.test(c.key) || c.key === '__proto__' || c.key === 'constructor' || c.key === 'prototype') {
        throw new DesignerError(`列键 "${c.key}" 无效（字母或下划线开头，只含字母、数字、下划线）`, `invalid column key "${c.key}" (a letter or _ first, then letters, digits, _)`);
      }
      if (seen.has(c.key)) throw new DesignerError(`列键 "${c.key}" 重复`, `duplicate column key "${c.key}"`);
      if (!(ROW_COLUMN_KINDS as readonly string[]).includes(c.kind)) throw new DesignerError(`不支持的列类型 "${c.kind}"`, `unsupported column kind "${c.kind}"`);
      if (typeof c.label?.zh !== 'string' || typeof c.label?.en !== 'string') throw new DesignerError('列标题需要中文和英文', 'a column title needs Chinese and English');
      seen.add(c.key);
    }
    const property = properties(state)[key]!;
    const items = (property.items ?? { type: 'object' }) as JsonSchema;
    const oldProps = (items.properties ?? {}) as Record<string, JsonSchema>;
    const oldColumns = spec.columns ?? {};
    const itemProps: Record<string, JsonSchema> = {};
    const specColumns: Record<string, FieldSpec> = {};
    for (const c of columns) {
      const same = oldColumns[c.key]?.kind === c.kind && oldProps[c.key] !== undefined;
      itemProps[c.key] = same ? oldProps[c.key]! : ITEM_SCHEMA[c.kind];
      specColumns[c.key] = same ? { ...oldColumns[c.key]!, label: c.label } : { kind: c.kind, label: c.label };
    }
    const required = Array.isArray(items.required) ? (items.required as string[]).filter((k) => seen.has(k)) : [];
    const { required: _r, ...itemRest } = items;
    const nextItems: JsonSchema = { ...itemRest, type: 'object', properties: itemProps, ...(required.length ? { required } : {}) };
    const def = state.definition;
    return {
      ...state,
      definition: {
        ...def,
        schema: { ...def.schema, properties: withField(properties(state), key, { ...property, items: nextItems }) },
        fields: withField(def.fields, key, { ...spec, columns: specColumns }),
      },
    };
  });
}
