/**
 * What an actor may see, applied to every read: a case outside the actor's scope is answered exactly
 * like a case that does not exist, and lists are narrowed to the scope before the store is asked.
 * The rule itself is the engine's (`mayView`: the same scope that decides what the actor may do).
 */
import { isEngineError, mayView, participantRoles, type Actor, type Engine, type InstanceQuery, type InstanceRecord } from '@nongan/engine';
import { caseNotFound } from './errors.js';

export async function visibleCase(engine: Engine, actor: Actor, instanceId: string): Promise<InstanceRecord> {
  let record: InstanceRecord;
  try {
    record = await engine.get(instanceId);
  } catch (error) {
    if (isEngineError(error, 'not-found') || isEngineError(error, 'invalid-input')) throw caseNotFound(instanceId);
    throw error;
  }
  if (!mayView(engine.workflow(record.workflowId, record.workflowVersion), actor, record)) throw caseNotFound(instanceId);
  return record;
}

/**
 * The store queries that cover what `actor` may see of `filter`: its region for the roles that act
 * region-wide (one query per division prefix of its data scope), its own subjects for subject-bound roles. Each result is still checked with `mayView`.
 */
export function scopedQueries(engine: Engine, actor: Actor, filter: InstanceQuery, workflowIds: readonly string[]): ScopedQueries {
  const queries: InstanceQuery[] = [];
  const overlaps: InstanceQuery[] = [];
  const ids = filter.workflowId !== undefined ? [filter.workflowId] : workflowIds;
  for (const workflowId of ids) {
    let workflow;
    try {
      workflow = engine.workflow(workflowId);
    } catch {
      continue;
    }
    const roles = [...participantRoles(workflow)].filter((r) => actor.roles.includes(r));
    const regionWide = roles.some((r) => !workflow.access.subjectRoles.includes(r));
    let coversAll = false;
    if (regionWide) {
      const region = workflow.access.regionScoped ? actor.region : filter.region;
      if (workflow.access.regionScoped && (region === undefined || (filter.region !== undefined && filter.region !== region))) continue;
      const base = { ...filter, workflowId, ...(region !== undefined ? { region } : {}) };
      // An official with a data scope asks once per division prefix of it; without one, the region.
      if (actor.divisions === undefined || !workflow.access.regionScoped) {
        queries.push(base);
        coversAll = true;
      } else for (const division of narrowest(actor.divisions)) queries.push({ ...base, division });
    }
    // The actor's own farms, unless the region query already covers them. A farm inside the actor's
    // divisions is asked twice: its overlap queries let the total subtract it once.
    if (!coversAll && roles.some((r) => workflow.access.subjectRoles.includes(r))) {
      for (const subject of actor.subjects ?? []) {
        if (filter.subject !== undefined && filter.subject !== subject) continue;
        const own = { ...filter, workflowId, subject };
        queries.push(own);
        if (regionWide && actor.divisions !== undefined) {
          const region = workflow.access.regionScoped ? actor.region : filter.region;
          for (const division of narrowest(actor.divisions)) overlaps.push({ ...own, ...(region !== undefined ? { region } : {}), division });
        }
      }
    }
  }
  return { queries, overlaps };
}

export interface ScopedQueries {
  /** Queries whose results together are what the actor may see (each still checked with `mayView`). */
  queries: InstanceQuery[];
  /** Cases two of those queries both find: subtract their counts once from the sum for an exact total. */
  overlaps: InstanceQuery[];
}

/** Prefixes with those covered by a shorter one dropped, so no case is counted twice. */
function narrowest(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}
