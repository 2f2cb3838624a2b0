/**
 * `<TaskInbox actor>`: the actor's open tasks — case, state in plain words, what the actor may do,
 * due date in working days with overdue tasks marked (by text and colour) — with filters by workflow,
 * state and overdue. Live: a send, a fired deadline or a message updates it.
 */
import type { Actor } from '@nongan/engine';
import { useId, useState } from 'react';
import { dueText } from './due.js';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { assertActor, useTasks } from './hooks.js';
import type { TaskFilters } from './inboxModel.js';
import { say } from './text.js';

export interface TaskInboxProps {
  actor: Actor;
  /** Called with the case id when the actor opens a task. */
  onOpen?: (instanceId: string) => void;
  /** Initial filters (the user can change them). */
  initialFilters?: TaskFilters;
  limit?: number;
}

export function TaskInbox({ actor, onOpen, initialFilters = {}, limit }: TaskInboxProps) {
  assertActor(actor, 'TaskInbox');
  const { locale } = useEngineContext();
  const [filters, setFilters] = useState<TaskFilters>(initialFilters);
  const tasks = useTasks(actor, filters, limit === undefined ? {} : { limit });
  const id = useId();
  const headingId = `${id}-heading`;
  const data = tasks.data;

  return (
    <section className="nw nw-inbox" aria-labelledby={headingId} lang={locale}>
      <h2 id={headingId}>{say('inbox', locale)}</h2>
      <form className="nw-filters" role="search" aria-label={say('filters', locale)} onSubmit={(e) => e.preventDefault()}>
        <label>
          {say('filterWorkflow', locale)}
          <select value={filters.workflowId ?? ''} onChange={(e) => setFilters({ ...filters, workflowId: e.target.value || undefined, state: undefined })}>
            <option value="">{say('all', locale)}</option>
            {data?.options.workflows.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('filterState', locale)}
          <select value={filters.state ?? ''} onChange={(e) => setFilters({ ...filters, state: e.target.value || undefined })}>
            <option value="">{say('all', locale)}</option>
            {data?.options.states.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="nw-check">
          <input type="checkbox" checked={filters.overdueOnly === true} onChange={(e) => setFilters({ ...filters, overdueOnly: e.target.checked || undefined })} />
          {say('filterOverdue', locale)}
        </label>
      </form>
      {tasks.status === 'error' && <ErrorNotice error={tasks.error} />}
      {!data && tasks.status === 'loading' && <p aria-busy="true">{say('loading', locale)}</p>}
      {data && data.rows.length === 0 && (
        <p role="status">{data.allRows.length === 0 ? say('inboxEmpty', locale) : say('inboxFiltered', locale)}</p>
      )}
      {data && data.rows.length > 0 && (
        <table className="nw-table">
          <caption className="nw-visually-hidden">{say('inbox', locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{say('colCase', locale)}</th>
              <th scope="col">{say('colSubject', locale)}</th>
              <th scope="col">{say('colState', locale)}</th>
              <th scope="col">{say('colActions', locale)}</th>
              <th scope="col">{say('colDue', locale)}</th>
              {onOpen && (
                <th scope="col">
                  <span className="nw-visually-hidden">{say('open', locale)}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.instanceId} className={row.due?.overdue ? 'nw-overdue' : undefined} data-instance={row.instanceId}>
                <th scope="row">
                  {row.workflowTitle}
                  <div className="nw-muted">{row.instanceId}</div>
                </th>
                <td>{row.subject}</td>
                <td>{row.stateText}</td>
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
                {onOpen && (
                  <td>
                    <button type="button" onClick={() => onOpen(row.instanceId)} aria-label={`${say('open', locale)}: ${row.workflowTitle} ${row.subject}`}>
                      {say('open', locale)}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
