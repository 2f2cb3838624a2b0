/**
 * What a limit means, said as people say it: "不能为负数", "不得早于2024年", "不能少于 300 头",
 * "最多 50 个字" — not ajv-i18n's "应当为 >= 0". The field's kind and unit choose the words: a year
 * (a whole-number field whose label speaks of 年, with a limit that is a plausible year) reads as a
 * year, a number with a unit carries it.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { FieldSpec, LocalText } from '../definition/types.js';

const isYearLike = (spec: FieldSpec | undefined, limit: number) =>
  Number.isInteger(limit) && limit >= 1900 && limit <= 2200 && (spec?.kind === 'integer' || spec?.kind === 'number') && /年/u.test(spec.label.zh);

function withUnit(limit: number, spec: FieldSpec | undefined): LocalText {
  const unit = spec?.unit;
  return { zh: unit ? `${limit} ${unit.zh}` : String(limit), en: unit ? `${limit} ${unit.en}` : String(limit) };
}

/** The text for a limit keyword, or undefined for keywords this file does not word. */
export function limitText(error: ErrorObject, spec: FieldSpec | undefined): LocalText | undefined {
  const params = error.params as { limit?: unknown; allowedValues?: unknown };
  const limit = typeof params.limit === 'number' ? params.limit : Number(params.limit);
  const n = withUnit(limit, spec);
  switch (error.keyword) {
    case 'minimum':
      if (limit === 0) return { zh: '不能为负数', en: 'must not be negative' };
      if (isYearLike(spec, limit)) return { zh: `不得早于${limit}年`, en: `must be ${limit} or later` };
      return { zh: `不能少于 ${n.zh}`, en: `must be at least ${n.en}` };
    case 'maximum':
      if (isYearLike(spec, limit)) return { zh: `不得晚于${limit}年`, en: `must be ${limit} or earlier` };
      return { zh: `不能多于 ${n.zh}`, en: `must be at most ${n.en}` };
    case 'exclusiveMinimum':
      if (limit === 0) return { zh: '须大于 0', en: 'must be more than 0' };
      return { zh: `须大于 ${n.zh}`, en: `must be more than ${n.en}` };
    case 'exclusiveMaximum':
      return { zh: `须小于 ${n.zh}`, en: `must be less than ${n.en}` };
    case 'minLength':
      if (limit <= 1) return { zh: '必填', en: 'required' };
      return { zh: `至少 ${limit} 个字`, en: `must be at least ${limit} characters` };
    case 'maxLength':
      return { zh: `最多 ${limit} 个字`, en: `must be at most ${limit} characters` };
    case 'minItems':
      if (limit <= 1) return { zh: '至少填写 1 项', en: 'needs at least one entry' };
      return { zh: `至少 ${limit} 项`, en: `needs at least ${limit} entries` };
    case 'maxItems':
      return { zh: `最多 ${limit} 项`, en: `at most ${limit} entries` };
    case 'enum':
    case 'const':
      return { zh: '请从选项中选择', en: 'choose one of the options' };
    case 'multipleOf':
      return Number.isInteger(limit) && limit === 1 ? { zh: '应为整数', en: 'must be a whole number' } : { zh: `应为 ${limit} 的整数倍`, en: `must be a multiple of ${limit}` };
    case 'pattern':
      return { zh: '格式不正确', en: 'is not in the expected format' };
    default:
      return undefined;
  }
}
