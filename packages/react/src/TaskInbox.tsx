/**
 * `<TaskInbox actor>`: the actor's open tasks in tabs — all, 待办 (mine), 待认领 (claimed right in the
 * row), 已被他人认领 (held by a named colleague), 超期上报 (escalated to a supervisor, shown when there is
 * any) and 抄送我的 (copies, unread counted) — each tab with
 * its count and its own filters by workflow, state and overdue. Rows read in plain words, with due
 * dates in working days and overdue tasks marked. Live: a send, an operation, a fired deadline or a
 * message updates it. 已办 and 我发起的 are missing: the engine has no query for them yet.
 *
 * The first tab is "all": the portal opens a case from its row's one button, whatever the task's
 * standing; claiming is a choice made in 待认领 (or in the case view), never a side effect of opening.
 */
import type { Actor } from '@nongan/engine';
import { useId, useMemo, useState } from 'react';
import { CopiesTable } from './CopiesTable.js';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { assertActor, useCopies, useMyCases, useTasks } from './hooks.js';
import { MyCasesTable } from './MyCasesTable.js';
import type { TaskFilters, TaskRow } from './inboxModel.js';
import { caseRows, copyRows, INBOX_TABS, isCaseTab, isInboxTab, tabCounts, tabView, visibleTabs, type CaseRow, type CopyRow, type InboxTab } from './inboxTabs.js';
import { InboxTable } from './InboxTable.js';
import { InboxTabs, panelId, tabId } from './InboxTabs.js';
import { say, type UiKey } from './text.js';

export interface TaskInboxProps {
  actor: Actor;
  /** Called with the case id when the actor opens a task. */
  onOpen?: (instanceId: string) => void;
  /** Initial filters of every tab (the user can change them, tab by tab). */
  initialFilters?: TaskFilters;
  /** The tab shown first (default: all tasks). */
  initialTab?: InboxTab;
  limit?: number;
}

const EMPTY: Record<InboxTab, UiKey> = { all: 'inboxEmpty', mine: 'inboxEmpty', unclaimed: 'unclaimedEmpty', held: 'heldEmpty', escalated: 'escalatedEmpty', done: 'doneEmpty', started: 'startedEmpty', copies: 'copiesEmpty' };

type ClaimOutcome = { ok: true; what: string } | { ok: false; error: unknown };

export function TaskInbox({ actor, onOpen, initialFilters = {}, initialTab = 'all', limit }: TaskInboxProps) {
  assertActor(actor, 'TaskInbox');
  if (!isInboxTab(initialTab)) throw new TypeError(`TaskInbox: initialTab must be one of ${INBOX_TABS.join(', ')} / initialTab 须为 ${INBOX_TABS.join('、')} 之一`);
  const { engine, locale } = useEngineContext();
  const [tab, setTab] = useState<InboxTab>(initialTab);
  const [filtersByTab, setFiltersByTab] = useState<Partial<Record<InboxTab, TaskFilters>>>({});
  const filters = filtersByTab[tab] ?? initialFilters;
  const setFilters = (next: TaskFilters) => setFiltersByTab({ ...filtersByTab, [tab]: next });
  const options = limit === undefined ? {} : { limit };
  const tasks = useTasks(actor, {}, options);
  const copies = useCopies(actor, options);
  const handled = useMyCases(actor, 'acted', options);
  const opened = useMyCases(actor, 'opened', options);
  const [claiming, setClaiming] = useState<ReadonlySet<string>>(new Set());
  const [claimed, setClaimed] = useState<ClaimOutcome | null>(null);
  const id = useId();
  const headingId = `${id}-heading`;

  const lookup = (workflowId: string, version: number) => engine.workflow(workflowId, version);
  const copied = useMemo((): CopyRow[] => (copies.data ? copyRows(copies.data, lookup, engine.clock.now(), engine.calendar, locale) : []), [copies.data, locale]);
  const cases = useMemo(() => ({ done: handled.data ?? [], started: opened.data ?? [] }), [handled.data, opened.data]);
  const rowsOfCases = useMemo(() => {
    const rows = (list: typeof cases.done) => caseRows(list, lookup, engine.clock.now(), engine.calendar, locale);
    return { done: rows(cases.done), started: rows(cases.started) };
  }, [cases, locale]);
  const data = tasks.data;
  const source = data ? { tasks: data.tasks, taskRows: data.allRows, copies: copies.data ?? [], copyRows: copied, cases, caseRows: rowsOfCases } : undefined;
  const counts = source ? tabCounts(source) : undefined;
  const view = source ? tabView(tab, source, filters, lookup, locale) : undefined;
  // Each tab waits for, and reports the failure of, its own list.
  const list = tab === 'copies' ? copies : tab === 'done' ? handled : tab === 'started' ? opened : tasks;
  const loading = (!list.data && list.status === 'loading') || (!data && tasks.status === 'loading');
  const failure = list.status === 'error' ? list.error : tasks.status === 'error' ? tasks.error : undefined;

  // One claim per click, with its own commandId: a double click on a slow line is applied once.
  const claim = async (row: TaskRow) => {
    setClaiming((s) => new Set(s).add(row.instanceId));
    setClaimed(null);
    try {
      await engine.operate(row.instanceId, { op: 'claim' }, { actor, commandId: globalThis.crypto.randomUUID() });
      setClaimed({ ok: true, what: `${row.workflowTitle} · ${row.subject}` });
    } catch (error) {
      setClaimed({ ok: false, error });
    } finally {
      setClaiming((s) => {
        const next = new Set(s);
        next.delete(row.instanceId);
        return next;
      });
    }
  };

  return (
    <section className="nw nw-inbox" aria-labelledby={headingId} lang={locale}>
      <h2 id={headingId}>{say('inbox', locale)}</h2>
      <InboxTabs tabs={visibleTabs(counts, tab)} selected={tab} counts={counts} locale={locale} idPrefix={id} onSelect={setTab} />
      <div role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id, tab)} data-tab={tab}>
        <form className="nw-filters" role="search" aria-label={say('filters', locale)} onSubmit={(e) => e.preventDefault()}>
          <label>
            {say('filterWorkflow', locale)}
            <select value={filters.workflowId ?? ''} onChange={(e) => setFilters({ ...filters, workflowId: e.target.value || undefined, state: undefined })}>
              <option value="">{say('all', locale)}</option>
              {view?.options.workflows.map((o) => (
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
              {view?.options.states.map((o) => (
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
        {claimed?.ok === true && (
          <p className="nw-success" role="status">
            {say('claimedCase', locale, { case: claimed.what })}
          </p>
        )}
        {claimed?.ok === false && <ErrorNotice error={claimed.error} title="claimFailed" />}
        {failure !== undefined && <ErrorNotice error={failure} />}
        {loading && <p aria-busy="true">{say('loading', locale)}</p>}
        {view && !loading && view.rows.length === 0 && <p role="status">{view.allRows.length === 0 ? say(EMPTY[tab], locale) : say('inboxFiltered', locale)}</p>}
        {view && view.rows.length > 0 &&
          (tab === 'copies' ? (
            <CopiesTable rows={view.rows as CopyRow[]} locale={locale} onOpen={onOpen} />
          ) : isCaseTab(tab) ? (
            <MyCasesTable rows={view.rows as CaseRow[]} caption={tab === 'done' ? 'tabDone' : 'tabStarted'} locale={locale} onOpen={onOpen} />
          ) : (
            <InboxTable rows={view.rows} tab={tab} locale={locale} onOpen={onOpen} onClaim={(row) => void claim(row)} claiming={claiming} />
          ))}
      </div>
    </section>
  );
}
