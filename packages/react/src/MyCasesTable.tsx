/**
 * 已办 / 我发起的: the cases the actor handled or started, the most recently updated first — case,
 * subject, state in plain words, whether it is still running, and when it last moved.
 */
import type { CaseRow } from './inboxTabs.js';
import { say, type Locale, type UiKey } from './text.js';
import { ButtonsHeading, CaseHeadings, CaseTitleCell, OpenCaseButton, SubjectCell } from './caseTableParts.js';

export interface MyCasesTableProps {
  rows: readonly CaseRow[];
  caption: UiKey;
  locale: Locale;
  onOpen?: ((instanceId: string) => void) | undefined;
}

export function MyCasesTable({ rows, caption, locale, onOpen }: MyCasesTableProps) {
  return (
    <table className="nw-table">
      <caption className="nw-visually-hidden">{say(caption, locale)}</caption>
      <thead>
        <tr>
          <CaseHeadings locale={locale} />
          <th scope="col">{say('colCaseStatus', locale)}</th>
          <th scope="col">{say('colUpdated', locale)}</th>
          {onOpen && (
            <ButtonsHeading locale={locale} />
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.instanceId} data-instance={row.instanceId} data-finished={row.finished || undefined}>
            <CaseTitleCell row={row} locale={locale} />
            <SubjectCell row={row} />
            <td>{row.stateText}</td>
            <td>{say(row.finished ? 'caseDone' : 'caseActive', locale)}</td>
            <td>{row.updatedText}</td>
            {onOpen && (
              <td>
                <OpenCaseButton row={row} locale={locale} onOpen={onOpen} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
