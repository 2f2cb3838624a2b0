/**
 * What every list of cases shares (待办, 抄送我的, 已办, 我发起的): the leading column headings and
 * the button that opens a row's case, named with the case so a screen reader says which.
 */
import type { TaskRow } from './inboxModel.js';
import { say, type Locale } from './text.js';

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

export function OpenCaseButton({ row, locale, onOpen }: { row: Pick<TaskRow, 'instanceId' | 'workflowTitle' | 'subject'>; locale: Locale; onOpen: (instanceId: string) => void }) {
  return (
    <button type="button" onClick={() => onOpen(row.instanceId)} aria-label={`${say('open', locale)}: ${row.workflowTitle} ${row.subject}`}>
      {say('open', locale)}
    </button>
  );
}
