/**
 * Demo and test actors: one per region and role. Subject-bound roles (producers, third parties) act
 * for the subject they are given; officials are never bound to a subject (separation of duties would
 * keep them off that subject's cases).
 */
import type { Actor } from '@nongan/engine';
import { SUBJECT_BOUND_ROLES, type Role } from '../roles.js';

export function actorFor(region: string, role: Role, subject?: string): Actor {
  const bound = subject !== undefined && SUBJECT_BOUND_ROLES.has(role);
  return {
    id: `${region}:${role}${bound ? `:${subject}` : ''}`,
    roles: [role],
    region,
    ...(bound ? { subjects: [subject] } : {}),
  };
}
