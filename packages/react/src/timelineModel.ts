/**
 * The journal as readable history: who (name and role), what (event label, what the system did, or a
 * task operation as a sentence), when (China time), the state before → after in plain words, the
 * opinion with its signer, and a short summary of the data sent.
 */
import type { CaseWork, JournalEntry, WorkflowDefinition } from '@nongan/engine';
import { journalNames, nameLookup, type NameOf } from './journalNames.js';
import { describeState, eventLabel, roleLabel } from './labels.js';
import { taskEntryText, voteFormOf } from './taskTimeline.js';
import { say, pick, type Locale, type LocalText } from './text.js';
import { valueText, type FormPresentation } from './fieldValues.js';

export interface TimelineRow {
  seq: number;
  kind: JournalEntry['kind'];
  actorId: string;
  /** The actor's name, from the host or the journal; null when none was ever given (the role is shown). */
  actorName: string | null;
  role: string;
  roleText: string;
  what: string;
  eventType: string;
  /** China wall-clock time of the transition, `YYYY-MM-DD HH:mm`. */
  when: string;
  /** Set when the entry was written later than it took effect (a deadline that fired late). */
  recordedLate: string | null;
  before: string | null;
  after: string;
  data: Array<{ key: string; value: string }>;
  /** How many of the entry's fields the reader may not see (the server left them out). */
  withheld: number;
  form: string | null;
  /** 审批意见 given with the step, with the signer's name. */
  opinion: { signer: string; text: string } | null;
  /** What a task operation decided beyond itself (a countersign's outcome, votes cancelled). */
  effects: string[];
  hash: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** China wall-clock time (fixed UTC+8) of an instant. */
export function chinaDateTime(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** One value in a line, when its field is not known (`valueText` with the field's options and unit). */
export function summarizeValue(value: unknown, locale: Locale): string {
  return valueText(value, locale);
}

/** Field labels for data keys, when the host knows the form (keys otherwise). */
export type FieldLabeler = (entry: JournalEntry, key: string) => LocalText | string | undefined;

/** Labels data keys with the field labels of the form each entry was validated against. */
export function formFieldLabeler(formOf: (form: { id: string; version: string }) => { fields: Record<string, { label: LocalText }> } | undefined): FieldLabeler {
  return (entry, key) => (entry.form ? formOf(entry.form)?.fields[key]?.label : undefined);
}

export function timelineRows(
  entries: readonly JournalEntry[],
  workflowOf: (version: number) => WorkflowDefinition,
  locale: Locale,
  options: {
    roleLabels?: Readonly<Record<string, LocalText>>;
    fieldLabel?: FieldLabeler;
    /** The form an entry was filled on (by its id and version): field labels, option labels, units, the form's title. */
    formOf?: (form: { id: string; version: string }) => FormPresentation | undefined;
    /** The host's names for people (its accounts); the journal's own names otherwise. */
    actorName?: NameOf;
    /** The case's current work: a running countersign's votes tell decisions their entries do not carry. */
    work?: CaseWork;
  } = {},
): TimelineRow[] {
  const names = nameLookup(journalNames(entries), options.actorName);
  return entries.map((entry) => {
    const workflow = workflowOf(entry.workflowVersion);
    const task = taskEntryText(entry, workflow, locale, names, { ...(options.work ? { work: options.work } : {}), ...(options.roleLabels ? { roleLabels: options.roleLabels } : {}) });
    // A vote's data is its own form's (the score sheet), even before the panel's decision names a form.
    const voteForm = task ? voteFormOf(entry, workflow) : undefined;
    const labelled = voteForm && !entry.form ? { ...entry, form: voteForm } : entry;
    const form = labelled.form ? options.formOf?.(labelled.form) : undefined;
    const label = (key: string) => {
      const found = form?.fields[key]?.label ?? options.fieldLabel?.(labelled, key);
      if (found === undefined) return key;
      return typeof found === 'string' ? found : locale === 'en' ? found.en : found.zh;
    };
    const event = eventLabel(workflow, entry.event.type, locale);
    const what =
      entry.kind === 'start'
        ? say('started', locale)
        : entry.kind === 'timer'
          ? `${task?.what ?? event} · ${say('kindTimer', locale)}`
          : entry.kind === 'message'
            ? `${event} · ${say('kindMessage', locale)}`
            : entry.kind === 'migrate'
              ? say('kindMigrate', locale)
              : (task?.what ?? event);
    // The entry records when it was written; a late deadline shows both times.
    const late = entry.recordedAt - entry.at > 60_000;
    // A task entry's request (ids, state keys) is told by its sentence; only a vote's form data is shown.
    const voteData = entry.event.data?.data;
    const data = task ? (typeof voteData === 'object' && voteData !== null ? (voteData as Record<string, unknown>) : {}) : (entry.event.data ?? {});
    const signed = entry.opinion && entry.opinion.text.trim() !== '' ? { signer: entry.opinion.signer ?? names(entry.actor.id) ?? roleLabel(entry.actor.role, locale, options.roleLabels), text: entry.opinion.text } : null;
    return {
      seq: entry.seq,
      kind: entry.kind,
      actorId: entry.actor.id,
      // The engine's own steps are named by its role, in the reader's language.
      actorName: entry.kind === 'timer' || entry.kind === 'message' ? null : (names(entry.actor.id) ?? entry.task?.by ?? entry.opinion?.signer ?? null),
      role: entry.actor.role,
      roleText: roleLabel(entry.actor.role, locale, options.roleLabels),
      what,
      eventType: entry.event.type,
      when: chinaDateTime(entry.at),
      recordedLate: late ? say('recordedLate', locale, { when: chinaDateTime(entry.recordedAt) }) : null,
      before: entry.stateBefore === null ? null : describeState(workflow, entry.stateBefore, locale),
      after: describeState(workflow, entry.stateAfter, locale),
      data: Object.entries(data).map(([key, value]) => ({ key: label(key), value: valueText(value, locale, form?.fields[key]) })),
      withheld: entry.withheld?.length ?? 0,
      // The form by its title; its id and version are for machines (the journal keeps them).
      form: entry.form && form ? pick(form.title, locale) : null,
      opinion: task ? task.opinion : signed,
      effects: task?.effects ?? [],
      hash: entry.hash,
    };
  });
}
