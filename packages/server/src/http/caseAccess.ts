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
 * region-wide, its own subjects for subject-bound roles. Each result is still checked with `mayView`.
 */
export function scopedQueries(engine: Engine, actor: Actor, filter: InstanceQuery, workflowIds: readonly string[]): InstanceQuery[] {
  const queries: InstanceQuery[] = [];
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
    if (regionWide) {
      const region = workflow.access.regionScoped ? actor.region : filter.region;
      if (workflow.access.regionScoped && (region === undefined || (filter.region !== undefined && filter.region !== region))) continue;
      queries.push({ ...filter, workflowId, ...(region !== undefined ? { region } : {}) });
    } else if (roles.length > 0) {
      for (const subject of actor.subjects ?? []) {
        if (filter.subject !== undefined && filter.subject !== subject) continue;
        queries.push({ ...filter, workflowId, subject });
      }
    }
  }
  return queries;
}
