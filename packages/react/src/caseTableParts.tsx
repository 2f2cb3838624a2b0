/**
 * What every list of cases shares (待办, 抄送我的, 已办, 我发起的): the leading column headings and
 * the button that opens a row's case, named with the case so a screen reader says which.
 */
import type { TaskRow } from './inboxModel.js';
import { useSubjectName } from './subjectNames.js';
import { say, type Locale } from './text.js';

/** The row's heading: the lifecycle's title, and under it the 受理编号 people quote. */
export function CaseTitleCell({ row, locale }: { row: Pick<TaskRow, 'workflowTitle' | 'caseNumber' | 'draft'>; locale: Locale }) {
  return (
    <th scope="row">
      {row.workflowTitle}
      {row.draft && <span className="nw-badge nw-badge--draft">{say('draft', locale)}</span>}
      {row.caseNumber && (
        <div className="nw-muted nw-case-number">
          <span className="nw-visually-hidden">{say('caseNumber', locale)} </span>
          {row.caseNumber}
        </div>
      )}
    </th>
  );
}

/** The subject by name: the host's register, else what the case calls it. */
export function SubjectCell({ row }: { row: Pick<TaskRow, 'subject' | 'subjectInCase'> }) {
  const subjectName = useSubjectName();
  return <td>{subjectName(row.subject, row.subjectInCase)}</td>;
}

/** 业务 · 对象 · 当前环节: the first three headings of every case list. */
export function CaseHeadings({ locale }: { locale: Locale }) {
  return (
    <>
      <th scope="col">{say('colCase', locale)}</th>
      <th scope="col">{say('colSubject', locale)}</th>
      <th scope="col">{say('colState', locale)}</th>
    </>
  );
}

/** The heading of the buttons column (visually hidden: the buttons say what they do). */
export function ButtonsHeading({ locale }: { locale: Locale }) {
  return (
    <th scope="col">
      <span className="nw-visually-hidden">{say('open', locale)}</span>
    </th>
  );
}

export function OpenCaseButton({ row, locale, onOpen }: { row: Pick<TaskRow, 'instanceId' | 'workflowTitle' | 'subject' | 'subjectInCase' | 'caseNumber'>; locale: Locale; onOpen: (instanceId: string) => void }) {
  const subjectName = useSubjectName();
  const named = [row.workflowTitle, subjectName(row.subject, row.subjectInCase), row.caseNumber].filter(Boolean).join(' ');
  return (
    <button type="button" onClick={() => onOpen(row.instanceId)} aria-label={`${say('open', locale)}: ${named}`}>
      {say('open', locale)}
    </button>
  );
}
