/**
 * Who may act on a task given its work: a held task is its holder's, a delegated one waits for the
 * delegate, a countersign's decision is the panel's. And which roles let a person take up, supervise
 * or sign a task. Role and scope rules themselves stay in runtime/access.ts.
 */
import { EngineError } from '../errors.js';
import { roleRefusal } from '../runtime/access.js';
import { SYSTEM_ROLE, type WorkflowDefinition } from '../workflow/defineWorkflow.js';
import type { Actor, InstanceRecord } from '../types.js';
import { nameOf, type CaseWork } from './work.js';

export interface WorkRefusal {
  en: string;
  zh: string;
  reason: 'held' | 'delegated' | 'countersign';
}

/** Events reserved to a running countersign: its pass and fail events. */
function countersignEvents(workflow: WorkflowDefinition, work: CaseWork | undefined): string[] {
  const running = work?.countersign;
  if (!running) return [];
  const spec = workflow.tasks.countersigns.get(running.statePath);
  return spec ? [spec.pass.event, spec.fail.event] : [];
}

/** Why the work on the case keeps `actorId` (acting as `role`) from sending `type` now, or null. */
export function workRefusal(workflow: WorkflowDefinition, record: Pick<InstanceRecord, 'work'>, actorId: string, role: string, type: string): WorkRefusal | null {
  const work = record.work;
  if (!work) return null;
  if (countersignEvents(workflow, work).includes(type)) {
    return { en: `${type} is decided by the countersign under way; signers vote instead`, zh: `此事项正在会签，由会签结果决定，会签人请提交会签意见`, reason: 'countersign' };
  }
  const holder = work.holder;
  if (!holder || holder.role !== role) return null;
  if (work.delegate) {
    return {
      en: `the task is delegated to ${nameOf(work.delegate)}; ${nameOf(holder)} decides once it is handed back`,
      zh: `该任务已委派给 ${nameOf(work.delegate)} 办理，交回后由 ${nameOf(holder)} 决定`,
      reason: 'delegated',
    };
  }
  if (holder.id !== actorId) {
    return { en: `the task is held by ${nameOf(holder)}`, zh: `该任务已由 ${nameOf(holder)} 认领办理`, reason: 'held' };
  }
  return null;
}

export function throwWorkRefusal(refusal: WorkRefusal, action: string): never {
  throw new EngineError('forbidden', { en: refusal.en, zh: refusal.zh }, { action, reason: refusal.reason });
}

/** Roles of `actor` (not the subject-bound ones) that may send an event the case accepts now, ignoring who holds it. */
export function officialRolesFor(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord): string[] {
  const out: string[] = [];
  for (const role of actor.roles) {
    if (role === SYSTEM_ROLE || workflow.access.subjectRoles.includes(role) || out.includes(role)) continue;
    const sends = record.acceptedEvents.some((type) => workflow.events[type]?.roles.includes(role));
    if (sends && roleRefusal(workflow, actor, role, record) === null) out.push(role);
  }
  return out;
}

/** The roles whose tasks on this case `actor` supervises (assigns, forms panels for), within its scope. */
export function supervisedRoles(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord): string[] {
  const out: string[] = [];
  for (const [role, supervisors] of Object.entries(workflow.tasks.supervisors)) {
    if (actor.roles.some((r) => supervisors.includes(r) && roleRefusal(workflow, actor, r, record) === null)) out.push(role);
  }
  return out;
}

/** Whether `person` may act as `role` on the case (holds the role, within its scope). */
export function qualifies(workflow: WorkflowDefinition, person: Actor, role: string, record: InstanceRecord): boolean {
  return person.roles.includes(role) && roleRefusal(workflow, person, role, record) === null;
}
