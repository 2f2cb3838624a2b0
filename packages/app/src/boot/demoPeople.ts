/**
 * The people of the browser-only portal: one official per region and role (the sign-in's demo
 * actors) and the officers tasks are assigned to on entry (Kaizhou's grid officers, Luoyang's group
 * leaders). They are the engine's people directory there, and the names the case view offers when
 * a task is handed on, a panel formed or a copy sent.
 */
import type { Actor } from '@nongan/engine';
import { assignedOfficers } from '@nongan/workflows';
import { PORTAL_REGIONS, PORTAL_ROLES, actorOf, actsForFarm } from '../shell/session.js';

/** Roles that take part in cases as officials (not farms, the public or configuration staff). */
const OFFICIAL_ROLES = PORTAL_ROLES.filter((r) => !actsForFarm(r) && r !== 'public' && r !== 'config');

export function demoPeople(): Actor[] {
  return PORTAL_REGIONS.flatMap((region) => [...OFFICIAL_ROLES.map((role) => actorOf({ region, role })), ...assignedOfficers(region)]);
}
