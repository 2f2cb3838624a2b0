/**
 * The demo clock: the engine's manual clock, persisted so a reload keeps the demo time, moved forward
 * only by the visitor ("advance 5 working days", counted on the engine's Chinese working-day calendar).
 */
import { createManualClock, startOfChinaDay, toChinaDate, type BusinessCalendar, type ManualClock } from '@nongan/engine';

export const CLOCK_KEY = 'nongan-portal-clock';

/**
 * Where a fresh demo starts: Monday 2 March 2026, 09:00 China time — a working week inside Jiyuan's
 * application window (closes 10 March from 2025 on, seed 002 §二(三)) and a year the bundled
 * State Council holiday data covers.
 */
export const DEMO_START = Date.parse('2026-03-02T09:00:00+08:00');

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

export interface PersistedClock extends ManualClock {
  /** Sets and saves the time (ms since the epoch). */
  save(ms: number): void;
}

/** The stored time, or `fallback` when nothing valid is stored. */
export function storedTime(storage: KeyValueStorage, fallback: number = DEMO_START): number {
  const raw = storage.getItem(CLOCK_KEY);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export function createPersistedClock(storage: KeyValueStorage, fallback: number = DEMO_START): PersistedClock {
  const clock = createManualClock(storedTime(storage, fallback));
  return {
    ...clock,
    save(ms: number) {
      if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError(`demo clock: invalid time ${String(ms)} / 演示时钟：时间无效`);
      clock.set(ms);
      storage.setItem(CLOCK_KEY, String(ms));
    },
  };
}

/**
 * The time `n` working days after `now`, at the same time of day (China time). Weekends and statutory
 * holidays are skipped, adjusted working weekends count — the calendar decides.
 */
export function addWorkingDaysAt(calendar: BusinessCalendar, now: number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${String(n)} / 工作日数须为正整数`);
  const today = toChinaDate(now);
  const timeOfDay = now - startOfChinaDay(today);
  return startOfChinaDay(calendar.addWorkingDays(today, n)) + timeOfDay;
}
