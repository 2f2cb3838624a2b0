/**
 * Turns Ajv errors into Issues a farmer or an inspector can read: the field's label first, then what is
 * wrong. Texts come from ajv-i18n (zh / en) except where we can say more: `required` names the missing
 * field itself, `type` uses plain words instead of "integer", and our formats give the precise reason
 * (e.g. 身份证号码校验位不正确).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { FieldSpec, FormDefinition, Issue, LocalText, Locale } from '../definition/types.js';
import { explainFormat } from './formats.js';
import { labelAt, specAt } from './labels.js';
import { limitText } from './limitMessages.js';
import { joinPointer, splitPointer, valueAt } from './pointer.js';

/** ajv-i18n's text for one error in both languages (localize mutates, so each gets its own copy). */
export function ajvText(error: ErrorObject): LocalText {
  const zh = [{ ...error }];
  const en = [{ ...error }];
  localizeZh(zh);
  localizeEn(en);
  return { zh: zh[0]?.message ?? '', en: en[0]?.message ?? '' };
}

const TYPE_NAMES: Record<string, LocalText> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  null: { zh: '空值', en: 'empty' },
};

function typeText(expected: unknown): LocalText {
  const names = String(expected).split(',').map((t) => TYPE_NAMES[t] ?? { zh: t, en: t });
  return { zh: `应为${names.map((n) => n.zh).join('或')}`, en: `must be ${names.map((n) => n.en).join(' or ')}` };
}

interface Located {
  /** Pointer into the data of the value the message is about. */
  path: string;
  text: LocalText;
}

function param(error: ErrorObject, name: string): string {
  return String((error.params as Record<string, unknown>)[name] ?? '');
}

/** Where the error is and what to say, or null for errors that only repeat their sub-errors. */
function locate(error: ErrorObject, fields: Record<string, FieldSpec>, data: unknown): Located | null {
  const at = error.instancePath;
  switch (error.keyword) {
    case 'if':
      return null; // always accompanied by the failing then/else errors, which say what is wrong
    case 'required':
      return { path: joinPointer(at, param(error, 'missingProperty')), text: { zh: '必填', en: 'required' } };
    case 'dependentRequired': {
      const trigger = labelAt(fields, splitPointer(joinPointer(at, param(error, 'property'))));
      return {
        path: joinPointer(at, param(error, 'missingProperty')),
        text: { zh: `填写「${trigger?.zh ?? ''}」时必填`, en: `required when "${trigger?.en ?? ''}" is filled in` },
      };
    }
    case 'additionalProperties':
      return { path: joinPointer(at, param(error, 'additionalProperty')), text: ajvText(error) };
    case 'unevaluatedProperties':
      return { path: joinPointer(at, param(error, 'unevaluatedProperty')), text: ajvText(error) };
    case 'type':
      return { path: at, text: typeText((error.params as { type?: unknown }).type) };
    case 'format':
      return { path: at, text: explainFormat(param(error, 'format'), valueAt(data, at)) ?? ajvText(error) };
    default:
      return { path: at, text: limitText(error, specAt(fields, splitPointer(at))) ?? ajvText(error) };
  }
}

/**
 * Issues for `errors` (in Ajv's order, duplicates removed). `message` is in `locale`; `messageZh` is
 * always Chinese, so a caller can show both.
 */
/**
 * A message the form's author wrote in `definition.messages`, keyed `field.keyword` (e.g.
 * `headCount.minimum`, `herds.0.count.minimum` with row indexes left out: `herds.count.minimum`), or
 * the path alone (`herds.count`), or the top-level field (`herds`) for any problem inside it. A locale without its own text falls back to the
 * generated one, so an author may translate only one side.
 */
function authoredText(messages: FormDefinition['messages'], segments: readonly string[], keyword: string): { zh: string; en: string } | undefined {
  if (!messages) return undefined;
  const field = segments.filter((s) => !/^\d+$/.test(s)).join('.');
  const lookup = (locale: Locale) => {
    const table = messages[locale];
    if (!table) return undefined;
    const found = [`${field}.${keyword}`, field, segments[0] ?? ''].find((key) => Object.hasOwn(table, key));
    return found === undefined ? undefined : table[found];
  };
  const zh = lookup('zh-CN');
  const en = lookup('en');
  if (zh === undefined && en === undefined) return undefined;
  return { zh: zh ?? en!, en: en ?? zh! };
}

/**
 * An issue as shown next to its own field, whose label is already on screen: the text without the
 * field's label in front ("不能为负数", not "存栏量：不能为负数"). Elsewhere (a summary) the whole message stands.
 */
export function fieldMessage(issue: Issue, label: LocalText, locale: Locale): string {
  const message = locale === 'en' ? issue.message : issue.messageZh;
  const prefix = locale === 'en' ? `${label.en}: ` : `${label.zh}：`;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export function toIssues(
  errors: readonly ErrorObject[],
  fields: Record<string, FieldSpec>,
  data: unknown,
  locale: Locale,
  messages?: FormDefinition['messages'],
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const located = locate(error, fields, data);
    if (!located) continue;
    const segments = splitPointer(located.path);
    const label = labelAt(fields, segments);
    const text = authoredText(messages, segments, error.keyword) ?? located.text;
    const zh = label ? `${label.zh}：${text.zh}` : text.zh;
    const en = label ? `${label.en}: ${text.en}` : text.en;
    const key = `${located.path}\u0000${zh}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path: located.path, message: locale === 'zh-CN' ? zh : en, messageZh: zh });
  }
  return issues;
}
