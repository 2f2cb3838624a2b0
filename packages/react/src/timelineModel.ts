/**
 * The journal as readable history: who (id and role), what (event label or what the system did),
 * when (China time), the state before → after in plain words, and a short summary of the data sent.
 */
import type { JournalEntry, WorkflowDefinition } from '@nongan/engine';
import { describeState, eventLabel, roleLabel } from './labels.js';
import { say, type Locale, type LocalText } from './text.js';

export interface TimelineRow {
  seq: number;
  kind: JournalEntry['kind'];
  actorId: string;
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
  form: string | null;
  hash: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** China wall-clock time (fixed UTC+8) of an instant. */
export function chinaDateTime(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const MAX_VALUE = 80;

/** One value in a line: arrays and objects shortened, long text cut, nothing rendered as markup. */
export function summarizeValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return locale === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  if (Array.isArray(value)) {
    const parts = value.slice(0, 3).map((item) => summarizeValue(item, locale));
    const more = value.length > 3 ? (locale === 'en' ? ` … (${value.length} items)` : ` …（共 ${value.length} 项）`) : '';
    return `[${parts.join(', ')}]${more}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if ('name' in (value as object) && typeof (value as { name?: unknown }).name === 'string') return String((value as { name: string }).name);
    const text = entries.slice(0, 3).map(([k, v]) => `${k}: ${summarizeValue(v, locale)}`).join(', ');
    return `{${text}${entries.length > 3 ? ', …' : ''}}`;
  }
  return String(value);
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
  options: { roleLabels?: Readonly<Record<string, LocalText>>; fieldLabel?: FieldLabeler } = {},
): TimelineRow[] {
  return entries.map((entry) => {
    const workflow = workflowOf(entry.workflowVersion);
    const label = (key: string) => {
      const found = options.fieldLabel?.(entry, key);
      if (found === undefined) return key;
      return typeof found === 'string' ? found : locale === 'en' ? found.en : found.zh;
    };
    const event = eventLabel(workflow, entry.event.type, locale);
    const what =
      entry.kind === 'start'
        ? say('started', locale)
        : entry.kind === 'timer'
          ? `${event} · ${say('kindTimer', locale)}`
          : entry.kind === 'message'
            ? `${event} · ${say('kindMessage', locale)}`
            : entry.kind === 'migrate'
              ? say('kindMigrate', locale)
              : event;
    // The entry records when it was written; a late deadline shows both times.
    const late = entry.recordedAt - entry.at > 60_000;
    return {
      seq: entry.seq,
      kind: entry.kind,
      actorId: entry.actor.id,
      role: entry.actor.role,
      roleText: roleLabel(entry.actor.role, locale, options.roleLabels),
      what,
      eventType: entry.event.type,
      when: chinaDateTime(entry.at),
      recordedLate: late ? say('recordedLate', locale, { when: chinaDateTime(entry.recordedAt) }) : null,
      before: entry.stateBefore === null ? null : describeState(workflow, entry.stateBefore, locale),
      after: describeState(workflow, entry.stateAfter, locale),
      data: Object.entries(entry.event.data ?? {}).map(([key, value]) => ({ key: label(key), value: summarizeValue(value, locale) })),
      form: entry.form ? `${entry.form.id}@${entry.form.version}` : null,
      hash: entry.hash,
    };
  });
}
