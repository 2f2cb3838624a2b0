/**
 * The field-permission matrix (节点表单权限): for one step of the lifecycle at a time, each field ×
 * each role taking part is editable, read-only, hidden or required. The steps come from the host
 * (where the workflows fill this form, named for people); each change is one undoable edit.
 */
import { useId, useState } from 'react';
import { FIELD_ACCESS, FIELD_ACCESS_LABELS, type FieldAccess } from '@nongan/forms';
import { cellMode, permissionsOf, setFieldAccess, type PermissionStep } from '../core/fieldPermissions.js';
import { resolveDraft } from '../core/variant.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import { Group, Select } from './inputs.js';
import { pick, say } from './text.js';

export function PermissionMatrix({ steps }: { steps: readonly PermissionStep[] }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const id = useId();
  const [chosen, setChosen] = useState(steps[0]?.state ?? '*');
  const matrix = useDesignerSelector((s) => permissionsOf(s.state), []);
  const fields = useDesignerSelector((s) => {
    if (!s.state.variant) return s.state.definition.fields;
    const resolved = resolveDraft(s.state.variant);
    return resolved.ok ? resolved.definition.fields : s.state.variant.base.fields;
  }, []);
  const legend = say(locale, '字段权限（按环节和角色）', 'Field permissions (per step and role)');
  if (steps.length === 0) {
    return (
      <Group legend={legend}>
        <p className="ngd-hint">{say(locale, '此表单尚未用于任何业务环节；业务流程使用它之后，可在这里按环节设置各角色的字段权限。', 'No lifecycle step uses this form yet; once one does, set each role\'s field permissions per step here.')}</p>
      </Group>
    );
  }
  const step = steps.find((s) => s.state === chosen) ?? steps[0]!;
  const keys = Object.keys(fields);
  const options = FIELD_ACCESS.map((mode) => ({ value: mode, label: pick(FIELD_ACCESS_LABELS[mode], locale) }));
  return (
    <Group legend={legend}>
      <Select label={say(locale, '环节', 'Step')} value={step.state} options={steps.map((s) => ({ value: s.state, label: pick(s.label, locale) }))} onChange={setChosen} />
      <p className="ngd-hint">
        {say(locale, '未设置的字段可编辑；“所有环节”一行是各环节的默认值。隐藏的字段该角色既不能填写，也看不到已填写的内容。', 'Fields not set are editable; the "every step" row is the default of each step. A hidden field can neither be filled nor be seen by that role.')}
      </p>
      <div className="ngd-matrix" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table>
          <caption id={`${id}-caption`}>{say(locale, `${pick(step.label, locale)}：字段 × 角色`, `${pick(step.label, locale)}: fields × roles`)}</caption>
          <thead>
            <tr>
              <th scope="col">{say(locale, '字段', 'Field')}</th>
              {step.roles.map((r) => (
                <th scope="col" key={r.role}>
                  {pick(r.label, locale)}
                  {r.fills && <span className="ngd-hint">{say(locale, '（填写）', ' (fills)')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const label = pick(fields[key]!.label, locale);
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  {step.roles.map((r) => {
                    const mode = cellMode(matrix, step.state, r.role, key);
                    return (
                      <td key={r.role} data-mode={mode}>
                        <select
                          aria-label={`${label} · ${pick(r.label, locale)}`}
                          value={mode}
                          disabled={locked}
                          onChange={(e) => run(() => setFieldAccess(step.state, r.role, key, e.target.value as FieldAccess))}
                        >
                          {options.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Group>
  );
}
