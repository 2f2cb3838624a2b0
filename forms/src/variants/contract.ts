/**
 * Does a (resolved) form guarantee a lifecycle's data contract? The contract is the JSON Schema
 * the submitted data must satisfy (e.g. what the licensing step reads). At the form root `required`
 * also depends on what only the form knows: a field that may be hidden (`visibleIf`) or is only
 * `requiredIf` may be absent from submitted data (hidden fields are not required), so it cannot
 * meet a contract `required` — wherever that `required` sits (top level, allOf, anyOf branch).
 * Everything else is the structural implication check in contractImplies.ts.
 */
import type { FormDefinition, Issue, JsonSchema } from '../definition/types.js';
import { issue, isPlainObject, pointer, q } from '../definition/issues.js';
import { scanJson } from '../definition/jsonScan.js';
import { checkSchemaRefs } from '../definition/schemaRefs.js';
import { implies } from './contractImplies.js';

export interface ContractResult {
  ok: boolean;
  problems: Issue[];
}

export function checkContract(definition: FormDefinition, contract: JsonSchema): ContractResult {
  const shape = scanJson(contract);
  if (shape.length) return { ok: false, problems: shape };
  if (isPlainObject(contract)) {
    const refs = checkSchemaRefs(contract, '');
    if (refs.length) return { ok: false, problems: refs.map((p) => ({ ...p, message: `contract: ${p.message}`, messageZh: `契约：${p.messageZh}` })) };
  }
  const problems: Issue[] = [];
  const form = definition.schema;
  const rootRequired = (keys: string[], out: Issue[]) => requiredAtRoot(definition, keys, out);
  implies(form, contract, '/schema', '', { formRoot: form, contractRoot: contract, problems, rootRequired });
  return { ok: problems.length === 0, problems };
}

function requiredAtRoot(definition: FormDefinition, keys: string[], problems: Issue[]): void {
  const form = definition.schema;
  const properties = isPlainObject(form.properties) ? form.properties : {};
  const required = Array.isArray(form.required) ? form.required : [];
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    const rules = definition.rules?.[key];
    if (!Object.prototype.hasOwnProperty.call(properties, key)) {
      problems.push(issue(pointer('/schema/properties', key), `the contract requires ${q(key)}, but the form has no such field (hidden or removed)`, `契约要求 ${q(key)}，但表单没有该字段（已隐藏或删除）`));
      continue;
    }
    if (rules?.visibleIf !== undefined) {
      problems.push(issue(pointer('/rules', key, 'visibleIf'), `the contract requires ${q(key)}, but the field can be hidden and is then not submitted`, `契约要求 ${q(key)}，但该字段可能被隐藏，隐藏时不会提交`));
    }
    if (!required.includes(key)) {
      problems.push(
        rules?.requiredIf !== undefined
          ? issue(pointer('/rules', key, 'requiredIf'), `the contract requires ${q(key)}, but the form requires it only conditionally`, `契约要求 ${q(key)}，但表单仅在条件满足时要求填写`)
          : issue('/schema/required', `the contract requires ${q(key)}, but the form does not`, `契约要求 ${q(key)}，但表单未设为必填`),
      );
    }
  }
}
