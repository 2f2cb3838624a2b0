/** A value as text, for read-only and print modes: labels instead of codes, units, row tables. */
import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../drafts/attachmentStore.js';
import type { FieldSpec, Locale } from '../definition/types.js';
import { divisionPath, loadDivisions, type DivisionNode } from '../divisions/divisions.js';
import { pick, say } from './text.js';
import { optionsOf } from './widgets/choice.js';
import type { FormServices } from './widgets/types.js';

function DivisionText({ code, level }: { code: string; level: FieldSpec['divisionLevel'] }) {
  const [tree, setTree] = useState<DivisionNode[] | null>(null);
  useEffect(() => void loadDivisions(level ?? 'county').then(setTree), [level]);
  if (!tree) return <>{code}</>;
  const path = divisionPath(tree, code);
  return <>{path.length ? path.map((n) => n.name).join(' ') : code}</>;
}

export function ValueText({ spec, value, locale, services }: { spec: FieldSpec; value: unknown; locale: Locale; services: FormServices }) {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return <>{say('empty', locale)}</>;
  const unit = spec.unit ? ` ${pick(spec.unit, locale)}` : '';
  switch (spec.kind) {
    case 'select':
    case 'radio': {
      const option = optionsOf(spec, services).find((o) => o.value === value);
      return <>{option ? pick(option.label, locale) : String(value)}</>;
    }
    case 'checkboxes': {
      const options = optionsOf(spec, services);
      return <>{(value as unknown[]).map((v) => pick(options.find((o) => o.value === v)?.label, locale) || String(v)).join('、')}</>;
    }
    case 'switch':
      return <>{say(value === true ? 'yes' : 'no', locale)}</>;
    case 'dateRange': {
      const range = value as { start?: string; end?: string };
      return <>{`${range.start ?? '…'} — ${range.end ?? '…'}`}</>;
    }
    case 'division':
      return <DivisionText code={String(value)} level={spec.divisionLevel} />;
    case 'attachments':
      return <>{(value as AttachmentRef[]).map((f) => f.name).join('、')}</>;
    case 'signature':
      return typeof value === 'string' && value.startsWith('data:image/') ? <img src={value} alt={say('signed', locale)} width={180} height={60} /> : <>{say('signed', locale)}</>;
    case 'rows': {
      const columns = Object.entries(spec.columns ?? {});
      return (
        <table className="ng-rows-static">
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map(([key, column]) => (
                <th scope="col" key={key}>
                  {pick(column.label, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(value as Array<Record<string, unknown>>).map((row, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                {columns.map(([key, column]) => (
                  <td key={key}>
                    <ValueText spec={column} value={row[key]} locale={locale} services={services} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      return <>{`${String(value)}${unit}`}</>;
  }
}
