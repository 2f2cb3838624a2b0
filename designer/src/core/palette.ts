/**
 * The palette: every field kind @nongan/forms renders, with a starting schema + presentation that
 * already passes validateDefinition (options with a matching enum, the documented shapes of
 * dateRange / attachments / signature, a compute rule for `computed`), and the layout containers.
 */
import type { FieldKind, FieldSpec, FieldRules, JsonSchema, LayoutNode, LocalText } from '@nongan/forms';
import { FIELD_KINDS } from '@nongan/forms';

const t = (zh: string, en: string): LocalText => ({ zh, en });

export interface PaletteItem {
  kind: FieldKind;
  label: LocalText;
}

export const PALETTE_FIELDS: readonly PaletteItem[] = [
  { kind: 'text', label: t('单行文本', 'Text') },
  { kind: 'textarea', label: t('多行文本', 'Long text') },
  { kind: 'number', label: t('数字', 'Number') },
  { kind: 'integer', label: t('整数', 'Integer') },
  { kind: 'select', label: t('下拉选择', 'Select') },
  { kind: 'radio', label: t('单选', 'Radio buttons') },
  { kind: 'checkboxes', label: t('多选', 'Checkboxes') },
  { kind: 'switch', label: t('开关', 'Switch') },
  { kind: 'date', label: t('日期', 'Date') },
  { kind: 'dateRange', label: t('日期区间', 'Date range') },
  { kind: 'division', label: t('行政区划', 'Administrative division') },
  { kind: 'attachments', label: t('附件', 'Attachments') },
  { kind: 'signature', label: t('签名', 'Signature') },
  { kind: 'rows', label: t('明细表', 'Table rows') },
  { kind: 'computed', label: t('计算字段', 'Computed') },
];

export type ContainerType = 'section' | 'columns' | 'tabs' | 'steps';

export const PALETTE_CONTAINERS: ReadonlyArray<{ type: ContainerType; label: LocalText }> = [
  { type: 'section', label: t('分区', 'Section') },
  { type: 'columns', label: t('分栏', 'Columns') },
  { type: 'tabs', label: t('标签页', 'Tabs') },
  { type: 'steps', label: t('分步', 'Steps') },
];

const fileRef = {
  type: 'object',
  required: ['id', 'name', 'type', 'size'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' } },
};

const twoOptions = () => [
  { value: 'option1', label: t('选项一', 'Option 1') },
  { value: 'option2', label: t('选项二', 'Option 2') },
];

export interface FieldTemplate {
  schema: JsonSchema;
  field: FieldSpec;
  rules?: FieldRules;
}

/** A fresh, valid field of `kind`, labelled with the palette name. */
export function fieldTemplate(kind: FieldKind): FieldTemplate {
  if (!(FIELD_KINDS as readonly string[]).includes(kind)) {
    throw new TypeError(`未知的控件类型 "${String(kind)}" / unknown field kind "${String(kind)}"`);
  }
  const label = { ...PALETTE_FIELDS.find((p) => p.kind === kind)!.label };
  const field: FieldSpec = { kind, label };
  switch (kind) {
    case 'text':
    case 'textarea':
    case 'signature':
      return { schema: { type: 'string' }, field };
    case 'number':
      return { schema: { type: 'number' }, field };
    case 'integer':
      return { schema: { type: 'integer' }, field };
    case 'select':
    case 'radio':
      return { schema: { type: 'string', enum: ['option1', 'option2'] }, field: { ...field, options: twoOptions() } };
    case 'checkboxes':
      return { schema: { type: 'array', items: { type: 'string', enum: ['option1', 'option2'] }, uniqueItems: true }, field: { ...field, options: twoOptions() } };
    case 'switch':
      return { schema: { type: 'boolean' }, field };
    case 'date':
      return { schema: { type: 'string', format: 'date' }, field };
    case 'dateRange':
      return {
        schema: { type: 'object', properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } }, additionalProperties: false },
        field,
      };
    case 'division':
      return { schema: { type: 'string', format: 'cn-division' }, field: { ...field, divisionLevel: 'county' } };
    case 'attachments':
      return { schema: { type: 'array', items: fileRef, maxItems: 5 }, field: { ...field, accept: ['image/*', 'application/pdf'], maxFiles: 5 } };
    case 'rows':
      return {
        schema: { type: 'array', items: { type: 'object', properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 0 } } } },
        field: { ...field, columns: { item: { kind: 'text', label: t('项目', 'Item') }, quantity: { kind: 'integer', label: t('数量', 'Quantity') } } },
      };
    case 'computed':
      return { schema: { type: 'number' }, field, rules: { compute: 0 } };
  }
}

export function containerTemplate(type: ContainerType): LayoutNode {
  switch (type) {
    case 'section':
      return { type: 'section', title: t('新分区', 'New section'), children: [] };
    case 'columns':
      return { type: 'columns', columns: 2, children: [] };
    case 'tabs':
      return { type: 'tabs', tabs: [{ title: t('标签一', 'Tab 1'), children: [] }, { title: t('标签二', 'Tab 2'), children: [] }] };
    case 'steps':
      return { type: 'steps', steps: [{ title: t('第一步', 'Step 1'), children: [] }, { title: t('第二步', 'Step 2'), children: [] }] };
  }
}

/** Field keys become JsonLogic `var` paths and data property names: letters, digits, `_`. */
export const FIELD_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function keyProblem(key: string, existing: Record<string, unknown>): { zh: string; en: string } | null {
  if (!FIELD_KEY_PATTERN.test(key)) return t('字段键须以字母或下划线开头，只含字母、数字、下划线（最多 64 个）', 'a field key starts with a letter or _ and has only letters, digits and _ (at most 64)');
  if (RESERVED.has(key)) return t(`"${key}" 是保留键名`, `"${key}" is a reserved key`);
  if (Object.hasOwn(existing, key)) return t(`字段键 "${key}" 已存在`, `field key "${key}" already exists`);
  return null;
}

/** The first free `kindN` key. */
export function newFieldKey(kind: FieldKind, existing: Record<string, unknown>): string {
  for (let n = 1; ; n++) {
    const key = `${kind}${n}`;
    if (!Object.hasOwn(existing, key)) return key;
  }
}
