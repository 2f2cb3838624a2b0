/**
 * The people an operation may name (the one a task is transferred to, a panel's experts, a copy's
 * readers), supplied by the host: the server's accounts, the portal's demo people. The engine asks it
 * who a person is, so that roles and scope of the person named are checked, never taken on trust.
 */
import type { Actor } from '../types.js';

export interface PeopleDirectory {
  /** The person with this id, as the actor they would act as (roles, region, subjects, divisions, name). */
  person(id: string): Actor | undefined | Promise<Actor | undefined>;
  /** People holding `role` in `region` (for drawing a panel); scope is checked by the engine. */
  people(query: { role: string; region: string }): readonly Actor[] | Promise<readonly Actor[]>;
}

/** A directory over a fixed list of people (tests, the browser-only portal's demo people). */
export function listDirectory(people: readonly Actor[]): PeopleDirectory {
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    person: (id) => byId.get(id),
    people: ({ role, region }) => people.filter((p) => p.roles.includes(role) && (p.region === undefined || p.region === region)),
  };
}
