/** Options of a select / radio / checkboxes field: typed in, or taken from a named dictionary. */
import { useId } from 'react';
import type { FieldOption, JsonSchema } from '@nongan/forms';
import { updateField } from '../core/commands/fieldCommands.js';
import { DICTIONARIES } from '../core/dictionaries.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import { Group } from './inputs.js';
import { say } from './text.js';

export function OptionsEditor({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const spec = useDesignerSelector((s) => s.state.definition.fields[fieldKey], [fieldKey]);
  const property = useDesignerSelector((s) => ((s.state.definition.schema.properties ?? {}) as Record<string, JsonSchema>)[fieldKey], [fieldKey]);
  const dictId = useId();
  if (!spec) return null;
  const options = spec.options ?? [];
  const itemSchema = spec.kind === 'checkboxes' ? (property?.items as JsonSchema | undefined) : property;
  const numeric = itemSchema?.type === 'number' || itemSchema?.type === 'integer';
  const commit = (next: FieldOption[], what = 'options') => next.length > 0 && run(() => updateField(fieldKey, { options: next, optionsFrom: undefined }), `${fieldKey}:${what}`);
  const change = (i: number, patch: Partial<{ value: string; zh: string; en: string }>) => {
    const next = options.map((o, j) => {
      if (j !== i) return o;
      const value = patch.value === undefined ? o.value : numeric && patch.value.trim() !== '' && Number.isFinite(Number(patch.value)) ? Number(patch.value) : patch.value;
      return { value, label: { zh: patch.zh ?? o.label.zh, en: patch.en ?? o.label.en } };
    });
    commit(next, `option${i}`);
  };
  const fresh = () => {
    let n = options.length + 1;
    while (options.some((o) => o.value === (numeric ? n : `option${n}`))) n++;
    return numeric ? n : `option${n}`;
  };
  return (
    <Group legend={say(locale, '选项', 'Options')}>
      <label htmlFor={dictId}>{say(locale, '从字典选取', 'Take from a dictionary')}</label>
      <select
        id={dictId}
        value={spec.optionsFrom ?? ''}
        disabled={locked || numeric}
        onChange={(e) => {
          const dict = DICTIONARIES[e.target.value];
          if (dict) run(() => updateField(fieldKey, { options: dict.options, optionsFrom: e.target.value }));
        }}
      >
        <option value="">{say(locale, '（手动输入）', '(typed in)')}</option>
        {Object.entries(DICTIONARIES).map(([id, d]) => (
          <option key={id} value={id}>
            {say(locale, d.label.zh, d.label.en)}
          </option>
        ))}
      </select>
      <table>
        <thead>
          <tr>
            <th scope="col">{say(locale, '值', 'Value')}</th>
            <th scope="col">中文</th>
            <th scope="col">English</th>
            <th scope="col">
              <span className="ngd-visually-hidden">{say(locale, '操作', 'Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((o, i) => (
            <tr key={i}>
              <td>
                <input type="text" aria-label={say(locale, `选项 ${i + 1} 的值`, `Value of option ${i + 1}`)} value={String(o.value)} disabled={locked} onChange={(e) => change(i, { value: e.target.value })} size={8} />
              </td>
              <td>
                <input type="text" aria-label={say(locale, `选项 ${i + 1} 的中文`, `Chinese of option ${i + 1}`)} value={o.label.zh} disabled={locked} onChange={(e) => change(i, { zh: e.target.value })} size={8} />
              </td>
              <td>
                <input type="text" aria-label={say(locale, `选项 ${i + 1} 的英文`, `English of option ${i + 1}`)} value={o.label.en} disabled={locked} onChange={(e) => change(i, { en: e.target.value })} size={8} />
              </td>
              <td>
                <button type="button" disabled={locked || options.length < 2} aria-label={say(locale, `删除选项 ${i + 1}`, `Remove option ${i + 1}`)} onClick={() => commit(options.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={locked} onClick={() => commit([...options, { value: fresh(), label: { zh: `选项${options.length + 1}`, en: `Option ${options.length + 1}` } }])}>
        {say(locale, '增加选项', 'Add option')}
      </button>
    </Group>
  );
}
