/**
 * 抄送我的: the cases copied to the actor, newest copy first — case, subject, state in plain words,
 * who copied it and when, and whether it was read (unread rows marked by text and weight, not colour
 * alone). A copy is marked read in the case view (已阅), where it is read.
 */
import type { CopyRow } from './inboxTabs.js';
import { say, type Locale } from './text.js';
import { ButtonsHeading, CaseHeadings, CaseTitleCell, OpenCaseButton, SubjectCell } from './caseTableParts.js';

export interface CopiesTableProps {
  rows: readonly CopyRow[];
  locale: Locale;
  onOpen?: ((instanceId: string) => void) | undefined;
}

export function CopiesTable({ rows, locale, onOpen }: CopiesTableProps) {
  return (
    <table className="nw-table">
      <caption className="nw-visually-hidden">{say('tabCopies', locale)}</caption>
      <thead>
        <tr>
          <CaseHeadings locale={locale} />
          <th scope="col">{say('colCopiedBy', locale)}</th>
          <th scope="col">{say('colCopiedAt', locale)}</th>
          <th scope="col">{say('colRead', locale)}</th>
          {onOpen && (
            <ButtonsHeading locale={locale} />
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.instanceId} className={row.unread ? 'nw-unread' : undefined} data-instance={row.instanceId} data-unread={row.unread || undefined}>
            <CaseTitleCell row={row} locale={locale} />
            <SubjectCell row={row} />
            <td>{row.stateText}</td>
            <td>{row.copiedBy}</td>
            <td>{row.copiedAt}</td>
            <td>{row.unread ? <span className="nw-badge nw-badge--unread">{say('unread', locale)}</span> : <span className="nw-muted">{say('read', locale)}</span>}</td>
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
