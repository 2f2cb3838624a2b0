import { describe, expect, it } from 'vitest';
import { CalendarError, createChineseCalendar, type YearArrangement } from '../../src/calendar/index.js';

// A made-up 2027 arrangement (the real notice is not out). 2027-02-01 is a Monday:
// holidays Sat 02-06 .. Sun 02-14 (9 days) and New Year's Day Fri 01-01; 调休上班 Sat 02-20.
const made2027: YearArrangement = {
  year: 2027,
  holidays: ['2027-01-01', ...range('2027-02-06', 9)],
  workdays: ['2027-02-20'],
  source: 'test: invented 2027 notice',
};

function range(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** The thrown error, which must name the problem in both languages. */
function rejection(arrangement: unknown): CalendarError {
  const cal = createChineseCalendar();
  try {
    cal.addYearArrangement(arrangement as YearArrangement);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CalendarError);
    expect(cal.isCovered(2027)).toBe(false); // nothing installed
    return e as CalendarError;
  }
  throw new Error('expected the arrangement to be rejected');
}

describe('run-time year arrangements', () => {
  it('extends the calendar with a new year and flips isCovered', () => {
    const cal = createChineseCalendar();
    // Weekend rule before: Thu 2027-02-04 -> Fri 5, Mon 8, Tue 9, Wed 10, Thu 11.
    expect(cal.addWorkingDays('2027-02-04', 5)).toBe('2027-02-11');
    expect(cal.isCovered(2027)).toBe(false);

    cal.addYearArrangement(made2027);
    // After: Fri 5 (1), 6..14 off, Mon 15 (2), 16 (3), 17 (4), Thu 18 (5).
    expect(cal.addWorkingDays('2027-02-04', 5)).toBe('2027-02-18');
    expect(cal.isCovered(2027)).toBe(true);
    expect(cal.coveredYears().at(-1)).toBe(2027);
    expect(cal.isWorkingDay('2027-02-20')).toBe(true); // 调休 Saturday
    expect(cal.isWorkingDay('2027-02-21')).toBe(false); // plain Sunday
  });

  it('accepts arrangements through the factory options, per calendar instance', () => {
    const extended = createChineseCalendar({ arrangements: [made2027] });
    const plain = createChineseCalendar();
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(plain.isWorkingDay('2027-01-01')).toBe(true); // another calendar is not affected
  });

  it('replaces the bundled data for that year', () => {
    const cal = createChineseCalendar();
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // bundled Spring Festival
    cal.addYearArrangement({ year: 2026, holidays: ['2026-01-01'], workdays: [] });
    expect(cal.isWorkingDay('2026-02-16')).toBe(true); // bundled holidays are gone, Monday
    expect(cal.isWorkingDay('2026-02-14')).toBe(false); // bundled 调休 is gone, Saturday
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
  });

  it('terminates when a supplied year has no working day at all', () => {
    const cal = createChineseCalendar();
    cal.addYearArrangement({ year: 2027, holidays: range('2027-01-01', 365), workdays: [] });
    // 2028-01-01 is a Saturday, so the first working day after 2026-12-31 is Mon 2028-01-03.
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2028-01-03');
  });
});

describe('addYearArrangement validation', () => {
  const bilingual = (e: Error): void => {
    expect(e.message).toContain('日历数据无效');
    expect(e.message).toContain('invalid calendar arrangement');
  };

  it('rejects an impossible date, naming its index', () => {
    const e = rejection({ year: 2027, holidays: ['2027-02-06', '2027-02-07', '2027-02-30'], workdays: [] });
    bilingual(e);
    expect(e.message).toContain('holidays[2] "2027-02-30" is not a valid date');
    expect(e.message).toContain('holidays[2] "2027-02-30" 不是有效日期');
  });

  it('rejects a date outside the stated year', () => {
    const e = rejection({ year: 2027, holidays: ['2027-01-01'], workdays: ['2026-12-26'] });
    bilingual(e);
    expect(e.message).toContain('workdays[0] "2026-12-26" is outside the year 2027');
    expect(e.message).toContain('不在 2027 年内');
  });

  it('rejects a date that is both holiday and working day', () => {
    const e = rejection({ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] });
    bilingual(e);
    expect(e.message).toContain('both as a holiday and as a working day');
    expect(e.message).toContain('同时列为假日和调休上班日');
  });

  it('rejects a non-integer or missing year', () => {
    for (const year of [2027.5, '2027', undefined, Number.NaN]) {
      const e = rejection({ year, holidays: ['2027-01-01'], workdays: [] });
      bilingual(e);
      expect(e.message).toMatch(/不是有效年份.*is not an integer year/);
    }
  });

  it('rejects a weekday listed as an adjusted working day', () => {
    // 2027-02-17 is a Wednesday: 调休上班 only ever moves work onto a weekend.
    const e = rejection({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-17'] });
    bilingual(e);
    expect(e.message).toContain('"2027-02-17" is a Wednesday');
    expect(e.message).toContain('星期三');
  });

  it('rejects wrong shapes, duplicates and an empty holiday list', () => {
    expect(rejection(null).message).toMatch(/应为对象.*expected an object/);
    expect(rejection({ year: 2027, holidays: '2027-01-01', workdays: [] }).message).toContain('holidays must be an array');
    expect(rejection({ year: 2027, holidays: ['2027-01-01'] }).message).toContain('workdays must be an array');
    expect(rejection({ year: 2027, holidays: ['2027-01-01', 20270102], workdays: [] }).message).toContain(
      'holidays[1] 20270102 is not a valid date',
    );
    expect(rejection({ year: 2027, holidays: ['2027-01-01', '2027-01-01'], workdays: [] }).message).toContain(
      'listed twice',
    );
    expect(rejection({ year: 2027, holidays: [], workdays: [] }).message).toMatch(/holidays 为空.*holidays is empty/);
    expect(rejection({ ...made2027, source: 42 }).message).toContain('source must be a string');
  });

  it('rejects a bad arrangement passed to the factory', () => {
    expect(() => createChineseCalendar({ arrangements: [{ year: 2027, holidays: ['2027-13-01'], workdays: [] }] })).toThrow(
      /日历数据无效.*invalid calendar arrangement: holidays\[0\] "2027-13-01" is not a valid date/,
    );
  });
});
