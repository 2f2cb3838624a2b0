/**
 * Demo and test actors: one per region and role. Subject-bound roles (producers, third parties) act
 * for the subject they are given; officials are never bound to a subject (separation of duties would
 * keep them off that subject's cases).
 */
import type { Actor, InstanceRecord } from '@nongan/engine';
import { SUBJECT_BOUND_ROLES, type Role } from '../roles.js';
import { INSPECTION_GROUPS } from '../calc/luoyangRotation.js';
import { REGION_DIVISIONS } from '../regions/divisions.js';

export function actorFor(region: string, role: Role, subject?: string): Actor {
  const bound = subject !== undefined && SUBJECT_BOUND_ROLES.has(role);
  return {
    id: `${region}:${role}${bound ? `:${subject}` : ''}`,
    roles: [role],
    region,
    ...(bound ? { subjects: [subject] } : {}),
  };
}

/** The account of a region's i-th demo township station (0-based): its grid officer (网格监管员). */
export function townshipOfficerId(region: string, index: number): string {
  return `${region}:township-${index + 1}`;
}

/** The account of a Luoyang inspection group's leader (seed 001 附件2 督导分组安排). */
export function inspectionGroupLeaderId(groupId: string): string {
  return `luoyang:${groupId}`;
}

/**
 * Who takes a scripted step as `role`: the person the case's task is held by under that role (a grid's
 * officer, a season's group, assigned on entry), else the region's actor for the role.
 */
export function stepActor(record: Pick<InstanceRecord, 'work'>, region: string, role: Role, subject?: string): Actor {
  const holder = record.work?.holder;
  if (holder && holder.role === role) return { id: holder.id, ...(holder.name !== undefined ? { name: holder.name } : {}), roles: [role], region };
  return actorFor(region, role, subject);
}

/**
 * The named officers tasks are assigned to on entry (see lifecycles/assignments.ts): Kaizhou's grid
 * officers (one per demo township station) and Luoyang's inspection-group leaders. The server seeds
 * them as accounts; the browser-only portal lists them in its people directory.
 */
export function assignedOfficers(region: string): Actor[] {
  if (region === 'kaizhou') {
    return REGION_DIVISIONS.kaizhou.townships.map((t, i) => ({ id: townshipOfficerId('kaizhou', i), name: `${t.name.zh}监管站`, roles: ['supervision', 'inspector'], region, divisions: [t.code] }));
  }
  if (region === 'luoyang') {
    return INSPECTION_GROUPS.map((g) => ({ id: inspectionGroupLeaderId(g.id), name: `${g.name.zh}（组长 ${g.leader}）`, roles: ['inspector'], region }));
  }
  return [];
}
