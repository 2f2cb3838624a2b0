/**
 * The work on a case beside its lifecycle state: who holds the current task, to whom it is delegated,
 * the countersign under way, who was sent a copy and how often the holder was chased. It lives in the
 * case record (sealed by the journal like the state) and is absent while nobody has touched the task.
 */
import type { StateValue } from 'xstate';

/** A person as the journal names them: an id for the rules, a name for people to read. */
export interface Person {
  id: string;
  name?: string;
}

/** 审批意见: what a decision or operation says, with optional attachments (stored apart, referenced). */
export interface Opinion {
  text: string;
  attachments?: Array<{ name: string; ref: string }>;
}

export type HoldHow = 'claimed' | 'assigned' | 'transferred' | 'withdrawn' | 'auto';

export interface TaskHolder extends Person {
  /** The role the task is held under: only that role's actions on the case are reserved to the holder. */
  role: string;
  since: number;
  how: HoldHow;
}

/** 会签 rule: every signer must agree, the first vote decides (或签), or a share of the signers must agree. */
export type CountersignRule = { kind: 'all' } | { kind: 'any' } | { kind: 'ratio'; agree: number; of: number };

export type VoteDecision = 'agree' | 'disagree';

export interface Vote {
  decision: VoteDecision;
  opinion: Opinion;
  at: number;
  /** The vote's own form data (e.g. the expert's score sheet), when the countersign's votes carry data. */
  data?: Record<string, unknown>;
}

export interface Signer extends Person {
  vote?: Vote;
}

export interface RunningCountersign {
  /** State whose decision the panel makes; leaving it ends the countersign. */
  statePath: string;
  rule: CountersignRule;
  signers: Signer[];
  startedBy: Person;
  startedAt: number;
}

export interface CopyNotice {
  to: Person;
  by: Person;
  at: number;
  readAt?: number;
}

export interface CaseWork {
  holder?: TaskHolder;
  /** 委派: the person handling the task for the holder, who gives it back for the holder to decide. */
  delegate?: Person & { since: number };
  countersign?: RunningCountersign;
  /** 抄送: read-only copies; they outlive the task they were sent from. */
  copies?: CopyNotice[];
  /** 催办: reminders to whoever holds the current task, since it began. */
  chases?: { count: number; lastAt: number; lastBy: Person };
  /** 超期上报: a deadline passed and the task went up to the roles that supervise it. */
  escalation?: { at: number; roles: string[] };
}

/** Work with empty parts dropped, or undefined when nothing is left (the record then carries no `work`). */
export function tidyWork(work: CaseWork | undefined): CaseWork | undefined {
  if (!work) return undefined;
  const out: CaseWork = {};
  if (work.holder) out.holder = work.holder;
  if (work.delegate) out.delegate = work.delegate;
  if (work.countersign) out.countersign = work.countersign;
  if (work.copies && work.copies.length > 0) out.copies = work.copies;
  if (work.chases) out.chases = work.chases;
  if (work.escalation) out.escalation = work.escalation;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Work after an ordinary step: a new task begins when the case moves to another state (or ends), so
 * the hold, delegation, countersign and reminders of the old one end with it; copies stay.
 */
export function carryWork(work: CaseWork | undefined, stateBefore: StateValue | null, stateAfter: StateValue, done: boolean): CaseWork | undefined {
  if (!work) return undefined;
  const moved = done || JSON.stringify(stateBefore) !== JSON.stringify(stateAfter);
  return tidyWork(moved ? { ...(work.copies ? { copies: work.copies } : {}) } : work);
}

/** Index keys of the work: `u:<person>` for whoever must act (holder, delegate, pending signers), `cc:<person>` for copies. */
export function workTaskKeys(work: CaseWork | undefined): string[] {
  if (!work) return [];
  const keys: string[] = [];
  if (work.holder) keys.push(`u:${work.holder.id}`);
  if (work.delegate) keys.push(`u:${work.delegate.id}`);
  for (const signer of work.countersign?.signers ?? []) if (!signer.vote) keys.push(`u:${signer.id}`);
  for (const copy of work.copies ?? []) keys.push(`cc:${copy.to.id}`);
  return keys;
}

/** A person's name for messages, falling back to the id only where no name was ever given. */
export const nameOf = (person: Person): string => person.name ?? person.id;
