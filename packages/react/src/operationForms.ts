/**
 * What each task operation asks of the person before it is sent (nothing, a person, people, a step to
 * return to, a vote, an opinion) and how the filled form becomes the engine's `TaskOperation`. The
 * widget refuses an incomplete form itself (an opinion the engine requires, nobody chosen) before the
 * engine is asked; everything else — who may be named, whether the step may be returned to — is the
 * engine's to decide. No React here.
 */
import type { TaskOperation, TaskOperationName } from '@nongan/engine';
import { say, type UiKey } from './text.js';

export type OperationFormKind = 'one-click' | 'person' | 'people' | 'signer' | 'opinion' | 'return' | 'withdraw' | 'countersign' | 'vote' | 'note';

export const OPERATION_FORMS: Record<TaskOperationName, OperationFormKind> = {
  claim: 'one-click',
  release: 'one-click',
  read: 'one-click',
  assign: 'person',
  transfer: 'person',
  delegate: 'person',
  'add-signer': 'person',
  copy: 'people',
  'remove-signer': 'signer',
  resolve: 'opinion',
  return: 'return',
  withdraw: 'withdraw',
  countersign: 'countersign',
  vote: 'vote',
  chase: 'note',
  // Only a deadline escalates: the engine never offers it to a person.
  escalate: 'one-click',
};

/** The engine requires an opinion (the reason) for these. */
export const OPINION_REQUIRED: ReadonlySet<TaskOperationName> = new Set(['resolve', 'return', 'vote']);

/** Operations that name people from the host's list: without one they cannot be offered. */
export const NEEDS_PEOPLE: ReadonlySet<TaskOperationName> = new Set(['assign', 'transfer', 'delegate', 'add-signer', 'copy']);

export interface OperationDraft {
  /** People chosen (ids, never shown). */
  people: string[];
  /** The state path a return goes to. */
  target: string;
  opinion: string;
  decision: 'agree' | 'disagree' | '';
  /** Countersign: name the signers, or draw this many. */
  how: 'named' | 'drawn';
  draw: string;
  /** A vote's form data (its form decides the vote). */
  data?: Record<string, unknown>;
}

export const emptyDraft = (): OperationDraft => ({ people: [], target: '', opinion: '', decision: '', how: 'named', draw: '3' });

export type Built = { ok: true; operation: TaskOperation } | { ok: false; problem: UiKey };

const MAX_DRAW = 50;

export function buildOperation(op: TaskOperationName, draft: OperationDraft): Built {
  const text = draft.opinion.trim();
  if (OPINION_REQUIRED.has(op) && text === '') return { ok: false, problem: 'opinionRequired' };
  const opinion = text === '' ? {} : { opinion: { text } };
  const [first] = draft.people;
  switch (op) {
    case 'claim':
    case 'release':
    case 'read':
    case 'escalate':
      return { ok: true, operation: { op } };
    case 'assign':
    case 'transfer':
    case 'delegate':
      return first ? { ok: true, operation: { op, to: first, ...opinion } } : { ok: false, problem: 'choosePerson' };
    case 'add-signer':
    case 'remove-signer':
      return first ? { ok: true, operation: { op, person: first, ...opinion } } : { ok: false, problem: 'choosePerson' };
    case 'copy':
      return draft.people.length > 0 ? { ok: true, operation: { op, to: [...draft.people], ...opinion } } : { ok: false, problem: 'choosePeople' };
    case 'resolve':
      return { ok: true, operation: { op, opinion: { text } } };
    case 'return':
      return draft.target ? { ok: true, operation: { op, to: draft.target, opinion: { text } } } : { ok: false, problem: 'chooseTarget' };
    case 'withdraw':
    case 'chase':
      return { ok: true, operation: { op, ...opinion } };
    case 'countersign': {
      if (draft.how === 'drawn') {
        const n = Number(draft.draw);
        return Number.isInteger(n) && n >= 1 && n <= MAX_DRAW ? { ok: true, operation: { op, draw: n, ...opinion } } : { ok: false, problem: 'drawInvalid' };
      }
      return draft.people.length > 0 ? { ok: true, operation: { op, signers: [...draft.people], ...opinion } } : { ok: false, problem: 'choosePeople' };
    }
    case 'vote':
      // A vote with its own form is decided by the form's data; otherwise the person says agree or disagree.
      if (draft.data) return { ok: true, operation: { op, data: draft.data, opinion: { text } } };
      return draft.decision ? { ok: true, operation: { op, decision: draft.decision, opinion: { text } } } : { ok: false, problem: 'chooseDecision' };
  }
}

/** The widget's own refusal, shaped like an engine error so the same notice shows it in both languages. */
export function incompleteForm(problem: UiKey) {
  return { name: 'EngineError', code: 'incomplete', message: say(problem, 'en'), messageZh: say(problem, 'zh-CN'), details: {} };
}
