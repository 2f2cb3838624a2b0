/** The columns of a table (rows) field: key, kind and bilingual title per column; add and remove. */
import { useState } from 'react';
import { ROW_COLUMN_KINDS, setRowColumns, type RowColumn, type RowColumnKind } from '../core/commands/rowsCommands.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import { Group, uncommittedProps } from './inputs.js';
import { say } from './text.js';

const KIND_LABELS: Record<RowColumnKind, [string, string]> = { text: ['文本', 'Text'], integer: ['整数', 'Integer'], number: ['数字', 'Number'], date: ['日期', 'Date'], switch: ['开关', 'Switch'] };

export function RowsEditor({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const columns = useDesignerSelector((s) => s.state.definition.fields[fieldKey]?.columns, [fieldKey]);
  const current: RowColumn[] = Object.entries(columns ?? {}).map(([key, c]) => ({ key, kind: ((ROW_COLUMN_KINDS as readonly string[]).includes(c.kind) ? c.kind : 'text') as RowColumnKind, label: c.label }));
  // Keys are typed into a local copy and applied on blur, so a half-typed key is not an error.
  const [keys, setKeys] = useState<Record<number, string>>({});
  const commit = (next: RowColumn[], coalesce?: string) => run(() => setRowColumns(fieldKey, next), coalesce);
  const at = (i: number, patch: Partial<RowColumn>) => current.map((c, j) => (j === i ? { ...c, ...patch } : c));
  return (
    <Group legend={say(locale, '明细表列', 'Table columns')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{say(locale, '列键', 'Key')}</th>
            <th scope="col">{say(locale, '类型', 'Kind')}</th>
            <th scope="col">中文</th>
            <th scope="col">English</th>
            <th scope="col">
              <span className="ngd-visually-hidden">{say(locale, '操作', 'Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {current.map((c, i) => (
            <tr key={`${c.key}-${i}`}>
              <td>
                <input
                  type="text"
                  size={8}
                  aria-label={say(locale, `第 ${i + 1} 列的键`, `Key of column ${i + 1}`)}
                  value={keys[i] ?? c.key}
                  {...uncommittedProps(keys[i] !== undefined && keys[i] !== c.key)}
                  disabled={locked}
                  onChange={(e) => setKeys({ ...keys, [i]: e.target.value })}
                  onBlur={() => {
                    if (keys[i] !== undefined && keys[i] !== c.key) commit(at(i, { key: keys[i] }));
                    setKeys({});
                  }}
                />
              </td>
              <td>
                <select aria-label={say(locale, `第 ${i + 1} 列的类型`, `Kind of column ${i + 1}`)} value={c.kind} disabled={locked} onChange={(e) => commit(at(i, { kind: e.target.value as RowColumnKind }))}>
                  {ROW_COLUMN_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {say(locale, KIND_LABELS[k][0], KIND_LABELS[k][1])}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input type="text" size={8} aria-label={say(locale, `第 ${i + 1} 列的中文标题`, `Chinese title of column ${i + 1}`)} value={c.label.zh} disabled={locked} onChange={(e) => commit(at(i, { label: { ...c.label, zh: e.target.value } }), `${fieldKey}:col${i}`)} />
              </td>
              <td>
                <input type="text" size={8} aria-label={say(locale, `第 ${i + 1} 列的英文标题`, `English title of column ${i + 1}`)} value={c.label.en} disabled={locked} onChange={(e) => commit(at(i, { label: { ...c.label, en: e.target.value } }), `${fieldKey}:col${i}`)} />
              </td>
              <td>
                <button type="button" disabled={locked || current.length < 2} aria-label={say(locale, `删除第 ${i + 1} 列`, `Remove column ${i + 1}`)} onClick={() => commit(current.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        disabled={locked}
        onClick={() => {
          let n = current.length + 1;
          while (current.some((c) => c.key === `col${n}`)) n++;
          commit([...current, { key: `col${n}`, kind: 'text', label: { zh: `第${n}列`, en: `Column ${n}` } }]);
        }}
      >
        {say(locale, '增加一列', 'Add a column')}
      </button>
    </Group>
  );
}
