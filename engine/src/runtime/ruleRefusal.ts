/**
 * A guard's refusal in people's words: when the machine refuses an event its state accepts, the
 * workflow's refusal rule for that event (if any) names the rule that failed, with its numbers, and
 * the field it concerns. The machine has already decided; this only explains (seed-cited rules).
 */
import { EngineError } from '../errors.js';
import type { InstanceRecord, WorkflowEvent } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';

export function ruleRefused(workflow: WorkflowDefinition, record: InstanceRecord, event: WorkflowEvent): EngineError | undefined {
  const rule = workflow.refusals[event.type];
  if (!rule) return undefined;
  let refusal;
  try {
    refusal = rule({ context: record.context, data: event.data ?? {}, stateKey: record.stateKey });
  } catch {
    return undefined; // a rule that cannot read the data explains nothing: the generic refusal stands
  }
  if (!refusal) return undefined;
  const { rule: source, message, path } = refusal;
  return new EngineError('rule-refused', message, {
    rule: source,
    eventType: event.type,
    stateKey: record.stateKey,
    // The field for a form to point at; not as an issue list, whose paths a generic notice would print.
    ...(path ? { path } : {}),
  });
}
