/**
 * The Ajv instances this package's checks share, and the translation of Ajv errors into bilingual
 * Issues. Instances are created lazily (compiling the meta-schemas costs a few milliseconds) and
 * never log: a definition check reports through Issues only.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { Issue, JsonSchema } from './types.js';
import { FIELD_KINDS } from './types.js';
import { getAtPointer, issue, pointer, q } from './issues.js';
import { LAYOUT_NODE_TYPES } from './metaSchema.js';

let definitionAjv: Ajv2020 | undefined;
let valueAjv: Ajv2020 | undefined;

/** For the definition meta-schema and the 2020-12 meta-schema: all errors, discriminator on. */
export function getDefinitionAjv(): Ajv2020 {
  definitionAjv ??= new Ajv2020({ allErrors: true, discriminator: true, strict: false, logger: false, validateFormats: false });
  return definitionAjv;
}

/**
 * For deciding whether single values satisfy a (sub)schema: formats on, unknown formats and
 * keywords ignored silently (strict off) — callers treat `undefined` as "cannot decide".
 */
function getValueAjv(): Ajv2020 {
  if (!valueAjv) {
    valueAjv = new Ajv2020({ strict: false, logger: false, validateFormats: true });
    addFormats(valueAjv);
  }
  return valueAjv;
}

/**
 * Which of `values` satisfy `schema`? Compiled once for all values; `$defs` of `root` are made
 * available for local refs. Undefined when Ajv cannot compile the schema ("cannot decide").
 */
export function checkValues(values: readonly unknown[], schema: JsonSchema | boolean, root?: JsonSchema): boolean[] | undefined {
  if (typeof schema === 'boolean') return values.map(() => schema);
  const ajv = getValueAjv();
  const { $id: _id, $schema: _s, ...rest } = schema;
  const withDefs: JsonSchema = root && root.$defs !== undefined ? { ...rest, $defs: root.$defs } : rest;
  try {
    const validate = ajv.compile(withDefs);
    return values.map((value) => validate(value));
  } catch {
    return undefined;
  } finally {
    ajv.removeSchema(withDefs); // compile caches by object; keep the shared instance from growing
  }
}

/** Whether `checkValues` actually checks this format (ajv-formats); unknown formats are ignored by Ajv. */
export function knowsFormat(name: unknown): boolean {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(getValueAjv().formats, name);
}

export interface TranslateOptions {
  /** Keep only the first error per instance path (the 2020-12 meta-schema reports anyOf branches). */
  onePerPath?: boolean;
}

/** Ajv errors → Issues with pointers rebased under `base` (e.g. `/schema`). `doc` is the validated value. */
export function ajvIssues(errors: ErrorObject[] | null | undefined, base: string, doc: unknown, opts: TranslateOptions = {}): Issue[] {
  if (!errors?.length) return [];
  const zhErrors = errors.map((e) => ({ ...e }));
  localizeZh(zhErrors);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  errors.forEach((e, i) => {
    if (e.keyword === 'oneOf' && errors.some((o) => o.keyword === 'discriminator' && o.instancePath === e.instancePath)) return;
    const translated = translate(e, zhErrors[i]?.message ?? e.message ?? '', base, doc);
    const key = opts.onePerPath ? translated.path : `${translated.path}|${translated.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(translated);
  });
  return issues;
}

function translate(e: ErrorObject, zhMessage: string, base: string, doc: unknown): Issue {
  const path = base + e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return issue(pointer(path, name), `missing required property ${q(name)}`, `缺少必需属性 ${q(name)}`);
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return issue(pointer(path, name), `unknown property ${q(name)} is not allowed here`, `此处不允许属性 ${q(name)}`);
    }
    case 'enum':
      if (e.schemaPath.endsWith('/kind/enum')) {
        const kind = getAtPointer(doc, e.instancePath);
        const known = FIELD_KINDS.join(', ');
        return issue(
          path,
          `unknown field kind ${q(kind)}; known kinds: ${known}`,
          `未知的字段控件类型 ${q(kind)}；可用类型：${known}`,
        );
      }
      break;
    case 'discriminator': {
      const known = LAYOUT_NODE_TYPES.join(', ');
      if (params.error === 'tag') {
        return issue(pointer(path, 'type'), `layout node "type" must be a string (${known})`, `布局节点的 "type" 必须是字符串（${known}）`);
      }
      const type = getAtPointer(doc, pointer(e.instancePath, 'type'));
      return issue(
        pointer(path, 'type'),
        `unknown layout node type ${q(type)}; known types: ${known}`,
        `未知的布局节点类型 ${q(type)}；可用类型：${known}`,
      );
    }
  }
  const detail = describeParams(e);
  return issue(path, `${e.message ?? e.keyword}${detail}`, `${zhMessage}${detail}`);
}

/** Add the concrete allowed values / limits Ajv keeps in params, so the message stands alone. */
function describeParams(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (e.keyword === 'const') return `: ${JSON.stringify(params.allowedValue)}`;
  return '';
}
