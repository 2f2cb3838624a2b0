/** Demo and test actors: one per region and role; producers act for the subject they are given. */
import type { Actor } from '@nongan/engine';
import type { Role } from '../roles.js';

export function actorFor(region: string, role: Role, subject?: string): Actor {
  return {
    id: `${region}:${role}${subject && (role === 'producer' || role === 'third-party') ? `:${subject}` : ''}`,
    roles: [role],
    region,
    ...(subject ? { subjects: [subject] } : {}),
  };
}
