/**
 * What every lifecycle machine shares: the engine's start input, the pinned parameter version read
 * into the context at start (so later rule changes never move a running case), and typed readers
 * for event data that the region's form has already validated.
 */
import type { LocalText, MachineEvent } from '@nongan/engine';
import { parameterVersion } from '../regions/index.js';
import type { ParameterValues } from '../regions/types.js';

/** The engine passes this as the machine's `input` when a case starts. */
export interface StartInput {
  data: Record<string, unknown>;
  region: string;
  subject: string;
  pins: Record<string, string>;
  instanceId: string;
}

/** The pin key under which an instance keeps its region-parameter version. */
export const PARAMS_PIN = 'params';

/**
 * The parameter block `block` of the version the case pinned at start, tagged with the version id.
 * The region engine's validator refuses a start without a valid pin first, so this throwing means
 * the machine was used without it.
 */
export function pinnedParameters<K extends keyof ParameterValues>(input: StartInput, block: K): NonNullable<ParameterValues[K]> & { version: string } {
  const id = input.pins[PARAMS_PIN];
  const version = id === undefined ? undefined : parameterVersion(id);
  const values = version?.values[block];
  if (!version || !values || !id!.startsWith(`${input.region}@`)) {
    throw new Error(`case of ${input.region} needs pins.${PARAMS_PIN} naming a ${input.region} parameter version with ${block} values (got ${String(id)})`);
  }
  return { ...structuredClone(values), version: version.id } as NonNullable<ParameterValues[K]> & { version: string };
}

export type Ev = MachineEvent;

/**
 * What every state node declares in XState `meta`: its label in plain words (the portal widgets show
 * it instead of the state key) and, optionally, one sentence on what happens there.
 */
export type StateMeta = { label: LocalText; description?: LocalText };

export const text = (event: Ev, key: string): string => String(event.data[key] ?? '');
export const int = (event: Ev, key: string): number => {
  const value = event.data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};
export const rows = <T>(event: Ev, key: string): T[] => (Array.isArray(event.data[key]) ? (event.data[key] as T[]) : []);
