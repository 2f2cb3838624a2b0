/**
 * Repeatable rows (array of objects), e.g. species × head counts: a table whose cells are the
 * columns' own widgets, with add/remove buttons (keyboard reachable, each named by its row).
 */
import type { FieldSpec, JsonSchema } from '../../definition/types.js';
import { pick, say } from '../text.js';
import { widgetFor } from './registry.js';
import type { WidgetProps } from './types.js';

type Row = Record<string, unknown>;

function itemSchema(schema: JsonSchema): JsonSchema {
  const items = schema.items as JsonSchema | undefined;
  return items && typeof items === 'object' ? items : {};
}

export function RowsWidget(props: WidgetProps) {
  const { spec, locale } = props;
  const rows = Array.isArray(props.value) ? (props.value as Row[]) : [];
  const columns = Object.entries(spec.columns ?? {}) as Array<[string, FieldSpec]>;
  const columnSchemas = (itemSchema(props.schema).properties ?? {}) as Record<string, JsonSchema>;
  const setRows = (next: Row[]) => props.onChange(next.length > 0 ? next : undefined);
  const setCell = (index: number, key: string, value: unknown) =>
    setRows(rows.map((row, i) => (i === index ? Object.fromEntries(Object.entries({ ...row, [key]: value }).filter(([, v]) => v !== undefined)) : row)));

  return (
    <div className="ng-rows" role="group" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy}>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map(([key, column]) => (
              <th scope="col" key={key}>
                {pick(column.label, locale)}
              </th>
            ))}
            {!props.readOnly && <th scope="col">{say('actions', locale)}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{index + 1}</th>
              {columns.map(([key, column]) => {
                const Widget = widgetFor(column.kind);
                const cellId = `${props.id}-${index}-${key}`;
                return (
                  <td key={key}>
                    {/* Each cell is labelled "row n column" for screen readers; the header shows it visually. */}
                    <label htmlFor={cellId} className="ng-visually-hidden" id={`${cellId}-label`}>
                      {`${say('row', locale, { n: index + 1 })} ${pick(column.label, locale)}`}
                    </label>
                    <Widget
                      {...props}
                      id={cellId}
                      spec={column}
                      schema={columnSchemas[key] ?? {}}
                      value={row[key]}
                      describedBy={undefined}
                      onChange={(value) => setCell(index, key, value)}
                    />
                  </td>
                );
              })}
              {!props.readOnly && (
                <td>
                  <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {say('removeRow', locale, { n: index + 1 })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!props.readOnly && (
        <button type="button" id={props.id} onClick={() => setRows([...rows, {}])} onBlur={props.onBlur}>
          {say('addRow', locale)}
        </button>
      )}
    </div>
  );
}
