/**
 * Where a case's countersign is declared and the form its votes carry, read from the workflow
 * definition the client holds (the same code the server runs). The vote form is resolved like an
 * event's form, through the host's FormResolver, under the panel's decision event: the engine checks
 * a vote's data as that event's data (its validator is given the pass event's type).
 */
import { activePaths, type FormRef, type InstanceRecord, type WorkflowDefinition } from '@nongan/engine';

/** The state path whose countersign applies: the running one's, else the current state's declaration. */
export function countersignPath(workflow: WorkflowDefinition, record: InstanceRecord): string | undefined {
  const running = record.work?.countersign?.statePath;
  if (running) return running;
  if (record.status !== 'active') return undefined;
  return [...activePaths(record.state)].find((p) => workflow.tasks.countersigns.has(p));
}

/** The vote form of the running countersign and the event it is resolved under, when its votes carry one. */
export function voteFormOfCase(workflow: WorkflowDefinition, record: InstanceRecord): { form: FormRef; eventType: string } | undefined {
  const path = record.work?.countersign?.statePath;
  const spec = path ? workflow.tasks.countersigns.get(path) : undefined;
  return spec?.vote ? { form: spec.vote.form, eventType: spec.pass.event } : undefined;
}
