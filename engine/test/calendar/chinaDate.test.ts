import { describe, expect, it } from 'vitest';
import { chinaDateOf, isChinaDate, startOfChinaDay, toChinaDate } from '../../src/calendar/index.js';

describe('China civil dates (Asia/Shanghai, UTC+8)', () => {
  it('toChinaDate uses the China date, not the UTC or host date', () => {
    // 2026-02-11T16:00Z is 2026-02-12 00:00 in Beijing; one ms earlier is still the 11th.
    expect(toChinaDate(Date.UTC(2026, 1, 11, 16, 0, 0))).toBe('2026-02-12');
    expect(toChinaDate(Date.UTC(2026, 1, 11, 15, 59, 59, 999))).toBe('2026-02-11');
  });

  it('startOfChinaDay is 00:00 Beijing = 16:00Z the day before', () => {
    expect(startOfChinaDay('2026-02-12')).toBe(Date.UTC(2026, 1, 11, 16));
    expect(startOfChinaDay('2028-02-29')).toBe(Date.UTC(2028, 1, 28, 16));
    expect(toChinaDate(startOfChinaDay('2026-10-01'))).toBe('2026-10-01');
  });

  it('isChinaDate accepts only real YYYY-MM-DD days', () => {
    expect(isChinaDate('2026-02-28')).toBe(true);
    expect(isChinaDate('2028-02-29')).toBe(true); // 2028 is a leap year
    expect(isChinaDate('2026-02-29')).toBe(false); // 2026 is not
    expect(isChinaDate('2027-02-30')).toBe(false);
    expect(isChinaDate('2026-13-01')).toBe(false);
    expect(isChinaDate('2026-00-10')).toBe(false);
    expect(isChinaDate('2026-2-1')).toBe(false);
    expect(isChinaDate('2026-02-12T00:00')).toBe(false);
    expect(isChinaDate(' 2026-02-12')).toBe(false);
    expect(isChinaDate(20260212)).toBe(false);
    expect(isChinaDate(null)).toBe(false);
  });

  it('rejects bad input with a bilingual error', () => {
    expect(() => startOfChinaDay('2026-02-30')).toThrow(/日期无效.*\/ invalid date/);
    expect(() => toChinaDate(Number.NaN)).toThrow(/时间戳无效.*\/ invalid timestamp/);
  });

  it('chinaDateOf reads a date or an ISO timestamp', () => {
    expect(chinaDateOf('2026-03-10')).toBe('2026-03-10');
    // 17:30Z = 01:30 next day in Beijing.
    expect(chinaDateOf('2026-03-10T17:30:00Z')).toBe('2026-03-11');
    expect(chinaDateOf('2026-03-10T17:30:00.123Z')).toBe('2026-03-11');
    // 09:00 in New York (-05:00) = 14:00Z = 22:00 Beijing, same day.
    expect(chinaDateOf('2026-03-10T09:00:00-05:00')).toBe('2026-03-10');
    expect(chinaDateOf('2026-03-10T23:30:00+08:00')).toBe('2026-03-10');
    // No zone: a wall-clock time as typed on a Chinese form; the date part is the China date.
    expect(chinaDateOf('2026-03-10T23:30')).toBe('2026-03-10');
    expect(chinaDateOf('2026-03-10 23:30:00')).toBe('2026-03-10');
    for (const bad of ['2026-03-10T24:00', '2026-02-30T10:00Z', '10/03/2026', '2026-03', 'soon', '', 20260310, {}]) {
      expect(chinaDateOf(bad)).toBeNull();
    }
  });
});
