/**
 * The approval sheet (审批单) as rows: every decision people took on the case and every countersign
 * vote, in journal order, each with its step (the state it was taken in), what was decided, who
 * signed, the opinion and the time; a countersign's outcome follows the vote that settled it. Starts,
 * deadlines, messages and the task's housekeeping (claims, copies, reminders) are not decisions.
 */
import { operationOfEventType, TASK_OPERATION_LABELS, type CaseWork, type JournalEntry, type TaskOperationName, type WorkflowDefinition } from '@nongan/engine';
import { journalNames, nameLookup, type NameOf } from './journalNames.js';
import { describeState, eventLabel, roleLabel, statePathLabel } from './labels.js';
import { reasonFieldOf } from './reasons.js';
import { actorText, taskEntryText, voteFormOf } from './taskTimeline.js';
import { chinaDateTime, summarizeValue, type FieldLabeler } from './timelineModel.js';
import { pick, say, type Locale, type LocalText } from './text.js';

export interface ApprovalRow {
  seq: number;
  step: string;
  decision: string;
  signer: string;
  role: string;
  opinion: string;
  /** A vote's form data with its fields' labels (`评分 86`); fields without a label are left out. */
  data: string;
  when: string;
  /** `decision` (an event), `vote`, a task decision (`return`, `withdraw`, `resolve`), or a countersign's `outcome`. */
  kind: 'decision' | 'vote' | 'return' | 'withdraw' | 'resolve' | 'outcome';
}

const TASK_DECISIONS: readonly TaskOperationName[] = ['vote', 'return', 'withdraw', 'resolve'];

/** The opinion of a step: the one signed with it, else the reason its form carried (a return's 理由). */
function opinionOf(entry: JournalEntry): string {
  if (entry.opinion && entry.opinion.text.trim() !== '') return entry.opinion.text;
  const data = entry.kind === 'event' ? entry.event.data : undefined;
  const key = data ? reasonFieldOf(Object.keys(data)) : undefined;
  const reason = key ? data?.[key] : undefined;
  return typeof reason === 'string' ? reason : '';
}

export function approvalRows(
  entries: readonly JournalEntry[],
  workflowOf: (version: number) => WorkflowDefinition,
  locale: Locale,
  options: { actorName?: NameOf; work?: CaseWork; roleLabels?: Readonly<Record<string, LocalText>>; fieldLabel?: FieldLabeler } = {},
): ApprovalRow[] {
  const names = nameLookup(journalNames(entries), options.actorName);
  const rows: ApprovalRow[] = [];
  for (const entry of entries) {
    const workflow = workflowOf(entry.workflowVersion);
    const op = operationOfEventType(entry.event.type);
    const isDecision = entry.kind === 'event' || (entry.kind === 'task' && op !== undefined && TASK_DECISIONS.includes(op));
    if (!isDecision) continue;
    const base = {
      seq: entry.seq,
      step: entry.stateBefore === null ? '' : describeState(workflow, entry.stateBefore, locale),
      signer: actorText(entry, names, locale, options.roleLabels),
      role: roleLabel(entry.actor.role, locale, options.roleLabels),
      opinion: opinionOf(entry),
      data: op === 'vote' ? voteData(entry, workflow, locale, options.fieldLabel) : '',
      when: chinaDateTime(entry.at),
    };
    if (entry.kind === 'event') {
      rows.push({ ...base, decision: eventLabel(workflow, entry.event.type, locale), kind: 'decision' });
      continue;
    }
    const text = taskEntryText(entry, workflow, locale, names, { ...(options.work ? { work: options.work } : {}) });
    const target = entry.event.data?.to;
    const decision =
      op === 'vote'
        ? `${say('countersignRunning', locale)}${text?.decision ? `${locale === 'en' ? ': ' : '：'}${say(text.decision, locale)}` : ''}`
        : op === 'return' && typeof target === 'string'
          ? `${say('returnTo', locale)} ${statePathLabel(workflow, target, locale)}`
          : pick(TASK_OPERATION_LABELS[op!], locale);
    rows.push({ ...base, decision, kind: op as ApprovalRow['kind'] });
    for (const effect of text?.effects ?? []) {
      rows.push({ ...base, signer: say('countersignRunning', locale), opinion: '', data: '', decision: effect, kind: 'outcome' });
    }
  }
  return rows;
}

function voteData(entry: JournalEntry, workflow: WorkflowDefinition, locale: Locale, fieldLabel: FieldLabeler | undefined): string {
  const data = entry.event.data?.data;
  if (!fieldLabel || typeof data !== 'object' || data === null) return '';
  const form = entry.form ?? voteFormOf(entry, workflow);
  const labelled = form ? { ...entry, form } : entry;
  return Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => {
      const label = fieldLabel(labelled, key);
      return label === undefined ? null : `${typeof label === 'string' ? label : pick(label, locale)} ${summarizeValue(value, locale)}`;
    })
    .filter((s): s is string => s !== null)
    .join(locale === 'en' ? ', ' : '，');
}
