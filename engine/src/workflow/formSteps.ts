/**
 * Where a form is filled in a workflow: the states whose own events carry it (and the start, and
 * events accepted everywhere, as the `*` row), with the roles that fill it there and every role that
 * takes part in the case (who may read it). What a field-permission editor offers as its rows.
 */
import { SYSTEM_ROLE, type WorkflowDefinition } from './defineWorkflow.js';

export interface FormStep {
  /** A state path, or `*`: the start and events accepted in every state (and the default of every row). */
  state: string;
  /** The events of this state that carry the form. */
  events: string[];
  /** Roles that fill the form at this step. */
  fillers: string[];
}

export interface FormUse {
  steps: FormStep[];
  /** Every role of the workflow but the engine's own: the readers a permission may hide a field from. */
  roles: string[];
}

export function formSteps(workflow: WorkflowDefinition, formId: string): FormUse {
  const carries = (type: string) => workflow.events[type]?.form?.id === formId;
  const rolesOf = (types: readonly string[]) => [...new Set(types.flatMap((type) => workflow.events[type]?.roles ?? []))].filter((r) => r !== SYSTEM_ROLE);
  const steps: FormStep[] = [];
  const everywhere = workflow.rootEvents.filter(carries);
  const starts = workflow.start.form?.id === formId;
  if (starts || everywhere.length > 0) {
    steps.push({ state: '*', events: [...(starts ? ['start'] : []), ...everywhere], fillers: [...new Set([...(starts ? workflow.start.roles : []), ...rolesOf(everywhere)])] });
  }
  for (const [path, types] of workflow.eventsByPath) {
    const events = types.filter(carries);
    if (events.length > 0) steps.push({ state: path, events, fillers: rolesOf(events) });
  }
  const roles = [...new Set([...workflow.start.roles, ...Object.values(workflow.events).flatMap((spec) => spec.roles)])].filter((r) => r !== SYSTEM_ROLE);
  return { steps, roles };
}
