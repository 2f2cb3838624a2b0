/**
 * "Does every value the form schema F accepts satisfy the contract schema C?" decided keyword by
 * keyword on C, using only F's explicit keywords as evidence. Sound, not complete: whatever cannot
 * be proven is a problem ("cannot verify keyword X"), never a silent pass. Evidence is read from
 * F after following its `$ref` (siblings laid over the target, which can only under-state F's
 * strictness, so it stays sound). When F admits finitely many values (enum / const / boolean),
 * scalar keywords are decided exactly by checking each value with Ajv.
 */
import type { Issue, JsonSchema } from '../definition/types.js';
import { checkValues, knowsFormat } from '../definition/ajv.js';
import { issue, isPlainObject, pointer } from '../definition/issues.js';
import { MAX_DEFINITION_DEPTH } from '../definition/limits.js';
import { deref, effectiveTypes, typeAdmits, type JsonType } from '../definition/schemaRefs.js';

export interface ImplyContext {
  formRoot: JsonSchema;
  contractRoot: JsonSchema;
  problems: Issue[];
  /** Checks `required` at the form root, where rules (visibleIf / requiredIf) also matter. */
  rootRequired?: (keys: string[], problems: Issue[]) => void;
}

const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', '$anchor', '$vocabulary', '$defs', 'definitions', 'title', 'description',
  'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding',
]);
const APPLIES: Record<string, JsonType[]> = {
  minimum: ['number', 'integer'], maximum: ['number', 'integer'], exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'], multipleOf: ['number', 'integer'],
  minLength: ['string'], maxLength: ['string'], pattern: ['string'], format: ['string'],
  minItems: ['array'], maxItems: ['array'], items: ['array'], uniqueItems: ['array'],
  required: ['object'], properties: ['object'], additionalProperties: ['object'],
};
const SCALAR_EVAL = new Set(['enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format']);
const LOWER: Record<string, string> = { minLength: 'minLength', minItems: 'minItems' };
const UPPER: Record<string, string> = { maxLength: 'maxLength', maxItems: 'maxItems' };

const show = (v: unknown) => JSON.stringify(v);

/** Finitely many values F admits, when its keywords say so. */
function finiteValues(f: JsonSchema): unknown[] | undefined {
  if (Array.isArray(f.enum)) return f.enum;
  if ('const' in f) return [f.const];
  const types = effectiveTypes(f);
  if (types?.length && types.every((t) => t === 'boolean' || t === 'null')) {
    return types.flatMap((t) => (t === 'boolean' ? [true, false] : [null]));
  }
  return undefined;
}

export function implies(fNode: unknown, cNode: unknown, path: string, name: string, ctx: ImplyContext, depth = 0): void {
  const where = name || '(form)';
  const problem = (keyword: string, en: string, zh: string) =>
    ctx.problems.push(issue(keyword ? pointer(path, keyword) : path, `${where}: ${en}`, `${where}：${zh}`));
  if (depth > MAX_DEFINITION_DEPTH) return void problem('$ref', 'contract nests too deep (recursive?); cannot verify', '契约嵌套过深（递归？），无法验证');
  const c = deref(ctx.contractRoot, cNode);
  const f = fNode === undefined ? {} : deref(ctx.formRoot, fNode);
  if (c === true || f === false) return;
  if (c === undefined || f === undefined) return void problem('$ref', 'cannot resolve a $ref; cannot verify', '无法解析 $ref，无法验证');
  if (c === false) return void problem('', 'the contract forbids this value but the form allows it', '契约禁止该值，但表单允许填写');
  const form: JsonSchema = f === true ? {} : f;
  const fTypes = effectiveTypes(form);
  const finite = finiteValues(form);

  for (const [keyword, want] of Object.entries(c)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const applies = APPLIES[keyword];
    if (applies && fTypes && !fTypes.some((t) => applies.some((a) => typeAdmits(a, t)))) continue; // vacuous
    if (finite && SCALAR_EVAL.has(keyword) && (keyword !== 'format' || knowsFormat(want))) {
      const verdicts = checkValues(finite, { [keyword]: want });
      const bad = finite.filter((_, i) => verdicts?.[i] !== true);
      if (bad.length) problem(keyword, `form allows ${bad.map(show).join(', ')}, which the contract's ${keyword} ${show(want)} rejects`, `表单允许 ${bad.map(show).join('、')}，不满足契约的 ${keyword} ${show(want)}`);
      continue;
    }
    switch (keyword) {
      case 'type': {
        const allowed = (Array.isArray(want) ? want : [want]) as JsonType[];
        if (!fTypes) problem('type', `the form declares no type; the contract needs ${allowed.join(' | ')}`, `表单未声明类型；契约要求 ${allowed.join(' | ')}`);
        else {
          const extra = fTypes.filter((t) => !allowed.some((a) => typeAdmits(a, t)));
          if (extra.length) problem('type', `form type ${fTypes.join(' | ')} is not within the contract's ${allowed.join(' | ')}`, `表单类型 ${fTypes.join(' | ')} 超出契约类型 ${allowed.join(' | ')}`);
        }
        break;
      }
      case 'enum':
        problem('enum', `the form does not restrict values to the contract's enum ${show(want)}`, `表单未把取值限制在契约的枚举 ${show(want)} 内`);
        break;
      case 'const':
        problem('const', `the form does not fix the value to the contract's const ${show(want)}`, `表单未把取值固定为契约的常量 ${show(want)}`);
        break;
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum':
        numericBound(keyword, want as number, form, problem);
        break;
      case 'minLength':
      case 'minItems':
      case 'maxLength':
      case 'maxItems': {
        const own = form[keyword];
        const ok = typeof own === 'number' && (LOWER[keyword] ? own >= (want as number) : UPPER[keyword] ? own <= (want as number) : false);
        if (!ok) problem(keyword, `the contract needs ${keyword} ${show(want)}; the form's ${own === undefined ? 'is not set' : `${show(own)} is looser`}`, `契约要求 ${keyword} ${show(want)}；表单${own === undefined ? '未设置' : `的 ${show(own)} 更宽松`}`);
        break;
      }
      case 'multipleOf': {
        const m = want as number;
        const own = form.multipleOf;
        const divides = (x: number) => Math.abs(x / m - Math.round(x / m)) < 1e-9;
        const ok = (typeof own === 'number' && divides(own)) || (fTypes?.every((t) => t === 'integer') && divides(1));
        if (!ok) problem(keyword, `the form does not guarantee multiples of ${m}`, `表单不能保证取值为 ${m} 的倍数`);
        break;
      }
      case 'pattern':
      case 'format':
        if (form[keyword] !== want) {
          problem(keyword, `the contract needs ${keyword} ${show(want)}; the form has ${form[keyword] === undefined ? 'none' : show(form[keyword])} (only an equal ${keyword} is accepted)`, `契约要求 ${keyword} ${show(want)}；表单为 ${form[keyword] === undefined ? '未设置' : show(form[keyword])}（只接受相同的 ${keyword}）`);
        }
        break;
      case 'uniqueItems':
        if (want === true && form.uniqueItems !== true) problem(keyword, 'the contract needs unique items; the form does not', '契约要求各项不重复；表单未要求');
        break;
      case 'items':
        if (form.prefixItems !== undefined) problem('prefixItems', 'cannot verify form prefixItems against contract items', '无法对照契约 items 验证表单的 prefixItems');
        else implies(form.items, want, pointer(path, 'items'), `${name}[]`, ctx, depth + 1);
        break;
      case 'required':
        if (path === '/schema' && ctx.rootRequired) {
          ctx.rootRequired(want as string[], ctx.problems);
          break;
        }
        for (const key of want as string[]) {
          const req = Array.isArray(form.required) ? form.required : [];
          if (!req.includes(key)) problem('required', `the contract requires ${show(key)}; the form does not`, `契约要求必填 ${show(key)}；表单未要求`);
        }
        break;
      case 'properties':
        properties(form, want as Record<string, unknown>, path, name, ctx, depth);
        break;
      case 'additionalProperties':
        additional(form, want, c, path, name, ctx, depth, problem);
        break;
      case 'allOf':
        (want as unknown[]).forEach((branch) => implies(form, branch, path, name, ctx, depth + 1));
        break;
      case 'anyOf': {
        const proven = (want as unknown[]).some((branch) => {
          const scratch = { ...ctx, problems: [] as Issue[] };
          implies(form, branch, path, name, scratch, depth + 1);
          return scratch.problems.length === 0;
        });
        if (!proven) problem('anyOf', 'cannot verify keyword anyOf: no single branch is implied by the form', '无法验证关键字 anyOf：表单不蕴含任何一个分支');
        break;
      }
      default:
        problem(keyword, `cannot verify keyword ${keyword}`, `无法验证关键字 ${keyword}`);
    }
  }
}

function numericBound(keyword: string, want: number, f: JsonSchema, problem: (k: string, en: string, zh: string) => void): void {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  let ok: boolean;
  if (keyword === 'minimum') ok = (num(f.minimum) ?? -Infinity) >= want || (num(f.exclusiveMinimum) ?? -Infinity) >= want;
  else if (keyword === 'exclusiveMinimum') ok = (num(f.minimum) ?? -Infinity) > want || (num(f.exclusiveMinimum) ?? -Infinity) >= want;
  else if (keyword === 'maximum') ok = (num(f.maximum) ?? Infinity) <= want || (num(f.exclusiveMaximum) ?? Infinity) <= want;
  else ok = (num(f.maximum) ?? Infinity) < want || (num(f.exclusiveMaximum) ?? Infinity) <= want;
  if (ok) return;
  const lower = keyword.toLowerCase().includes('min');
  const own = lower ? (f.minimum ?? f.exclusiveMinimum) : (f.maximum ?? f.exclusiveMaximum);
  problem(
    keyword,
    `the contract needs ${keyword} ${want}; the form's ${own === undefined ? 'bound is not set' : `${show(own)} is looser`}`,
    `契约要求 ${keyword} ${want}；表单${own === undefined ? '未设置该界限' : `的 ${show(own)} 更宽松`}`,
  );
}

function properties(f: JsonSchema, want: Record<string, unknown>, path: string, name: string, ctx: ImplyContext, depth: number): void {
  const own = isPlainObject(f.properties) ? f.properties : {};
  for (const [key, sub] of Object.entries(want)) {
    const childName = name ? `${name}.${key}` : key;
    const childPath = pointer(path, 'properties', key);
    if (Object.prototype.hasOwnProperty.call(own, key)) implies(own[key], sub, childPath, childName, ctx, depth + 1);
    else if (f.patternProperties !== undefined) ctx.problems.push(issue(pointer(path, 'patternProperties'), `${childName}: cannot verify form patternProperties`, `${childName}：无法验证表单的 patternProperties`));
    else if (f.additionalProperties !== undefined && f.additionalProperties !== true) implies(f.additionalProperties, sub, pointer(path, 'additionalProperties'), childName, ctx, depth + 1);
    else if (deref(ctx.contractRoot, sub) !== true) {
      ctx.problems.push(issue(childPath, `${childName}: not declared by the form, whose additionalProperties is not false, so any value may arrive`, `${childName}：表单未声明该属性且 additionalProperties 不为 false，可能收到任意值`));
    }
  }
}

function additional(f: JsonSchema, want: unknown, c: JsonSchema, path: string, name: string, ctx: ImplyContext, depth: number, problem: (k: string, en: string, zh: string) => void): void {
  if (want === true) return;
  const declared = isPlainObject(c.properties) ? c.properties : {};
  for (const [key, sub] of Object.entries(isPlainObject(f.properties) ? f.properties : {})) {
    if (Object.prototype.hasOwnProperty.call(declared, key)) continue;
    implies(sub, want, pointer(path, 'properties', key), name ? `${name}.${key}` : key, ctx, depth + 1);
  }
  if (f.patternProperties !== undefined) problem('patternProperties', 'cannot verify form patternProperties against contract additionalProperties', '无法对照契约 additionalProperties 验证表单的 patternProperties');
  else if (f.additionalProperties === undefined || f.additionalProperties === true) problem('additionalProperties', 'the contract restricts undeclared properties but the form allows any (set additionalProperties: false)', '契约限制未声明的属性，但表单允许任意属性（请设置 additionalProperties: false）');
  else implies(f.additionalProperties, want, pointer(path, 'additionalProperties'), name, ctx, depth + 1);
}
