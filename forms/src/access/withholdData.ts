/**
 * What a reader receives of data filled at some step: the fields their roles may not see at that
 * step are left out, and named, so a screen can say that something is withheld (not that it is empty).
 */
import type { FormDefinition } from '../definition/types.js';
import { withheldFields } from './fieldAccess.js';

export function withholdData(
  definition: Pick<FormDefinition, 'access'>,
  data: Record<string, unknown>,
  state: string | null,
  roles: readonly string[],
): { data: Record<string, unknown>; withheld: string[] } {
  const withheld = withheldFields(definition.access, state, roles).filter((key) => Object.hasOwn(data, key));
  if (withheld.length === 0) return { data, withheld };
  const kept = { ...data };
  for (const key of withheld) delete kept[key];
  return { data: kept, withheld };
}
