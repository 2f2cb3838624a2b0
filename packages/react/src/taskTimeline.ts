/**
 * A task operation's journal entry (kind `task`, or a deadline's `timer` acting on the task) as people read it: "李审核 认领", "孙科长 指派给
 * 赵审核", "退回至 初审：<reason>", a vote with its decision, a countersign's outcome and the votes
 * cancelled with it. Names come from the entry (the engine records them), states and events through
 * the workflow's labels; the operation's raw request (ids, state keys) is never shown.
 */
import { operationOfEventType, type CaseWork, type JournalEntry, type TaskOperationName, type WorkflowDefinition } from '@nongan/engine';
import { eventLabel, roleLabel, statePathLabel } from './labels.js';
import type { NameOf } from './journalNames.js';
import { say, type Locale, type LocalText, type UiKey } from './text.js';

export interface TaskEntryText {
  /** The sentence: who did what (to whom, to which step). */
  what: string;
  /** What the operation decided beyond itself (the countersign's outcome, cancelled votes). */
  effects: string[];
  /** The opinion given with it, when not already part of `what`. */
  opinion: { signer: string; text: string } | null;
  /** The vote's decision, when known: `agree` / `disagree`. */
  decision: 'agree' | 'disagree' | null;
}

const SENTENCES: Record<TaskOperationName, UiKey> = {
  claim: 'tlClaim',
  release: 'tlRelease',
  assign: 'tlAssign',
  transfer: 'tlTransfer',
  delegate: 'tlDelegate',
  resolve: 'tlResolve',
  return: 'tlReturn',
  withdraw: 'tlWithdraw',
  countersign: 'tlCountersign',
  vote: 'tlVote',
  'add-signer': 'tlAddSigner',
  'remove-signer': 'tlRemoveSigner',
  copy: 'tlCopy',
  read: 'tlRead',
  chase: 'tlChase',
  escalate: 'tlEscalate',
};

export const listSeparator = (locale: Locale) => (locale === 'en' ? ', ' : '、');

/** Who acted: their name, else their role (an account id is no name). */
export function actorText(entry: JournalEntry, names: NameOf, locale: Locale, roleLabels?: Readonly<Record<string, LocalText>>): string {
  return names(entry.actor.id) ?? entry.task?.by ?? entry.opinion?.signer ?? roleLabel(entry.actor.role, locale, roleLabels);
}

/**
 * A vote's decision: as the engine recorded it (`task.effects.vote`), sent with it, or (older entries,
 * decided by their form) the running countersign's record of it.
 */
export function voteDecision(entry: JournalEntry, work: CaseWork | undefined): 'agree' | 'disagree' | null {
  const recorded = (entry.task?.effects?.vote as { decision?: unknown } | undefined)?.decision;
  if (recorded === 'agree' || recorded === 'disagree') return recorded;
  const sent = entry.event.data?.decision;
  if (sent === 'agree' || sent === 'disagree') return sent;
  const signer = work?.countersign?.signers.find((s) => s.id === entry.actor.id && s.vote?.at === entry.at);
  return signer?.vote?.decision ?? null;
}

function peopleOf(entry: JournalEntry, names: NameOf, locale: Locale): string {
  return (entry.task?.people ?? []).map((p) => p.name ?? names(p.id) ?? say('someone', locale)).join(listSeparator(locale));
}

export function taskEntryText(
  entry: JournalEntry,
  workflow: WorkflowDefinition,
  locale: Locale,
  names: NameOf,
  options: { work?: CaseWork; roleLabels?: Readonly<Record<string, LocalText>> } = {},
): TaskEntryText | null {
  const op = operationOfEventType(entry.event.type);
  // A person's operation, or a deadline acting on the task (催办, 超期上报, 自动退回) in the engine's name.
  if ((entry.kind !== 'task' && entry.kind !== 'timer') || !op) return null;
  const by = entry.kind === 'timer' ? roleLabel(entry.actor.role, locale, options.roleLabels) : actorText(entry, names, locale, options.roleLabels);
  const people = peopleOf(entry, names, locale);
  const target = entry.event.data?.to;
  const state = typeof target === 'string' ? statePathLabel(workflow, target, locale) : '';
  const decision = op === 'vote' ? voteDecision(entry, options.work) : null;
  const sentence = op === 'vote' && !decision ? 'tlVoteByForm' : SENTENCES[op];
  let what = say(sentence, locale, { by, to: people, people, state, decision: decision ? say(decision, locale) : '' });
  const text = entry.opinion?.text ?? '';
  let opinion = text.trim() === '' ? null : { signer: entry.opinion?.signer ?? by, text };
  // The brief form people know from paper files: 退回至 <step>：<reason>.
  if (op === 'return' && opinion) {
    what = `${what}${locale === 'en' ? ': ' : '：'}${opinion.text}`;
    opinion = null;
  }
  return { what, effects: effectLines(entry, workflow, locale, names), opinion, decision };
}

function effectLines(entry: JournalEntry, workflow: WorkflowDefinition, locale: Locale, names: NameOf): string[] {
  const effects = entry.task?.effects ?? {};
  const lines: string[] = [];
  const outcome = effects.countersign as { outcome?: unknown; agree?: unknown; disagree?: unknown; pending?: unknown; event?: unknown } | undefined;
  if (outcome && (outcome.outcome === 'pass' || outcome.outcome === 'fail')) {
    lines.push(
      say('tlOutcome', locale, {
        outcome: say(outcome.outcome === 'pass' ? 'outcomePass' : 'outcomeFail', locale),
        agree: Number(outcome.agree ?? 0),
        disagree: Number(outcome.disagree ?? 0),
        pending: Number(outcome.pending ?? 0),
        event: typeof outcome.event === 'string' ? eventLabel(workflow, outcome.event, locale) : '',
      }),
    );
  }
  const cancelled = effects.countersignCancelled as { pending?: Array<{ id: string; name?: string }>; votes?: unknown } | undefined;
  if (cancelled && Array.isArray(cancelled.pending)) {
    const who = cancelled.pending.map((p) => p.name ?? names(p.id) ?? say('someone', locale)).join(listSeparator(locale));
    lines.push(say('tlCancelled', locale, { votes: Number(cancelled.votes ?? 0), n: cancelled.pending.length, people: who }));
  }
  return lines;
}

/** The state path whose countersign a vote entry belongs to (for its form's field labels). */
export function voteFormOf(entry: JournalEntry, workflow: WorkflowDefinition): { id: string; version: string } | undefined {
  if (entry.event.type !== 'task.vote' || entry.stateBefore === null) return undefined;
  for (const [path, spec] of workflow.tasks.countersigns) {
    if (spec.vote && inState(entry.stateBefore, path)) return { id: spec.vote.form.id, version: spec.vote.form.version ?? '' };
  }
  return undefined;
}

function inState(value: JournalEntry['stateAfter'], path: string): boolean {
  const [head, ...rest] = path.split('.');
  if (typeof value === 'string') return rest.length === 0 && value === head;
  const child = (value as Record<string, JournalEntry['stateAfter']>)[head!];
  return child !== undefined && (rest.length === 0 || inState(child, rest.join('.')));
}
