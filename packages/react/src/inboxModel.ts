/**
 * The inbox as data: an actor's tasks turned into rows with plain-words labels and working-day due
 * dates, the filter options those rows offer, and the filtering itself. No React here.
 */
import { leafPaths, type Assignment, type BusinessCalendar, type InstanceRecord, type Task, type WorkflowDefinition } from '@nongan/engine';
import { describeDue, type DueInfo } from './due.js';
import { subjectNameInCase } from './subjectNames.js';
import { describeState, eventLabel, isDraft, statePathLabel, workflowTitle } from './labels.js';
import type { Locale } from './text.js';

export interface TaskFilters {
  /** Only tasks of this workflow id. */
  workflowId?: string;
  /** Only tasks in this state path (a compound path matches its sub-states). */
  state?: string;
  overdueOnly?: boolean;
}

export interface TaskRow {
  instanceId: string;
  workflowId: string;
  workflowTitle: string;
  subject: string;
  /** What the case's own data calls its subject (the farm name it was filed under), if anything. */
  subjectInCase: string | null;
  /** 受理编号, null for a case opened before numbers existed. */
  caseNumber: string | null;
  /** Not yet submitted (the state is a draft): labelled 未提交. */
  draft: boolean;
  region: string;
  stateKey: string;
  stateText: string;
  events: Array<{ type: string; label: string }>;
  due: DueInfo | null;
  updatedAt: number;
  /** 待办 (mine), 待认领 (unclaimed), held by someone else, or escalated to the actor's role (超期上报). */
  assignment: Assignment;
  /** Who holds the task, by name, when someone does. */
  holderName: string | null;
}

export interface FilterOption {
  value: string;
  label: string;
}

export type WorkflowLookup = (id: string, version: number) => WorkflowDefinition;

export function taskRows(tasks: readonly Task[], lookup: WorkflowLookup, now: number, calendar: BusinessCalendar, locale: Locale): TaskRow[] {
  return tasks.map(({ instance, events, dueAt, assignment, holder }) => {
    const workflow = lookup(instance.workflowId, instance.workflowVersion);
    return {
      instanceId: instance.id,
      workflowId: instance.workflowId,
      workflowTitle: workflowTitle(workflow, locale),
      subject: instance.subject,
      subjectInCase: subjectNameInCase(instance),
      caseNumber: instance.caseNumber ?? null,
      draft: isDraft(workflow, instance),
      region: instance.region,
      stateKey: instance.stateKey,
      stateText: describeState(workflow, instance.state, locale),
      events: events.map((type) => ({ type, label: eventLabel(workflow, type, locale) })),
      due: dueAt === null ? null : describeDue(dueAt, now, calendar),
      updatedAt: instance.updatedAt,
      // A task kept on a device before task operations existed has no assignment: it was the actor's own.
      assignment: assignment ?? 'mine',
      holderName: holder ? (holder.name ?? null) : null,
    };
  });
}

function inState(stateKey: string, state: string): boolean {
  return stateKey.split(',').some((leaf) => leaf === state || leaf.startsWith(`${state}.`));
}

export function filterTaskRows(rows: readonly TaskRow[], filters: TaskFilters = {}): TaskRow[] {
  return rows.filter(
    (row) =>
      (!filters.workflowId || row.workflowId === filters.workflowId) &&
      (!filters.state || inState(row.stateKey, filters.state)) &&
      (!filters.overdueOnly || row.due?.overdue === true),
  );
}

/** Workflows and states present among the tasks, labelled; states of the chosen workflow only. */
export function filterOptions(
  tasks: ReadonlyArray<{ instance: InstanceRecord }>,
  lookup: WorkflowLookup,
  locale: Locale,
  workflowId?: string,
): { workflows: FilterOption[]; states: FilterOption[] } {
  const workflows = new Map<string, string>();
  const states = new Map<string, string>();
  for (const { instance } of tasks) {
    const workflow = lookup(instance.workflowId, instance.workflowVersion);
    workflows.set(instance.workflowId, workflowTitle(workflow, locale));
    if (workflowId && instance.workflowId !== workflowId) continue;
    for (const path of leafPaths(instance.state)) {
      const label = statePathLabel(workflow, path, locale);
      states.set(path, workflowId ? label : `${workflowTitle(workflow, locale)} · ${label}`);
    }
  }
  const sorted = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return { workflows: sorted(workflows), states: sorted(states) };
}
