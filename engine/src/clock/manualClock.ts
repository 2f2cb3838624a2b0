/** A clock that moves only when told: for tests, and for the portal's demo clock control. */
import type { Clock } from '../types.js';

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function createManualClock(start: number | string | Date): ManualClock {
  let now = typeof start === 'number' ? start : new Date(start).getTime();
  if (!Number.isFinite(now)) throw new TypeError(`invalid start time: ${String(start)}`);
  return {
    now: () => now,
    set(ms) {
      now = ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}
