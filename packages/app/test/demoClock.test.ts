import { createChineseCalendar } from '@nongan/engine';
import { describe, expect, it } from 'vitest';
import { addWorkingDaysAt, CLOCK_KEY, createPersistedClock, DEMO_START, storedTime } from '../src/boot/demoClock.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('demo clock', () => {
  it('starts at the demo start, and keeps a saved time across reloads', () => {
    const storage = memoryStorage();
    const clock = createPersistedClock(storage);
    expect(clock.now()).toBe(DEMO_START);
    clock.save(DEMO_START + 1000);
    expect(storage.data.get(CLOCK_KEY)).toBe(String(DEMO_START + 1000));
    expect(createPersistedClock(storage).now()).toBe(DEMO_START + 1000);
  });

  it('ignores a stored value that is not a time', () => {
    expect(storedTime(memoryStorage({ [CLOCK_KEY]: 'yesterday' }))).toBe(DEMO_START);
    expect(storedTime(memoryStorage({ [CLOCK_KEY]: '-5' }))).toBe(DEMO_START);
    expect(() => createPersistedClock(memoryStorage()).save(Number.NaN)).toThrow(/演示时钟/);
  });

  it('advances 5 working days at the same time of day, skipping weekends', () => {
    const calendar = createChineseCalendar();
    // Mon 2 March 2026 09:00 + 5 working days = Mon 9 March 09:00
    expect(addWorkingDaysAt(calendar, Date.parse('2026-03-02T09:00:00+08:00'), 5)).toBe(Date.parse('2026-03-09T09:00:00+08:00'));
    // Fri 6 March 23:30 China time (15:30 UTC) + 5 = Fri 13 March 23:30
    expect(addWorkingDaysAt(calendar, Date.parse('2026-03-06T23:30:00+08:00'), 5)).toBe(Date.parse('2026-03-13T23:30:00+08:00'));
  });

  it('skips the National Day holiday (State Council arrangement for 2026)', () => {
    const calendar = createChineseCalendar();
    const next = addWorkingDaysAt(calendar, Date.parse('2026-09-30T09:00:00+08:00'), 1);
    const date = new Date(next + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(date > '2026-10-07').toBe(true);
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(() => addWorkingDaysAt(calendar, DEMO_START, 0)).toThrow(/正整数/);
  });
});
