/**
 * Which task operations a person may start on a case now, and where its task stands for them (mine,
 * unclaimed, held by someone else): what an inbox tab and a case view's buttons show. The same checks
 * as operate's, without the people an operation would name (those are checked when it is sent).
 */
import { mayView } from '../runtime/access.js';
import type { Actor, InstanceRecord, JournalEntry } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import type { TaskOperationName } from './operations.js';
import { countersignState, passedStates, returnTargets } from './planOperation.js';
import { officialRolesFor, qualifies, supervisedRoles } from './taskAccess.js';
import type { Person } from './work.js';

/** 待办 mine, 待认领 unclaimed, held by someone else, or escalated to a supervisor (超期上报). */
export type Assignment = 'mine' | 'unclaimed' | 'held' | 'escalated';

export interface AllowedOperations {
  operations: TaskOperationName[];
  /** States the task may be returned to now (for `return`), in the order declared. */
  returnTargets: string[];
}

/** Where the case's task stands for `actor`, or undefined when it is not theirs to take up at all. */
export function assignmentOf(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord, events: readonly string[]): { assignment: Assignment; holder?: Person } | undefined {
  const work = record.work;
  const holder = work?.holder ? { id: work.holder.id, ...(work.holder.name !== undefined ? { name: work.holder.name } : {}) } : undefined;
  if (work?.countersign?.signers.some((s) => s.id === actor.id && !s.vote)) return { assignment: 'mine', ...(holder ? { holder } : {}) };
  if (work?.delegate?.id === actor.id || work?.holder?.id === actor.id) return { assignment: 'mine', ...(holder ? { holder } : {}) };
  const official = officialRolesFor(workflow, actor, record);
  // One person holds a case's task at a time: an official whose role could act sees it as taken (and cannot claim it).
  if (work?.holder && official.length > 0 && !(work.escalation && actor.roles.some((r) => work.escalation!.roles.includes(r)))) return { assignment: 'held', ...(holder ? { holder } : {}) };
  if (work?.escalation && actor.roles.some((r) => work.escalation!.roles.includes(r) && qualifies(workflow, actor, r, record))) {
    return { assignment: 'escalated', ...(holder ? { holder } : {}) };
  }
  if (events.length === 0) return undefined;
  // A farm's own task is its own; an official's unheld task is the role's, to be claimed.
  return { assignment: official.length > 0 && events.some((t) => official.some((r) => workflow.events[t]?.roles.includes(r))) ? 'unclaimed' : 'mine' };
}

function isManager(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord, signerRole: string): boolean {
  const supervisors = workflow.tasks.supervisors[signerRole];
  return supervisors ? actor.roles.some((r) => supervisors.includes(r) && qualifies(workflow, actor, r, record)) : qualifies(workflow, actor, signerRole, record);
}

/** Operations `actor` may start now. `entries` (the journal) is needed for returns and withdrawals; without it they are left out. */
export function allowedOperations(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord, entries?: readonly JournalEntry[]): AllowedOperations {
  const ops: TaskOperationName[] = [];
  const work = record.work;
  const viewer = mayView(workflow, actor, record);
  const unread = (work?.copies ?? []).some((c) => c.to.id === actor.id && c.readAt === undefined);
  if (record.status !== 'active') return { operations: viewer ? ['copy', ...(unread ? (['read'] as const) : [])] : unread ? ['read'] : [], returnTargets: [] };
  const official = officialRolesFor(workflow, actor, record);
  const running = work?.countersign;
  const panelPath = running?.statePath ?? countersignState(workflow, record);
  const spec = panelPath ? workflow.tasks.countersigns.get(panelPath) : undefined;
  const pendingSigner = running?.signers.some((s) => s.id === actor.id && !s.vote) ?? false;
  const manager = spec ? isManager(workflow, actor, record, spec.role) : false;
  const holds = work?.holder?.id === actor.id;
  const handler = !work?.delegate && !running && (holds || (!work?.holder && official.length > 0));

  if (!work?.holder && !running && official.length > 0) ops.push('claim');
  if (holds && !work?.delegate) ops.push('release');
  if (!running && !work?.delegate && supervisedRoles(workflow, actor, record).some((r) => record.acceptedEvents.some((t) => workflow.events[t]?.roles.includes(r)))) ops.push('assign');
  if (handler) ops.push('transfer', 'delegate');
  if (work?.delegate?.id === actor.id) ops.push('resolve');
  let targets: string[] = [];
  if (entries && !work?.delegate && (handler || pendingSigner || (running && manager))) {
    targets = returnTargets(workflow, record, passedStates(entries));
    if (targets.length > 0) ops.push('return');
  }
  const last = entries?.[entries.length - 1];
  if (last && last.kind === 'event' && last.actor.id === actor.id && entries!.length > 1) ops.push('withdraw');
  if (spec && !running && !work?.delegate && manager) ops.push('countersign');
  if (pendingSigner) ops.push('vote');
  if (running && manager) ops.push('add-signer', 'remove-signer');
  if (viewer) ops.push('copy');
  if (unread) ops.push('read');
  const someoneOnIt = work?.holder !== undefined || work?.delegate !== undefined || running !== undefined;
  if (viewer && someoneOnIt && !holds && work?.delegate?.id !== actor.id) ops.push('chase');
  return { operations: ops, returnTargets: targets };
}
