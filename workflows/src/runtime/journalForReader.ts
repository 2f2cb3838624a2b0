/**
 * A case's journal as one reader may see it: in each entry, the form's fields that the reader's roles
 * may not see at the step it was filled (its field permissions, `access`) are left out and named in
 * `withheld`. The stored journal is untouched (its hashes cover every field); the server verifies it.
 */
import { stateKeyOf, type JournalEntry } from '@nongan/engine';
import { withholdData, type FormDefinition } from '@nongan/forms';

export function journalForReader(
  entries: readonly JournalEntry[],
  roles: readonly string[],
  definitionOf: (formId: string) => Pick<FormDefinition, 'access'> | undefined,
): JournalEntry[] {
  return entries.map((entry) => {
    const data = entry.event.data;
    if (!entry.form || !data) return entry;
    const definition = definitionOf(entry.form.id);
    if (!definition?.access) return entry;
    const state = entry.stateBefore === null ? null : stateKeyOf(entry.stateBefore);
    const kept = withholdData(definition, data, state, roles);
    return kept.withheld.length === 0 ? entry : { ...entry, event: { ...entry.event, data: kept.data }, withheld: kept.withheld };
  });
}
