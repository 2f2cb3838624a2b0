/**
 * Variant mode core: a region's overlay on a published base form. The overlay holds only
 * differences (a relabel equal to the base, or a bound equal to the base's, is dropped), the
 * resolved form and per-field lineage come from @nongan/forms' resolveVariant, rebasing uses
 * rebaseVariant and keeps its conflicts open until each is settled.
 */
import {
  checkContract,
  checkPattern,
  rebaseVariant,
  resolveVariant,
  VariantError,
  type ContractResult,
  type FieldKind,
  type FieldOption,
  type FieldRules,
  type FormDefinition,
  type FormVariant,
  type Issue,
  type JsonSchema,
  type LayoutNode,
  type Lineage,
  type LocalText,
  type Overlay,
  type Relabel,
  type Tightening,
} from '@nongan/forms';
import { edit } from './commands/edit.js';
import { fieldTemplate, keyProblem, newFieldKey } from './palette.js';
import { DesignerError, type Command, type DesignerState, type VariantDraft } from './types.js';

const t = (zh: string, en: string): LocalText => ({ zh, en });

const REGION_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

export function startVariant(base: FormDefinition, region: string, options: { id?: string; version?: string } = {}): VariantDraft {
  if (!REGION_PATTERN.test(region)) {
    throw new DesignerError(`地区编号 "${region}" 无效（小写字母、数字、连字符）`, `invalid region id "${region}" (lowercase letters, digits, hyphens)`);
  }
  return {
    base,
    conflicts: [],
    variant: { id: options.id ?? `${base.id}-${region}`, version: options.version ?? '1.0.0', region, base: { id: base.id, version: base.version }, overlay: {} },
  };
}

export type ResolvedDraft = { ok: true; definition: FormDefinition; lineage: Record<string, Lineage> } | { ok: false; issues: Issue[] };

const resolved = new WeakMap<VariantDraft, ResolvedDraft>();

/** Resolve base + overlay with forms' resolveVariant (cached per immutable draft). */
export function resolveDraft(draft: VariantDraft): ResolvedDraft {
  const cached = resolved.get(draft);
  if (cached) return cached;
  const result = resolveUncached(draft);
  resolved.set(draft, result);
  return result;
}

function resolveUncached(draft: VariantDraft): ResolvedDraft {
  try {
    const resolved = resolveVariant(draft.base, draft.variant);
    return { ok: true, ...resolved };
  } catch (error) {
    if (error instanceof VariantError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** Contract check of the resolved variant (or a base form); `undefined` contract = nothing to check. */
export function contractStatus(definition: FormDefinition, contract: JsonSchema | undefined): ContractResult | null {
  return contract === undefined ? null : checkContract(definition, contract);
}

function draftOf(state: DesignerState): VariantDraft {
  if (!state.variant) throw new DesignerError('当前不在区域变体模式', 'not in variant mode');
  return state.variant;
}

function overlayEdit(type: string, label: LocalText, change: (overlay: Overlay, draft: VariantDraft) => Overlay): Command {
  return edit(type, label, (state) => {
    const draft = draftOf(state);
    const overlay = prune(change(draft.variant.overlay, draft));
    return { ...state, variant: { ...draft, variant: { ...draft.variant, overlay } } };
  });
}

/** Drop empty sections so the stored overlay shows only real differences. */
function prune(overlay: Overlay): Overlay {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(overlay)) {
    if (v === undefined) continue;
    if (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as Overlay;
}

function baseHas(draft: VariantDraft, key: string): boolean {
  return Object.hasOwn(draft.base.fields, key);
}

function requireBaseField(draft: VariantDraft, key: string): void {
  if (!baseHas(draft, key) && !Object.hasOwn(draft.variant.overlay.add ?? {}, key)) {
    throw new DesignerError(`字段 "${key}" 不存在`, `field "${key}" does not exist`);
  }
}

export function setHidden(key: string, hidden: boolean): Command {
  return overlayEdit('variant.hide', hidden ? t('隐藏字段', 'Hide field') : t('取消隐藏', 'Unhide field'), (o, draft) => {
    if (!baseHas(draft, key)) throw new DesignerError(`只能隐藏基础表单的字段（"${key}"）`, `only base fields can be hidden ("${key}")`);
    const hide = (o.hide ?? []).filter((k) => k !== key);
    if (hidden) hide.push(key);
    return { ...o, hide };
  });
}

const BOUNDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'required'] as const;

/** Merge a tightening; `undefined` removes that bound, a value equal to the base's is not stored. */
export function tighten(key: string, patch: { [K in keyof Tightening]?: Tightening[K] | undefined }): Command {
  return overlayEdit('variant.tighten', t('收紧约束', 'Tighten constraint'), (o, draft) => {
    requireBaseField(draft, key);
    const baseProperty = ((draft.base.schema.properties ?? {}) as Record<string, JsonSchema>)[key] ?? {};
    const baseRequired = Array.isArray(draft.base.schema.required) && (draft.base.schema.required as string[]).includes(key);
    const current: Record<string, unknown> = { ...(o.tighten?.[key] ?? {}) };
    for (const [name, value] of Object.entries(patch)) {
      if (!(BOUNDS as readonly string[]).includes(name)) throw new DesignerError(`不支持收紧 "${name}"`, `"${name}" cannot be tightened`);
      if (name === 'pattern' && value !== undefined) {
        // The same check forms applies on load: a ReDoS or backreference pattern never enters the overlay.
        const problem = typeof value === 'string' ? checkPattern(value, `/overlay/tighten/${key}/pattern`) : { path: '', messageZh: '正则必须是字符串', message: 'a pattern must be a string' };
        if (problem) throw new DesignerError(problem.messageZh, problem.message, [problem]);
      }
      const same = name === 'required' ? baseRequired && value === true : baseProperty[name] === value;
      if (value === undefined || same) delete current[name];
      else current[name] = value;
    }
    const all = { ...(o.tighten ?? {}) };
    if (Object.keys(current).length) all[key] = current as Tightening;
    else delete all[key];
    return { ...o, tighten: all };
  });
}

/** Relabel; a text equal to the base's is not stored, nor an all-empty one (it falls back to the base's). */
export function relabel(key: string, patch: { [K in keyof Relabel]?: LocalText | undefined }): Command {
  return overlayEdit('variant.relabel', t('修改区域标签', 'Relabel for region'), (o, draft) => {
    requireBaseField(draft, key);
    const base = draft.base.fields[key];
    const current: Record<string, unknown> = { ...(o.relabel?.[key] ?? {}) };
    for (const [name, value] of Object.entries(patch)) {
      const baseValue = base?.[name as keyof Relabel];
      const empty = value !== undefined && value.zh.trim() === '' && value.en.trim() === '';
      if (value === undefined || empty || JSON.stringify(value) === JSON.stringify(baseValue)) delete current[name];
      else current[name] = value;
    }
    const all = { ...(o.relabel ?? {}) };
    if (Object.keys(current).length) all[key] = current as Relabel;
    else delete all[key];
    return { ...o, relabel: all };
  });
}

export function setVariantOptions(key: string, options: FieldOption[] | undefined): Command {
  return overlayEdit('variant.options', t('替换选项', 'Replace options'), (o, draft) => {
    requireBaseField(draft, key);
    const all = { ...(o.options ?? {}) };
    if (options === undefined || JSON.stringify(options) === JSON.stringify(draft.base.fields[key]?.options)) delete all[key];
    else all[key] = options;
    return { ...o, options: all };
  });
}

export function setVariantRules(key: string, rules: FieldRules | undefined): Command {
  return overlayEdit('variant.rules', t('覆盖规则', 'Override rules'), (o, draft) => {
    requireBaseField(draft, key);
    const all = { ...(o.rules ?? {}) };
    if (rules === undefined) delete all[key];
    else all[key] = rules;
    return { ...o, rules: all };
  });
}

export function addVariantField(kind: FieldKind, options: { key?: string; after?: string; required?: boolean } = {}): Command {
  return overlayEdit('variant.add', t('新增区域字段', 'Add regional field'), (o, draft) => {
    const taken = { ...draft.base.fields, ...(o.add ?? {}) };
    const key = options.key ?? newFieldKey(kind, taken);
    const problem = keyProblem(key, taken);
    if (problem) throw new DesignerError(problem.zh, problem.en);
    const template = fieldTemplate(kind);
    if (template.rules) throw new DesignerError('区域新增字段不能是计算字段', 'a regional field cannot be a computed field');
    return {
      ...o,
      add: { ...(o.add ?? {}), [key]: { schema: template.schema, field: template.field, ...(options.required ? { required: true } : {}), ...(options.after ? { after: options.after } : {}) } },
    };
  });
}

export function updateVariantField(key: string, change: (entry: NonNullable<Overlay['add']>[string]) => NonNullable<Overlay['add']>[string]): Command {
  return overlayEdit('variant.addUpdate', t('修改区域字段', 'Edit regional field'), (o) => {
    const entry = o.add?.[key];
    if (!entry) throw new DesignerError(`"${key}" 不是本变体新增的字段`, `"${key}" is not a field this variant adds`);
    return { ...o, add: { ...o.add, [key]: change(entry) } };
  });
}

export function removeVariantField(key: string): Command {
  return overlayEdit('variant.remove', t('删除区域字段', 'Remove regional field'), (o) => {
    const { [key]: _gone, ...add } = o.add ?? {};
    return { ...o, add };
  });
}

export function setVariantTitle(title: LocalText | undefined): Command {
  return overlayEdit('variant.title', t('修改区域标题', 'Regional title'), (o) => ({ ...o, title }));
}

/** Rebase the draft onto a new base version; the conflicts stay listed in the draft. */
export function rebaseOnto(newBase: FormDefinition): Command {
  return edit('variant.rebase', t('变基到新版基础表单', 'Rebase onto new base'), (state) => {
    const draft = draftOf(state);
    let result;
    try {
      result = rebaseVariant(draft.variant, draft.base, newBase);
    } catch (error) {
      if (error instanceof VariantError) throw new DesignerError('无法变基', 'cannot rebase', error.issues);
      throw error;
    }
    return { ...state, variant: { base: newBase, variant: result.variant, conflicts: result.conflicts } };
  });
}

/**
 * Settle one rebase conflict: `drop` removes the overlay entry the conflict points at
 * (`/overlay/tighten/x/minimum`, `/overlay/hide/0`…), `keep` accepts it as it is.
 */
export function settleConflict(index: number, how: 'drop' | 'keep'): Command {
  return edit('variant.settle', how === 'drop' ? t('放弃该项差异', 'Drop the entry') : t('保留该项差异', 'Keep the entry'), (state) => {
    const draft = draftOf(state);
    const conflict = draft.conflicts[index];
    if (!conflict) throw new DesignerError(`没有第 ${index + 1} 个冲突`, `there is no conflict ${index + 1}`);
    const conflicts = draft.conflicts.filter((_, i) => i !== index);
    const overlay = how === 'drop' ? prune(dropAt(draft.variant.overlay, conflict.path)) : draft.variant.overlay;
    return { ...state, variant: { ...draft, conflicts, variant: { ...draft.variant, overlay } } };
  });
}

/** Remove the overlay entry at a conflict pointer: the whole field entry (or list item). */
export function dropAt(overlay: Overlay, path: string): Overlay {
  const segments = path.split('/').slice(2).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')); // after '/overlay'
  const [section, key] = segments as [keyof Overlay | undefined, string | undefined];
  if (!section || key === undefined) return overlay;
  const value = overlay[section];
  if (Array.isArray(value)) return { ...overlay, [section]: value.filter((_, i) => String(i) !== key) };
  if (value && typeof value === 'object') {
    const { [key]: _gone, ...rest } = value as Record<string, unknown>;
    return { ...overlay, [section]: rest } as Overlay;
  }
  return overlay;
}

export function variantOf(state: DesignerState): FormVariant | null {
  return state.variant?.variant ?? null;
}

export function setVariantVersion(version: string): Command {
  return edit('variant.version', t('修改变体版本', 'Edit variant version'), (state) => {
    const draft = draftOf(state);
    if (typeof version !== 'string' || version.trim() === '' || version.length > 100) throw new DesignerError('版本号不能为空且不超过 100 个字符', 'a version is 1–100 characters');
    return { ...state, variant: { ...draft, variant: { ...draft.variant, version } } };
  });
}

/** `1.2.3` → `1.3.0`; anything else gets `-next` appended. Used for "start a new version". */
export function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : `${version}-next`;
}

/**
 * Lineage per field: resolveVariant's when the variant resolves; otherwise read from the overlay
 * alone, so the marks stay visible while a half-finished variant does not resolve yet.
 */
export function draftLineage(draft: VariantDraft): Record<string, Lineage> {
  const result = resolveDraft(draft);
  return result.ok ? result.lineage : overlayLineage(draft);
}

export function overlayLineage(draft: VariantDraft): Record<string, Lineage> {
  const o = draft.variant.overlay;
  const out: Record<string, Lineage> = {};
  const touched = new Set([...Object.keys(o.relabel ?? {}), ...Object.keys(o.tighten ?? {}), ...Object.keys(o.options ?? {}), ...Object.keys(o.rules ?? {}), ...(o.move ?? []).map((m) => m.field)]);
  for (const key of Object.keys(draft.base.fields)) out[key] = (o.hide ?? []).includes(key) ? 'hidden' : touched.has(key) ? 'overridden' : 'inherited';
  for (const key of Object.keys(o.add ?? {})) out[key] = 'added';
  return out;
}

// ── Moving fields within the variant (`overlay.move`: "field goes right after field") ──────────

type Move = { field: string; after: string };

function locate(node: LayoutNode, field: string): { list: LayoutNode[]; index: number } | undefined {
  const lists = node.type === 'section' || node.type === 'columns' ? [node.children] : node.type === 'tabs' ? node.tabs.map((t) => t.children) : node.type === 'steps' ? node.steps.map((s) => s.children) : [];
  for (const list of lists) {
    const index = list.findIndex((n) => n.type === 'field' && n.field === field);
    if (index >= 0) return { list, index };
    for (const child of list) {
      const found = locate(child, field);
      if (found) return found;
    }
  }
  return undefined;
}

function firstSectionList(node: LayoutNode): LayoutNode[] | undefined {
  if (node.type === 'section') return node.children;
  const lists = node.type === 'columns' ? [node.children] : node.type === 'tabs' ? node.tabs.map((t) => t.children) : node.type === 'steps' ? node.steps.map((s) => s.children) : [];
  for (const list of lists) for (const child of list) {
    const found = firstSectionList(child);
    if (found) return found;
  }
  return lists[0];
}

/** Apply one move to a mutable layout, as resolveVariant does; false when it cannot apply. */
function applyMove(layout: LayoutNode, move: Move): boolean {
  if (move.field === move.after) return false;
  const from = locate(layout, move.field);
  if (!from || !locate(layout, move.after)) return false;
  from.list.splice(from.index, 1);
  const to = locate(layout, move.after)!;
  to.list.splice(to.index + 1, 0, { type: 'field', field: move.field });
  return true;
}

/** The layout after the overlay's adds and the given moves (hidden fields still in place), as resolveVariant builds it. */
function layoutWith(draft: VariantDraft, moves: readonly Move[]): LayoutNode {
  const layout = JSON.parse(JSON.stringify(draft.base.layout)) as LayoutNode;
  for (const [key, entry] of Object.entries(draft.variant.overlay.add ?? {})) {
    const node: LayoutNode = { type: 'field', field: key };
    if (entry.after === undefined) firstSectionList(layout)?.push(node);
    else {
      const at = locate(layout, entry.after);
      at?.list.splice(at.index + 1, 0, node);
    }
  }
  for (const move of moves) applyMove(layout, move);
  return layout;
}

function fieldOrder(layout: LayoutNode): string[] {
  const out: string[] = [];
  const walk = (n: LayoutNode) => {
    if (n.type === 'field') out.push(n.field);
    else if (n.type === 'section' || n.type === 'columns') n.children.forEach(walk);
    else if (n.type === 'tabs') n.tabs.forEach((t) => t.children.forEach(walk));
    else if (n.type === 'steps') n.steps.forEach((s) => s.children.forEach(walk));
  };
  walk(layout);
  return out;
}

let orderMemo: { base: FormDefinition; add: Overlay['add']; move: Overlay['move']; order: string[] } | undefined;

/**
 * Every field of the variant (base and added, hidden ones included) in the document order of the
 * variant's layout — the order the variant table lists them in and ↑/↓ move them through. Fields
 * not placed in the layout come last.
 */
export function variantFieldOrder(draft: VariantDraft): string[] {
  const { add, move } = draft.variant.overlay;
  if (orderMemo && orderMemo.base === draft.base && orderMemo.add === add && orderMemo.move === move) return orderMemo.order;
  const placed = fieldOrder(layoutWith(draft, move ?? []));
  const seen = new Set(placed);
  const order = [...placed, ...[...Object.keys(draft.base.fields), ...Object.keys(add ?? {})].filter((k) => !seen.has(k))];
  orderMemo = { base: draft.base, add, move, order };
  return order;
}

const sameLayout = (a: LayoutNode, b: LayoutNode) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The move list that places `field` right after `after`, storing only differences: the field's
 * earlier move is replaced when that gives the same layout, and every entry whose removal leaves
 * the layout unchanged is dropped (a field moved back to its base position leaves no entry).
 */
function movesWith(draft: VariantDraft, moves: readonly Move[], field: string, after: string): Move[] {
  const desired = layoutWith(draft, moves);
  if (!applyMove(desired, { field, after })) throw new DesignerError(`无法把 "${field}" 移到 "${after}" 之后`, `"${field}" cannot be moved after "${after}"`);
  const replaced = [...moves.filter((m) => m.field !== field), { field, after }];
  const list = sameLayout(layoutWith(draft, replaced), desired) ? replaced : [...moves, { field, after }];
  return pruneMoves(draft, list, desired);
}

function pruneMoves(draft: VariantDraft, moves: Move[], target: LayoutNode): Move[] {
  let list = moves;
  for (let i = 0; i < list.length; ) {
    const without = [...list.slice(0, i), ...list.slice(i + 1)];
    if (sameLayout(layoutWith(draft, without), target)) list = without;
    else i++;
  }
  return list;
}

function requireMovable(draft: VariantDraft, key: string): void {
  requireBaseField(draft, key);
  if ((draft.variant.overlay.hide ?? []).includes(key)) throw new DesignerError(`字段 "${key}" 已隐藏，不能移动`, `field "${key}" is hidden and cannot be moved`);
}

/** Place `key` right after field `after` in the variant; `null` drops the field's own move (back to where the base puts it). */
export function moveVariantField(key: string, after: string | null): Command {
  return overlayEdit('variant.move', t('移动区域字段', 'Move field in region'), (o, draft) => {
    requireMovable(draft, key);
    const moves = o.move ?? [];
    if (after === null) {
      const rest = moves.filter((m) => m.field !== key);
      return { ...o, move: pruneMoves(draft, rest, layoutWith(draft, rest)) };
    }
    requireBaseField(draft, after);
    return { ...o, move: movesWith(draft, moves, key, after) };
  });
}

/**
 * One step up (-1) or down (+1) among the variant's visible fields in document order (the
 * keyboard alternative to placing a field). Down puts it after the next field; up after the one
 * before the previous — or, for the second field, puts the first field after it.
 */
export function moveVariantFieldBy(key: string, delta: -1 | 1): Command {
  return overlayEdit('variant.move', delta < 0 ? t('上移', 'Move up') : t('下移', 'Move down'), (o, draft) => {
    requireMovable(draft, key);
    const hidden = new Set(o.hide ?? []);
    const moves = o.move ?? [];
    const order = fieldOrder(layoutWith(draft, moves)).filter((k) => !hidden.has(k));
    const i = order.indexOf(key);
    if (i < 0) throw new DesignerError(`字段 "${key}" 未放入布局`, `field "${key}" is not placed in the layout`);
    if (delta > 0) {
      const next = order[i + 1];
      if (next === undefined) throw new DesignerError('已在最后', 'already last');
      return { ...o, move: movesWith(draft, moves, key, next) };
    }
    if (i === 0) throw new DesignerError('已在最前', 'already first');
    const beforePrevious = order[i - 2];
    return { ...o, move: beforePrevious !== undefined ? movesWith(draft, moves, key, beforePrevious) : movesWith(draft, moves, order[0]!, key) };
  });
}
