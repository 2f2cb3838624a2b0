/**
 * The rows of one inbox tab: case, subject, state in plain words, who has the task (mine, 待认领, or
 * the colleague who claimed it), what the actor may do, the due date in working days (overdue marked
 * by text and colour). In 待认领 each row carries its 认领 button; every tab's rows open the case.
 */
import { TASK_OPERATION_LABELS } from '@nongan/engine';
import { dueText } from './due.js';
import type { TaskRow } from './inboxModel.js';
import type { InboxTab } from './inboxTabs.js';
import { pick, say, type Locale } from './text.js';
import { ButtonsHeading, CaseHeadings, CaseTitleCell, OpenCaseButton, SubjectCell } from './caseTableParts.js';

export interface InboxTableProps {
  rows: readonly TaskRow[];
  tab: InboxTab;
  locale: Locale;
  onOpen?: ((instanceId: string) => void) | undefined;
  onClaim: (row: TaskRow) => void;
  /** Cases whose claim is being sent (their button waits). */
  claiming: ReadonlySet<string>;
}

export function assignmentText(row: TaskRow, locale: Locale): string {
  if (row.assignment === 'mine') return say('assignMine', locale);
  if (row.assignment === 'unclaimed') return say('assignUnclaimed', locale);
  if (row.assignment === 'escalated') return row.holderName ? say('assignEscalatedHeld', locale, { name: row.holderName }) : say('assignEscalated', locale);
  return say('assignHeld', locale, { name: row.holderName ?? say('someoneElse', locale) });
}

export function InboxTable({ rows, tab, locale, onOpen, onClaim, claiming }: InboxTableProps) {
  const claimLabel = pick(TASK_OPERATION_LABELS.claim, locale);
  const claims = tab === 'unclaimed';
  return (
    <table className="nw-table">
      <caption className="nw-visually-hidden">{say('inbox', locale)}</caption>
      <thead>
        <tr>
          <CaseHeadings locale={locale} />
          <th scope="col">{say('colAssignment', locale)}</th>
          <th scope="col">{say('colActions', locale)}</th>
          <th scope="col">{say('colDue', locale)}</th>
          {(onOpen || claims) && (
            <ButtonsHeading locale={locale} />
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.instanceId} className={row.due?.overdue ? 'nw-overdue' : undefined} data-instance={row.instanceId} data-assignment={row.assignment}>
            <CaseTitleCell row={row} locale={locale} />
            <SubjectCell row={row} />
            <td>{row.stateText}</td>
            <td>{assignmentText(row, locale)}</td>
            <td>{row.events.map((e) => e.label).join(locale === 'en' ? ', ' : '、')}</td>
            <td className="nw-due">
              {row.due ? (
                <>
                  {row.due.overdue && <span className="nw-badge nw-badge--overdue">{say('overdue', locale)}</span>}
                  {dueText(row.due, locale)}
                </>
              ) : (
                <span className="nw-muted">{say('noDeadline', locale)}</span>
              )}
            </td>
            {(onOpen || claims) && (
              <td className="nw-row-buttons">
                {claims && (
                  <button
                    type="button"
                    className="nw-primary"
                    data-op="claim"
                    disabled={claiming.has(row.instanceId)}
                    onClick={() => onClaim(row)}
                    aria-label={`${claimLabel}: ${row.workflowTitle} ${row.subject}`}
                  >
                    {claiming.has(row.instanceId) ? say('submitting', locale) : claimLabel}
                  </button>
                )}
                {onOpen && (
                  <OpenCaseButton row={row} locale={locale} onOpen={onOpen} />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
