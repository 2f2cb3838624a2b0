/**
 * What field permissions refuse in data sent at a step: a hidden field sent at all, a read-only field
 * changed from the value the case already holds. (A required one is demanded by the validator, with
 * the form's other required fields.)
 */
import type { FormDefinition, Issue } from '../definition/types.js';
import type { FieldAccess } from './fieldAccess.js';

const labelOf = (definition: FormDefinition, key: string) => definition.fields[key]?.label ?? { zh: key, en: key };

export function hiddenSent(definition: FormDefinition, modes: Readonly<Record<string, FieldAccess>>, data: Record<string, unknown>): Issue[] {
  return Object.keys(modes)
    .filter((key) => modes[key] === 'hidden' && data[key] !== undefined)
    .map((key) => {
      const label = labelOf(definition, key);
      return { path: `/${key}`, message: `${label.en} is not yours to fill at this step; remove it`, messageZh: `此环节您不能填写"${label.zh}"，请删除后再提交` };
    });
}

/** Read-only fields that were sent: only these need the values the case already holds. */
export function readOnlySent(modes: Readonly<Record<string, FieldAccess>>, data: Record<string, unknown>): string[] {
  return Object.keys(modes).filter((key) => modes[key] === 'readOnly' && data[key] !== undefined);
}

export function readOnlyChanged(definition: FormDefinition, keys: readonly string[], data: Record<string, unknown>, earlier: Record<string, unknown>): Issue[] {
  return keys
    .filter((key) => JSON.stringify(data[key]) !== JSON.stringify(earlier[key]))
    .map((key) => {
      const label = labelOf(definition, key);
      return earlier[key] === undefined
        ? { path: `/${key}`, message: `${label.en} is read-only at this step; leave it out`, messageZh: `"${label.zh}"在此环节只读，请勿填写` }
        : { path: `/${key}`, message: `${label.en} is read-only at this step and cannot change`, messageZh: `"${label.zh}"在此环节只读，不能修改` };
    });
}
