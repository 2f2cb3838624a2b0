/**
 * People's names as the journal recorded them. An entry keeps the actor's id; their name is written
 * where they gave an opinion (its signer) or took a task operation (`task.by`), and every person an
 * operation named is kept with their name. Collected over the whole journal, a name learnt from one
 * entry names the same person in the others, so people read names instead of account ids.
 */
import type { JournalEntry } from '@nongan/engine';

export type NameOf = (personId: string) => string | undefined;

export function journalNames(entries: readonly JournalEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const learn = (id: unknown, name: unknown) => {
    if (typeof id === 'string' && typeof name === 'string' && name !== '' && !names.has(id)) names.set(id, name);
  };
  for (const entry of entries) {
    learn(entry.actor.id, entry.task?.by);
    learn(entry.actor.id, entry.opinion?.signer);
    for (const person of entry.task?.people ?? []) learn(person.id, person.name);
    const cancelled = (entry.task?.effects?.countersignCancelled as { pending?: Array<{ id?: unknown; name?: unknown }> } | undefined)?.pending;
    for (const person of Array.isArray(cancelled) ? cancelled : []) learn(person.id, person.name);
  }
  return names;
}

/** A lookup preferring the host's names (its accounts), then the journal's. */
export function nameLookup(names: ReadonlyMap<string, string>, host?: NameOf): NameOf {
  return (id) => host?.(id) ?? names.get(id);
}
