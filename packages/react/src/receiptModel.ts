/**
 * 受理回执: what a person takes away after a step — the case number, what they did and when, where
 * the case goes next, who handles it there, and by when (working days). No React here.
 */
import type { BusinessCalendar, InstanceRecord, WorkflowDefinition } from '@nongan/engine';
import { describeDue, type DueInfo } from './due.js';
import { describeState, eventLabel, roleLabel, rolesActingNow, workflowTitle } from './labels.js';
import type { Locale, LocalText } from './text.js';
import { chinaDateTime } from './timelineModel.js';

export interface Receipt {
  caseNumber: string | null;
  title: string;
  /** What the person did (the event's label). */
  done: string;
  /** When, as China date and time (`2026-03-02 09:00`). */
  at: string;
  finished: boolean;
  /** Where the case is now, in plain words. */
  nextStep: string;
  /** Who acts next, by the region's names for the roles. */
  handledBy: string[];
  /** The earliest deadline of the next step, if it has one. */
  due: DueInfo | null;
}

export function receiptOf(
  workflow: WorkflowDefinition,
  record: InstanceRecord,
  done: { eventType: string; at: number },
  options: { locale: Locale; roleLabels?: Readonly<Record<string, LocalText>>; now: number; calendar: BusinessCalendar },
): Receipt {
  const { locale } = options;
  const finished = record.status === 'done';
  const roles = finished ? [] : rolesActingNow(workflow, record.acceptedEvents);
  return {
    caseNumber: record.caseNumber ?? null,
    title: workflowTitle(workflow, locale),
    done: eventLabel(workflow, done.eventType, locale),
    at: chinaDateTime(done.at),
    finished,
    nextStep: describeState(workflow, record.state, locale),
    handledBy: roles.map((r) => roleLabel(r, locale, options.roleLabels)),
    due: !finished && record.nextDueAt !== null ? describeDue(record.nextDueAt, options.now, options.calendar) : null,
  };
}
