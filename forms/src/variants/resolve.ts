/**
 * base form + regional overlay → plain FormDefinition + per-field lineage. Order: add → move →
 * relabel → tighten → options → rules → hide, so an added field may be placed after a field the
 * region hides (it takes that field's place). All overlay problems are collected and thrown
 * together as one VariantError; the result must also pass validateDefinition.
 */
import type { FieldKind, FormDefinition, Issue, JsonSchema } from '../definition/types.js';
import { checkValues } from '../definition/ajv.js';
import { issue, isPlainObject, pointer, q } from '../definition/issues.js';
import { derefObject } from '../definition/schemaRefs.js';
import { validateDefinition } from '../definition/validateDefinition.js';
import { checkTightening } from './constraints.js';
import { rulesFields } from './exprVars.js';
import { appendToFirstSection, insertAfter, isPlaced, removeField } from './layoutEdit.js';
import type { FormVariant, Lineage, Overlay, ResolvedVariant } from './types.js';
import { VariantError } from './variantError.js';
import { checkVariantShape } from './variantSchema.js';

const CHOICE: FieldKind[] = ['select', 'radio', 'checkboxes'];
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const has = (obj: object | undefined, key: string) => obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);

export function resolveVariant(base: FormDefinition, variant: FormVariant): ResolvedVariant {
  const shape = checkVariantShape(variant);
  if (shape.length) throw new VariantError(shape, '区域变体格式有误', 'Malformed regional variant');
  if (variant.base.id !== base.id || variant.base.version !== base.version) {
    const want = `${variant.base.id}@${variant.base.version}`;
    const got = `${base.id}@${base.version}`;
    throw new VariantError([issue('/base', `variant is based on ${want}, but the base given is ${got}`, `变体基于 ${want}，但传入的基础表单是 ${got}`)]);
  }
  const r = new Resolution(clone(base), variant.overlay);
  r.apply();
  if (r.issues.length) throw new VariantError(r.issues);

  const definition = r.def;
  definition.id = variant.id;
  definition.version = variant.version;
  const checked = validateDefinition(definition);
  if (!checked.ok) throw new VariantError(checked.issues, '解析后的表单定义无效', 'The resolved definition is invalid');
  return { definition, lineage: r.lineage };
}

class Resolution {
  readonly issues: Issue[] = [];
  readonly lineage: Record<string, Lineage> = {};
  private readonly hidden: Set<string>;
  private readonly props: Record<string, unknown>;

  constructor(readonly def: FormDefinition, private readonly overlay: Overlay) {
    this.props = def.schema.properties as Record<string, unknown>;
    for (const key of Object.keys(def.fields)) this.lineage[key] = 'inherited';
    this.hidden = new Set(overlay.hide ?? []);
  }

  apply(): void {
    const o = this.overlay;
    (o.hide ?? []).forEach((key, i) => {
      if (!has(this.def.fields, key)) this.fail(pointer('/overlay/hide', i), `cannot hide unknown base field ${q(key)}`, `无法隐藏基础表单中不存在的字段 ${q(key)}`);
    });
    this.add();
    (o.move ?? []).forEach((m, i) => this.move(m.field, m.after, pointer('/overlay/move', i)));
    for (const [key, relabel] of Object.entries(o.relabel ?? {})) {
      if (this.target(key, pointer('/overlay/relabel', key))) Object.assign(this.def.fields[key]!, clone(relabel));
    }
    for (const [key, t] of Object.entries(o.tighten ?? {})) this.tighten(key, t);
    for (const [key, options] of Object.entries(o.options ?? {})) this.options(key, options);
    for (const [key, rules] of Object.entries(o.rules ?? {})) {
      if (this.target(key, pointer('/overlay/rules', key))) (this.def.rules ??= {})[key] = clone(rules);
    }
    for (const [state, byRole] of Object.entries(o.access ?? {})) (this.def.access ??= {})[state] = clone(byRole);
    if (o.title) this.def.title = clone(o.title);
    this.hide();
  }

  private fail(path: string, message: string, messageZh: string): void {
    this.issues.push(issue(path, message, messageZh));
  }

  /** An overlay entry may touch a base or added field that is not hidden. Marks base fields overridden. */
  private target(key: string, path: string): boolean {
    if (!has(this.def.fields, key)) {
      this.fail(path, `unknown field ${q(key)}`, `字段 ${q(key)} 不存在`);
      return false;
    }
    if (this.hidden.has(key)) {
      this.fail(path, `field ${q(key)} is hidden by this variant; drop this entry or the hide`, `字段 ${q(key)} 已被本变体隐藏；请删除此项或取消隐藏`);
      return false;
    }
    if (this.lineage[key] === 'inherited') this.lineage[key] = 'overridden';
    return true;
  }

  private add(): void {
    for (const [key, entry] of Object.entries(this.overlay.add ?? {})) {
      const path = pointer('/overlay/add', key);
      if (has(this.def.fields, key)) {
        this.fail(path, `field ${q(key)} already exists in the base; relabel or tighten it instead`, `字段 ${q(key)} 已存在于基础表单；请改用 relabel 或 tighten`);
        continue;
      }
      this.props[key] = clone(entry.schema);
      this.def.fields[key] = clone(entry.field);
      this.lineage[key] = 'added';
      if (entry.required) {
        const required = Array.isArray(this.def.schema.required) ? (this.def.schema.required as string[]) : [];
        this.def.schema.required = [...required, key];
      }
      const node = { type: 'field' as const, field: key };
      if (entry.after === undefined) {
        if (!appendToFirstSection(this.def.layout, node)) this.fail(path, 'the layout has no section to place the field in', '布局中没有可放置该字段的分区');
      } else if (!has(this.def.fields, entry.after)) {
        this.fail(pointer(path, 'after'), `"after" names unknown field ${q(entry.after)}`, `"after" 指向不存在的字段 ${q(entry.after)}`);
      } else if (!insertAfter(this.def.layout, entry.after, node)) {
        this.fail(pointer(path, 'after'), `field ${q(entry.after)} is not placed in the layout (yet)`, `字段 ${q(entry.after)}（尚）未放入布局`);
      }
    }
  }

  private move(field: string, after: string, path: string): void {
    if (!this.target(field, pointer(path, 'field'))) return;
    if (!has(this.def.fields, after)) return this.fail(pointer(path, 'after'), `"after" names unknown field ${q(after)}`, `"after" 指向不存在的字段 ${q(after)}`);
    if (field === after) return this.fail(path, 'a field cannot move after itself', '字段不能移到自身之后');
    if (!isPlaced(this.def.layout, after)) return this.fail(pointer(path, 'after'), `field ${q(after)} is not placed in the layout`, `字段 ${q(after)} 未放入布局`);
    this.def.layout = removeField(this.def.layout, field);
    insertAfter(this.def.layout, after, { type: 'field', field });
  }

  /** The property schema as a private, ref-free object that may be edited in place. */
  private materialize(key: string): JsonSchema {
    const own = clone(derefObject(this.def.schema, this.props[key]));
    this.props[key] = own;
    return own;
  }

  private tighten(key: string, t: NonNullable<Overlay['tighten']>[string]): void {
    const path = pointer('/overlay/tighten', key);
    if (!this.target(key, path)) return;
    const problems = checkTightening(derefObject(this.def.schema, this.props[key]), t);
    for (const p of problems) this.fail(pointer(path, p.key), p.message, p.messageZh);
    if (problems.length) return;
    const own = this.materialize(key);
    for (const [k, v] of Object.entries(t)) if (k !== 'required') own[k] = v;
    const required = Array.isArray(this.def.schema.required) ? (this.def.schema.required as string[]) : [];
    if (t.required && !required.includes(key)) this.def.schema.required = [...required, key];
  }

  private options(key: string, options: NonNullable<Overlay['options']>[string]): void {
    const path = pointer('/overlay/options', key);
    if (!this.target(key, path)) return;
    const spec = this.def.fields[key]!;
    if (!CHOICE.includes(spec.kind)) {
      return this.fail(path, `options apply to select, radio and checkboxes, not "${spec.kind}"`, `选项仅适用于 select、radio、checkboxes，不适用于 "${spec.kind}"`);
    }
    const own = this.materialize(key);
    let enumOwner = own;
    if (spec.kind === 'checkboxes') {
      enumOwner = clone(derefObject(this.def.schema, own.items));
      own.items = enumOwner;
    }
    const { enum: _old, ...withoutEnum } = enumOwner;
    const seen = new Set<unknown>();
    let ok = true;
    const verdicts = checkValues(options.map((o) => o.value), withoutEnum, this.def.schema);
    options.forEach((option, i) => {
      const at = pointer(path, i, 'value');
      const fits = verdicts?.[i];
      if (seen.has(option.value)) {
        ok = false;
        this.fail(at, `duplicate option value ${q(option.value)}`, `选项值重复 ${q(option.value)}`);
      } else if (fits !== true) {
        ok = false;
        const why = fits === undefined ? 'cannot be checked against' : 'is not valid for';
        const whyZh = fits === undefined ? '无法对照' : '不符合';
        this.fail(at, `option value ${q(option.value)} ${why} the field's schema`, `选项值 ${q(option.value)} ${whyZh}该字段的数据模式`);
      }
      seen.add(option.value);
    });
    if (!ok) return;
    enumOwner.enum = options.map((o) => o.value);
    spec.options = clone(options);
    delete spec.optionsFrom; // explicit regional options replace the shared dictionary
  }

  private hide(): void {
    const hideList = this.overlay.hide ?? [];
    for (const key of this.hidden) {
      if (!has(this.def.fields, key)) continue;
      delete this.props[key];
      delete this.def.fields[key];
      if (this.def.rules) delete this.def.rules[key];
      // A field the region does not ask for has no permissions left to state.
      for (const byRole of Object.values(this.def.access ?? {})) for (const byField of Object.values(byRole)) delete byField[key];
      if (Array.isArray(this.def.schema.required)) {
        this.def.schema.required = (this.def.schema.required as unknown[]).filter((name) => name !== key);
      }
      this.def.layout = removeField(this.def.layout, key);
      this.lineage[key] = 'hidden';
    }
    // A rule that still reads a hidden field would silently see `undefined` forever.
    for (const [owner, rules] of Object.entries(this.def.rules ?? {})) {
      if (!isPlainObject(rules)) continue;
      for (const { rule, fields } of rulesFields(rules)) {
        for (const name of fields) {
          if (!this.hidden.has(name)) continue;
          this.fail(
            pointer('/overlay/hide', hideList.indexOf(name)),
            `hidden field ${q(name)} is still read by rules.${owner}.${rule}; override that rule too`,
            `被隐藏的字段 ${q(name)} 仍被 rules.${owner}.${rule} 读取；请一并覆盖该规则`,
          );
        }
      }
    }
  }
}
