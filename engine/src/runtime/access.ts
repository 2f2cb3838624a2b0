/**
 * Who may do what, decided here and nowhere else: the role check, the region check and the
 * own-subject check for an actor and an event, and the task keys that index the same rule.
 */
import { EngineError } from '../errors.js';
import { SYSTEM_ROLE, type WorkflowDefinition } from '../workflow/defineWorkflow.js';
import type { Actor, InstanceRecord } from '../types.js';
import { DIVISION_LEVEL_LENGTHS } from './validateInput.js';
import { workRefusal } from '../tasks/taskAccess.js';

type Scope = Pick<InstanceRecord, 'region' | 'subject' | 'division'>;

export interface Refusal {
  en: string;
  zh: string;
  reason: 'region' | 'subject' | 'division' | 'separation-of-duties';
}

/** Whether a division code lies within one of the prefixes. */
export function inDivisions(division: string | undefined, prefixes: readonly string[]): boolean {
  return division !== undefined && prefixes.some((p) => division.startsWith(p));
}

/** Why a role cannot act on a case (region, own subject, separation of duties, data scope), or null when it can. */
export function roleRefusal(workflow: WorkflowDefinition, actor: Actor, role: string, scope: Scope): Refusal | null {
  if (role === SYSTEM_ROLE) return null;
  if (workflow.access.regionScoped && actor.region !== scope.region) {
    return {
      en: `actor ${actor.id} belongs to region ${actor.region ?? '(none)'}, the case to ${scope.region}`,
      zh: `操作人 ${actor.id} 属于 ${actor.region ?? '（未指定地区）'}，案件属于 ${scope.region}`,
      reason: 'region',
    };
  }
  if (workflow.access.subjectRoles.includes(role)) {
    if ((actor.subjects ?? []).includes(scope.subject)) return null;
    return {
      en: `as ${role}, actor ${actor.id} may act only for its own subjects, not ${scope.subject}`,
      zh: `操作人 ${actor.id} 以 ${role} 身份只能办理本主体的事项，不能办理 ${scope.subject}`,
      reason: 'subject',
    };
  }
  // Separation of duties: whoever holds a stake in the case (its subject is one of the actor's own)
  // never reviews or decides it, even when the same account also carries an official role.
  if (workflow.access.separationOfDuties && (actor.subjects ?? []).includes(scope.subject)) {
    return {
      en: `separation of duties: actor ${actor.id} acts for ${scope.subject}, so it may not act on this case as ${role}`,
      zh: `不相容职务分离：操作人 ${actor.id} 是 ${scope.subject} 的办理人，不能以 ${role} 身份办理本案件`,
      reason: 'separation-of-duties',
    };
  }
  if (actor.divisions !== undefined && !inDivisions(scope.division, actor.divisions)) {
    return {
      en: `case ${scope.subject} in division ${scope.division ?? '(none)'} is outside actor ${actor.id}'s data scope (${actor.divisions.join(', ') || 'none'})`,
      zh: `案件所在区划 ${scope.division ?? '（未登记）'} 不在操作人 ${actor.id} 的数据范围（${actor.divisions.join('、') || '无'}）内`,
      reason: 'division',
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
  let refusal: Refusal | null = null;
  for (const role of candidates) {
    refusal = roleRefusal(workflow, actor, role, scope);
    if (!refusal) return role;
  }
  throw new EngineError('forbidden', refusal!, { action, reason: refusal!.reason });
}

/** The division prefixes of a code at every level down to the code itself (`419001103` → 41, 4190, 419001, 419001103). */
export function divisionPrefixes(division: string): string[] {
  return DIVISION_LEVEL_LENGTHS.filter((n) => n <= division.length).map((n) => division.slice(0, n));
}

/** The task keys a role's inbox finds a case of this scope under. */
export function scopeKeys(workflow: WorkflowDefinition, role: string, scope: Scope): string[] {
  if (workflow.access.subjectRoles.includes(role)) return [`${role}|s:${scope.subject}`];
  if (!workflow.access.regionScoped) return [`${role}|*`];
  // Region-wide officials look the case up by region; officials with a data scope by one of its divisions.
  return [`${role}|r:${scope.region}`, ...(scope.division ? divisionPrefixes(scope.division).map((p) => `${role}|d:${p}`) : [])];
}

/** Task keys of a case: per (role, scope) that may send an event the current state accepts. */
export function taskKeysFor(workflow: WorkflowDefinition, acceptedEvents: readonly string[], scope: Scope): string[] {
  const keys = new Set<string>();
  for (const type of acceptedEvents) {
    for (const role of workflow.events[type]?.roles ?? []) {
      if (role !== SYSTEM_ROLE) for (const key of scopeKeys(workflow, role, scope)) keys.add(key);
    }
  }
  return [...keys].sort();
}

/** Task keys an actor's inbox looks up: every shape its roles could have been indexed under. */
export function taskKeysOfActor(actor: Actor): string[] {
  const keys: string[] = [];
  for (const role of actor.roles) {
    if (role === SYSTEM_ROLE) continue;
    if (actor.divisions !== undefined) for (const prefix of actor.divisions) keys.push(`${role}|d:${prefix}`);
    else if (actor.region !== undefined) keys.push(`${role}|r:${actor.region}`);
    for (const subject of actor.subjects ?? []) keys.push(`${role}|s:${subject}`);
    keys.push(`${role}|*`);
  }
  // Tasks held by, delegated to or awaiting the vote of this person, and copies sent to them.
  keys.push(`u:${actor.id}`, `cc:${actor.id}`);
  return keys;
}

/** Event types of the case this actor may send now (state accepts them and a role may send them). */
export function eventsActorMaySend(workflow: WorkflowDefinition, actor: Actor, record: InstanceRecord): string[] {
  return record.acceptedEvents.filter((type) => {
    const roles = workflow.events[type]?.roles ?? [];
    return actor.roles.some(
      (role) => role !== SYSTEM_ROLE && roles.includes(role) && roleRefusal(workflow, actor, role, record) === null && workRefusal(workflow, record, actor.id, role, type) === null,
    );
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
