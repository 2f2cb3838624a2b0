/**
 * Is a region's constraint at least as strict as the base's? Shared by resolve (a looser value is an
 * error) and rebase (a value the new base overtook is a conflict). Lower bounds may only rise,
 * upper bounds only fall; patterns cannot be compared, so a pattern may only be set where the base
 * has none (or the same one).
 */
import type { JsonSchema } from '../definition/types.js';
import { effectiveTypes, type JsonType } from '../definition/schemaRefs.js';
import type { Tightening } from './types.js';

export type BoundKey = Exclude<keyof Tightening, 'required'>;

const APPLIES: Record<BoundKey, JsonType[]> = {
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  minItems: ['array'],
  maxItems: ['array'],
};
const LOWER = new Set<BoundKey>(['minimum', 'minLength', 'minItems']);
const PAIRS: Array<[BoundKey, BoundKey]> = [['minimum', 'maximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems']];

export const BOUND_ZH: Record<BoundKey, string> = {
  minimum: '最小值',
  maximum: '最大值',
  minLength: '最小长度',
  maxLength: '最大长度',
  pattern: '正则格式',
  minItems: '最少条数',
  maxItems: '最多条数',
};

export interface ConstraintProblem {
  key: BoundKey;
  message: string;
  messageZh: string;
}

/** Problems of applying `t` over `base` (the dereferenced property schema). Empty = it tightens. */
export function checkTightening(base: JsonSchema, t: Tightening, baseName = 'base'): ConstraintProblem[] {
  const baseZh = baseName === 'base' ? '基础表单' : '新版基础表单';
  const problems: ConstraintProblem[] = [];
  const types = effectiveTypes(base) ?? [];
  for (const key of Object.keys(t) as Array<keyof Tightening>) {
    if (key === 'required') continue;
    const value = t[key];
    if (!types.some((type) => APPLIES[key].includes(type))) {
      problems.push({
        key,
        message: `${key} does not apply to a field of type ${types.join(' | ') || 'unknown'}`,
        messageZh: `${BOUND_ZH[key]}不适用于类型为 ${types.join(' | ') || '未声明'} 的字段`,
      });
      continue;
    }
    if (key === 'pattern') {
      if (typeof base.pattern === 'string' && base.pattern !== value) {
        problems.push({
          key,
          message: `the ${baseName} already has pattern ${JSON.stringify(base.pattern)}; a different pattern cannot be proven tighter`,
          messageZh: `${baseZh}已有正则 ${JSON.stringify(base.pattern)}；无法证明不同的正则更严格`,
        });
      }
      continue;
    }
    const n = value as number;
    const lower = LOWER.has(key);
    const baseValue = base[key];
    if (typeof baseValue === 'number' && (lower ? n < baseValue : n > baseValue)) {
      problems.push(looser(key, n, baseValue, baseName, baseZh));
    }
    // An exclusive base bound excludes its own value, so an inclusive bound must pass it strictly.
    const exclusive = key === 'minimum' ? base.exclusiveMinimum : key === 'maximum' ? base.exclusiveMaximum : undefined;
    if (typeof exclusive === 'number' && (lower ? n <= exclusive : n >= exclusive)) {
      problems.push(looser(key, n, exclusive, baseName, baseZh, true));
    }
  }
  for (const [lowKey, highKey] of PAIRS) {
    const low = (t[lowKey] ?? base[lowKey]) as unknown;
    const high = (t[highKey] ?? base[highKey]) as unknown;
    if ((lowKey in t || highKey in t) && typeof low === 'number' && typeof high === 'number' && low > high) {
      problems.push({
        key: lowKey in t ? lowKey : highKey,
        message: `${lowKey} ${low} exceeds ${highKey} ${high}: the field would accept no value`,
        messageZh: `${BOUND_ZH[lowKey]} ${low} 大于${BOUND_ZH[highKey]} ${high}：该字段将无法填写任何值`,
      });
    }
  }
  return problems;
}

function looser(key: BoundKey, value: number, baseValue: number, baseName: string, baseZh: string, exclusive = false): ConstraintProblem {
  const which = exclusive ? `exclusive ${key === 'minimum' ? 'minimum' : 'maximum'}` : key;
  const whichZh = exclusive ? `${key === 'minimum' ? '排他最小值' : '排他最大值'}` : BOUND_ZH[key];
  return {
    key,
    message: `${key} ${value} is looser than the ${baseName}'s ${which} ${baseValue}; a variant may only tighten`,
    messageZh: `${BOUND_ZH[key]} ${value} 比${baseZh}的${whichZh} ${baseValue} 更宽松；区域变体只能收紧约束`,
  };
}
