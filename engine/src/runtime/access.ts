/**
 * Who may do what, decided here and nowhere else: the role check, the region check and the
 * own-subject check for an actor and an event, and the task keys that index the same rule.
 */
import { EngineError } from '../errors.js';
import { SYSTEM_ROLE, type WorkflowDefinition } from '../workflow/defineWorkflow.js';
import type { Actor, InstanceRecord } from '../types.js';

type Scope = Pick<InstanceRecord, 'region' | 'subject'>;

/** Why a role cannot act on a case, or null when it can. */
function roleRefusal(workflow: WorkflowDefinition, actor: Actor, role: string, scope: Scope): { en: string; zh: string } | null {
  if (role === SYSTEM_ROLE) return null;
  if (workflow.access.regionScoped && actor.region !== scope.region) {
    return {
      en: `actor ${actor.id} belongs to region ${actor.region ?? '(none)'}, the case to ${scope.region}`,
      zh: `操作人 ${actor.id} 属于 ${actor.region ?? '（未指定地区）'}，案件属于 ${scope.region}`,
    };
  }
  if (workflow.access.subjectRoles.includes(role) && !(actor.subjects ?? []).includes(scope.subject)) {
    return {
      en: `as ${role}, actor ${actor.id} may act only for its own subjects, not ${scope.subject}`,
      zh: `操作人 ${actor.id} 以 ${role} 身份只能办理本主体的事项，不能办理 ${scope.subject}`,
    };
  }
  return null;
}

/**
 * The role under which `actor` may send an event allowed to `allowedRoles` on this case, or a
 * `forbidden` error naming what is missing. `preferredRole` picks among several qualifying roles.
 */
export function authorize(
  workflow: WorkflowDefinition,
  actor: Actor,
  allowedRoles: readonly string[],
  scope: Scope,
  action: string,
  preferredRole?: string,
): string {
  const candidates = actor.roles.filter((r) => allowedRoles.includes(r) && (preferredRole === undefined || r === preferredRole));
  if (candidates.length === 0) {
    throw new EngineError(
      'forbidden',
      {
        en: `${action} may be sent by ${allowedRoles.join(', ')}; actor ${actor.id} has ${actor.roles.join(', ') || 'no role'}`,
        zh: `${action} 仅限 ${allowedRoles.join('、')} 办理；操作人 ${actor.id} 的角色为 ${actor.roles.join('、') || '无'}`,
      },
      { action, allowedRoles, actorRoles: actor.roles, reason: 'role' },
    );
  }
  let refusal: { en: string; zh: string } | null = null;
  for (const role of candidates) {
    refusal = roleRefusal(workflow, actor, role, scope);
    if (!refusal) return role;
  }
  throw new EngineError('forbidden', refusal!, { action, reason: workflow.access.regionScoped && actor.region !== scope.region ? 'region' : 'subject' });
}

function scopeKey(workflow: WorkflowDefinition, role: string, scope: Scope): string {
  if (workflow.access.subjectRoles.includes(role)) return `${role}|s:${scope.subject}`;
  if (workflow.access.regionScoped) return `${role}|r:${scope.region}`;
  return `${role}|*`;
}

/** Task keys of a case: one per (role, scope) that may send an event the current state accepts. */
export function taskKeysFor(workflow: WorkflowDefinition, acceptedEvents: readonly string[], scope: Scope): string[] {
  const keys = new Set<string>();
  for (const type of acceptedEvents) {
    for (const role of workflow.events[type]?.roles ?? []) {
      if (role !== SYSTEM_ROLE) keys.add(scopeKey(workflow, role, scope));
    }
  }
  return [...keys].sort();
}

/** Task keys an actor's inbox looks up: every shape its roles could have been indexed under. */
export function taskKeysOfActor(actor: Actor): string[] {
  const keys: string[] = [];
  for (const role of actor.roles) {
    if (role === SYSTEM_ROLE) continue;
    if (actor.region !== undefined) keys.push(`${role}|r:${actor.region}`);
    for (const subject of actor.subjects ?? []) keys.push(`${role}|s:${subject}`);
    keys.push(`${role}|*`);
  }
  return keys;
}

/** Event types of the case this actor may send now (state accepts them and a role may send them). */
export function eventsActorMaySend(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord): string[] {
  return record.acceptedEvents.filter((type) => {
    const roles = workflow.events[type]?.roles ?? [];
    return actor.roles.some((role) => role !== SYSTEM_ROLE && roles.includes(role) && roleRefusal(workflow, actor, role, record) === null);
  });
}

/** Roles that take part in a workflow: those that may start it or send one of its events. */
export function participantRoles(workflow: WorkflowDefinition): Set<string> {
  const roles = new Set(workflow.start.roles);
  for (const spec of Object.values(workflow.events)) for (const role of spec.roles) roles.add(role);
  roles.delete(SYSTEM_ROLE);
  return roles;
}

/**
 * Whether `actor` may see a case: it holds a role that takes part in the workflow, within that role's
 * scope (a subject-bound role: its own subjects; otherwise its region for region-scoped workflows).
 * What a server shows is decided by the same scope rule as what it lets an actor do.
 */
export function mayView(workflow: WorkflowDefinition, actor: Actor, scope: Scope): boolean {
  const roles = participantRoles(workflow);
  return actor.roles.some((role) => roles.has(role) && roleRefusal(workflow, actor, role, scope) === null);
}
