/**
 * Moving a variant onto a new version of its base. Nothing is dropped or rewritten: the returned
 * variant keeps every overlay entry (conflicting ones too) and only points at the new base; each
 * entry the new base breaks is listed as a conflict for a person to settle. Kinds:
 * removed (field gone), retyped (kind or data type changed), constraint (tightening overtaken or
 * no longer applicable, options no longer valid), added-exists (the base now has the added key).
 */
import type { FieldSpec, FormDefinition, Issue, JsonSchema } from '../definition/types.js';
import { checkValues } from '../definition/ajv.js';
import { issue, pointer, q } from '../definition/issues.js';
import { derefObject, effectiveTypes } from '../definition/schemaRefs.js';
import { checkTightening } from './constraints.js';
import { expressionFields } from './exprVars.js';
import type { ConflictKind, FormVariant } from './types.js';
import { VariantError } from './variantError.js';
import { checkVariantShape } from './variantSchema.js';

export type RebaseConflict = Issue & { field: string; kind: ConflictKind };

export interface RebaseResult {
  variant: FormVariant;
  conflicts: RebaseConflict[];
}

const has = (obj: object | undefined, key: string) => obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);

export function rebaseVariant(variant: FormVariant, oldBase: FormDefinition, newBase: FormDefinition): RebaseResult {
  const shape = checkVariantShape(variant);
  if (shape.length) throw new VariantError(shape, '区域变体格式有误', 'Malformed regional variant');
  if (variant.base.id !== oldBase.id || variant.base.version !== oldBase.version || newBase.id !== oldBase.id) {
    const at = `${variant.base.id}@${variant.base.version}`;
    throw new VariantError(
      [issue('/base', `variant is based on ${at}; expected old base ${oldBase.id}@${oldBase.version} and a new version of the same form (got ${newBase.id})`, `变体基于 ${at}；旧基础表单应为 ${oldBase.id}@${oldBase.version}，新基础表单应为同一表单的新版本（实际为 ${newBase.id}）`)],
      '无法变基区域变体',
      'Cannot rebase regional variant',
    );
  }
  const conflicts: RebaseConflict[] = [];
  const o = variant.overlay;
  const added = new Set(Object.keys(o.add ?? {}));
  const report = (field: string, kind: ConflictKind, path: string, message: string, messageZh: string) =>
    conflicts.push({ path, message, messageZh, field, kind });

  /** removed / retyped for an entry touching a base field; true when the field is still comparable. */
  const touch = (field: string, path: string, what: string, whatZh: string): boolean => {
    if (added.has(field) || !has(oldBase.fields, field)) return false; // not a base field: nothing to compare
    if (!has(newBase.fields, field)) {
      report(field, 'removed', path, `${what} touches ${q(field)}, which the new base removed`, `${whatZh}涉及的字段 ${q(field)} 已在新版基础表单中删除`);
      return false;
    }
    const before = signature(oldBase, field);
    const after = signature(newBase, field);
    if (before !== after) {
      report(field, 'retyped', path, `${what} touches ${q(field)}, retyped by the new base (${before} → ${after})`, `${whatZh}涉及的字段 ${q(field)} 在新版基础表单中类型已变（${before} → ${after}）`);
      return false;
    }
    return true;
  };

  (o.hide ?? []).forEach((field, i) => touch(field, pointer('/overlay/hide', i), 'hide', '隐藏'));
  for (const field of Object.keys(o.relabel ?? {})) touch(field, pointer('/overlay/relabel', field), 'relabel', '改名');
  (o.move ?? []).forEach((m, i) => {
    touch(m.field, pointer('/overlay/move', i, 'field'), 'move', '移动');
    touch(m.after, pointer('/overlay/move', i, 'after'), 'move', '移动');
  });
  for (const [field, entry] of Object.entries(o.add ?? {})) {
    const path = pointer('/overlay/add', field);
    if (has(newBase.fields, field)) {
      report(field, 'added-exists', path, `added field ${q(field)} now exists in the new base`, `新增字段 ${q(field)} 已存在于新版基础表单`);
    }
    if (entry.after !== undefined) touch(entry.after, pointer(path, 'after'), `add ${field} after`, `新增字段 ${field} 的位置`);
  }
  for (const [field, t] of Object.entries(o.tighten ?? {})) {
    const path = pointer('/overlay/tighten', field);
    if (!touch(field, path, 'tighten', '收紧')) continue;
    for (const p of checkTightening(propertyOf(newBase, field), t, 'new base')) {
      report(field, 'constraint', pointer(path, p.key), p.message, p.messageZh);
    }
  }
  for (const [field, options] of Object.entries(o.options ?? {})) {
    const path = pointer('/overlay/options', field);
    if (!touch(field, path, 'options', '选项')) continue;
    const spec = newBase.fields[field]!;
    const target = spec.kind === 'checkboxes' ? derefObject(newBase.schema, propertyOf(newBase, field).items) : propertyOf(newBase, field);
    const { enum: _e, ...withoutEnum } = target;
    const verdicts = checkValues(options.map((o) => o.value), withoutEnum, newBase.schema);
    options.forEach((option, i) => {
      if (verdicts?.[i] !== true) {
        report(field, 'constraint', pointer(path, i, 'value'), `option value ${q(option.value)} is not valid for the new base's schema`, `选项值 ${q(option.value)} 不符合新版基础表单的数据模式`);
      }
    });
  }
  for (const [field, rules] of Object.entries(o.rules ?? {})) {
    const path = pointer('/overlay/rules', field);
    touch(field, path, 'rules', '规则');
    for (const name of expressionFields(rules)) {
      if (has(oldBase.fields, name) && !has(newBase.fields, name) && !added.has(name)) {
        report(name, 'removed', path, `rules of ${q(field)} read ${q(name)}, which the new base removed`, `字段 ${q(field)} 的规则读取了 ${q(name)}，该字段已在新版基础表单中删除`);
      }
    }
  }
  const rebased: FormVariant = JSON.parse(JSON.stringify(variant)) as FormVariant;
  rebased.base = { id: newBase.id, version: newBase.version };
  return { variant: rebased, conflicts };
}

function propertyOf(definition: FormDefinition, field: string): JsonSchema {
  return derefObject(definition.schema, (definition.schema.properties as Record<string, unknown>)[field]);
}

/** What a field is, for "retyped": its kind plus the data type (and item type for arrays). */
function signature(definition: FormDefinition, field: string): string {
  const spec = definition.fields[field] as FieldSpec;
  const s = propertyOf(definition, field);
  const types = (effectiveTypes(s) ?? ['any']).slice().sort().join('|');
  const items = types.includes('array') ? `<${(effectiveTypes(derefObject(definition.schema, s.items)) ?? ['any']).sort().join('|')}>` : '';
  return `${spec.kind}:${types}${items}`;
}
