/**
 * The inbox's tabs as data: all tasks, 待办 (mine), 待认领 (the role's, unclaimed), 已被他人认领 (held by
 * a colleague), 超期上报 (escalated to the actor's role when overdue) and 抄送我的 (copies, unread
 * marked), 已办 (cases the actor took a step in) and 我发起的 (cases the actor opened), with each
 * tab's count, its rows after the filters and the filter options its own rows offer. No React here.
 */
import type { BusinessCalendar, CopiedCase, InstanceRecord, Task } from '@nongan/engine';
import { filterOptions, filterTaskRows, taskRows, type FilterOption, type TaskFilters, type TaskRow, type WorkflowLookup } from './inboxModel.js';
import { chinaDateTime } from './timelineModel.js';
import { say, type Locale, type UiKey } from './text.js';

export type InboxTab = 'all' | 'mine' | 'unclaimed' | 'held' | 'escalated' | 'done' | 'started' | 'copies';

export const INBOX_TABS: readonly InboxTab[] = ['all', 'mine', 'unclaimed', 'held', 'escalated', 'done', 'started', 'copies'];

export const TAB_LABELS: Record<InboxTab, UiKey> = {
  all: 'tabAll',
  mine: 'tabMine',
  unclaimed: 'tabUnclaimed',
  held: 'tabHeld',
  escalated: 'tabEscalated',
  done: 'tabDone',
  started: 'tabStarted',
  copies: 'tabCopies',
};

/** Tabs listing cases the actor took part in rather than tasks waiting for them. */
export type CaseTab = 'done' | 'started';
export const isCaseTab = (tab: InboxTab): tab is CaseTab => tab === 'done' || tab === 'started';

/** The tabs shown: 超期上报 only to those it has reached (supervisors), or while it is open. */
export function visibleTabs(counts: TabCounts | undefined, selected: InboxTab): InboxTab[] {
  return INBOX_TABS.filter((tab) => tab !== 'escalated' || tab === selected || (counts?.escalated ?? 0) > 0);
}

export function isInboxTab(value: unknown): value is InboxTab {
  return typeof value === 'string' && (INBOX_TABS as readonly string[]).includes(value);
}

/** A case copied to the actor, as an inbox row (so the same filters apply), with who copied it and whether it was read. */
export interface CopyRow extends TaskRow {
  copiedBy: string;
  copiedAt: string;
  unread: boolean;
}

export function copyRows(copies: readonly CopiedCase[], lookup: WorkflowLookup, now: number, calendar: BusinessCalendar, locale: Locale): CopyRow[] {
  // A copy reads like a task row with nothing to do: the same columns, filters and deadline text.
  const rows = taskRows(copies.map(({ instance }) => ({ instance, events: [], dueAt: instance.nextDueAt, assignment: 'mine' as const })), lookup, now, calendar, locale);
  return rows.map((row, i) => {
    const { copy } = copies[i]!;
    return { ...row, copiedBy: copy.by.name ?? say('someone', locale), copiedAt: chinaDateTime(copy.at), unread: copy.readAt === undefined };
  });
}

/** A case the actor acted on or opened, as an inbox row: whether it is still running, and when it last moved. */
export interface CaseRow extends TaskRow {
  finished: boolean;
  updatedText: string;
}

export function caseRows(instances: readonly InstanceRecord[], lookup: WorkflowLookup, now: number, calendar: BusinessCalendar, locale: Locale): CaseRow[] {
  const rows = taskRows(instances.map((instance) => ({ instance, events: [], dueAt: instance.nextDueAt, assignment: 'mine' as const })), lookup, now, calendar, locale);
  return rows.map((row, i) => ({ ...row, finished: instances[i]!.status === 'done', updatedText: chinaDateTime(instances[i]!.updatedAt) }));
}

export type TabCounts = Record<InboxTab, number> & { unread: number };

export interface TabSource {
  tasks: readonly Task[];
  taskRows: readonly TaskRow[];
  copies: readonly CopiedCase[];
  copyRows: readonly CopyRow[];
  cases: Record<CaseTab, readonly InstanceRecord[]>;
  caseRows: Record<CaseTab, readonly CaseRow[]>;
}

/** How many rows each tab holds before the filters (what the tab says), and the copies not yet read. */
export function tabCounts(source: Pick<TabSource, 'taskRows' | 'copyRows' | 'caseRows'>): TabCounts {
  const tasks = source.taskRows;
  const of = (a: TaskRow['assignment']) => tasks.filter((r) => r.assignment === a).length;
  return {
    all: tasks.length,
    mine: of('mine'),
    unclaimed: of('unclaimed'),
    held: of('held'),
    escalated: of('escalated'),
    done: source.caseRows.done.length,
    started: source.caseRows.started.length,
    copies: source.copyRows.length,
    unread: source.copyRows.filter((c) => c.unread).length,
  };
}

export function rowsOfTab(tab: InboxTab, source: Pick<TabSource, 'taskRows' | 'copyRows' | 'caseRows'>): TaskRow[] {
  if (tab === 'copies') return [...source.copyRows];
  if (isCaseTab(tab)) return [...source.caseRows[tab]];
  return tab === 'all' ? [...source.taskRows] : source.taskRows.filter((r) => r.assignment === tab);
}

export interface TabView {
  /** Rows of the tab before the filters (to tell an empty tab from an over-filtered one). */
  allRows: TaskRow[];
  rows: TaskRow[];
  options: { workflows: FilterOption[]; states: FilterOption[] };
}

/** One tab: its rows through the filters, and the workflows and states present among its own cases. */
export function tabView(
  tab: InboxTab,
  source: TabSource,
  filters: TaskFilters,
  lookup: WorkflowLookup,
  locale: Locale,
): TabView {
  const allRows = rowsOfTab(tab, source);
  const ids = new Set(allRows.map((r) => r.instanceId));
  const listed: ReadonlyArray<{ instance: InstanceRecord }> = tab === 'copies' ? source.copies : isCaseTab(tab) ? source.cases[tab].map((instance) => ({ instance })) : source.tasks;
  const cases = listed.filter((c) => ids.has(c.instance.id));
  return { allRows, rows: filterTaskRows(allRows, filters), options: filterOptions(cases, lookup, locale, filters.workflowId) };
}
