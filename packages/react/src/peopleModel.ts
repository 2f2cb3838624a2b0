/**
 * The people an operation may name, as the embedding app supplies them: the engine keeps its people
 * directory on the server side and offers no listing to the client, so the app passes a list (its
 * accounts) or a search function. The widget narrows the list to the roles the operation needs where
 * it can tell them (a panel's signers hold the countersign's role); the engine checks the rest.
 */
import type { InstanceRecord, TaskOperationName, WorkflowDefinition } from '@nongan/engine';
import { countersignPath } from './countersignForm.js';
import { rolesActingNow } from './labels.js';

/** A person as a picker shows them: by name; the id is only sent to the engine. */
export interface PersonOption {
  id: string;
  name: string;
  /** Their roles, when known: lets the picker leave out people who could not take the task. */
  roles?: readonly string[];
}

export interface PeopleQuery {
  /** What the person typed (may be empty: the first candidates). */
  text: string;
  operation: TaskOperationName;
  instanceId: string;
  /**
   * `act`: the person must be able to act on the case in one of `roles` (转办, 指派, 会签, 加签);
   * `view`: seeing the case is enough (委派, 抄送). The server's GET /api/cases/:id/people answers both.
   */
  purpose: 'act' | 'view';
  /** Roles the person named must hold (one of), when the operation needs a role. */
  roles?: readonly string[];
}

export type FindPeople = (query: PeopleQuery) => readonly PersonOption[] | Promise<readonly PersonOption[]>;

export const purposeOf = (op: TaskOperationName): PeopleQuery['purpose'] => (op === 'delegate' || op === 'copy' ? 'view' : 'act');

/** Roles the person an operation names must hold, or undefined when any person who may see the case will do. */
export function candidateRoles(op: TaskOperationName, workflow: WorkflowDefinition, record: InstanceRecord): string[] | undefined {
  if (op === 'countersign' || op === 'add-signer') {
    const path = countersignPath(workflow, record);
    const spec = path ? workflow.tasks.countersigns.get(path) : undefined;
    return spec ? [spec.role] : undefined;
  }
  if (op === 'transfer' && record.work?.holder) return [record.work.holder.role];
  if (op === 'assign' || op === 'transfer') {
    // Whoever acts on the current step in an official's role (a farm's own steps are not handed on).
    const subjectRoles = new Set(workflow.access.subjectRoles);
    const roles = rolesActingNow(workflow, record.acceptedEvents).filter((r) => !subjectRoles.has(r));
    return roles.length > 0 ? roles : undefined;
  }
  return undefined;
}

/** People of the host's list matching the typed text (by name) and the roles; `exclude` leaves out the actor and current signers. */
export function matchPeople(people: readonly PersonOption[], query: PeopleQuery, exclude: ReadonlySet<string> = new Set()): PersonOption[] {
  const text = query.text.trim().toLowerCase();
  return people.filter(
    (p) =>
      !exclude.has(p.id) &&
      (text === '' || p.name.toLowerCase().includes(text)) &&
      (!query.roles || !p.roles || p.roles.some((r) => query.roles!.includes(r))),
  );
}
