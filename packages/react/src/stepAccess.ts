/**
 * The field permissions of the person about to take a step: the role they act in (the first of
 * theirs the event allows, as the engine picks it), their modes at the case's state, and the values
 * a read-only field keeps (the latest the case's entries of the same form hold).
 */
import type { Actor, InstanceRecord, JournalEntry, WorkflowDefinition } from '@nongan/engine';
import { accessAt, type FieldAccess, type FormDefinition } from '@nongan/forms';

export function actingRole(workflow: WorkflowDefinition, eventType: string, actor: Actor): string | undefined {
  const roles = workflow.events[eventType]?.roles ?? [];
  return actor.roles.find((role) => roles.includes(role));
}

export function stepAccess(definition: FormDefinition | undefined, record: Pick<InstanceRecord, 'stateKey'>, role: string | undefined): Record<string, FieldAccess> {
  if (!definition?.access || role === undefined) return {};
  return accessAt(definition.access, { state: record.stateKey, role });
}

export function readOnlyKeys(access: Readonly<Record<string, FieldAccess>>): string[] {
  return Object.keys(access).filter((key) => access[key] === 'readOnly');
}

/** What the case's entries of `formId` hold for `keys`, the latest value of each. */
export function keptValues(entries: readonly JournalEntry[], formId: string, keys: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const entry of entries) {
    if (entry.form?.id !== formId || !entry.event.data) continue;
    for (const key of keys) if (entry.event.data[key] !== undefined) kept[key] = entry.event.data[key];
  }
  return kept;
}
