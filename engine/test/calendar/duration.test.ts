import { describe, expect, it } from 'vitest';
import {
  computeDueAt,
  createChineseCalendar,
  validateDeadlineAfter,
  type DeadlineAfter,
  type YearArrangement,
} from '../../src/calendar/index.js';

/** Epoch ms of a Beijing wall-clock time, written out so expectations read as local times. */
const bj = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);

// Made-up 2027 arrangement: New Year Fri 01-01 and Spring Festival Sat 02-06 .. Sun 02-14 off.
const made2027: YearArrangement = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    '2027-02-12', '2027-02-13', '2027-02-14'],
  workdays: ['2027-02-20'],
};

describe('computeDueAt: start day not counted, due at the end (24:00) of the last day', () => {
  const cal = createChineseCalendar();

  it('workingDays from a Monday 10:00', () => {
    // Mon 2026-03-02: Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 (5) -> due 00:00 Tue 03-10.
    expect(computeDueAt({ workingDays: 5 }, bj('2026-03-02T10:00'), cal)).toEqual({
      dueAt: bj('2026-03-10T00:00'),
      provisional: false,
    });
  });

  it('workingDays across the 2026 Spring Festival', () => {
    // Thu 02-12: 13, 14 (调休), 24, 25, 26 -> last day Thu 02-26, due 00:00 Fri 02-27.
    expect(computeDueAt({ workingDays: 5 }, bj('2026-02-12T09:30'), cal).dueAt).toBe(bj('2026-02-27T00:00'));
    // Entered late in the evening: still Thursday in Beijing (15:30Z is 23:30 +08:00).
    expect(computeDueAt({ workingDays: 5 }, Date.UTC(2026, 1, 12, 15, 30), cal).dueAt).toBe(bj('2026-02-27T00:00'));
    // 16:30Z is already Fri 02-13 00:30 in Beijing: 14 (调休), 24, 25, 26, 27 -> due 00:00 Sat 02-28.
    expect(computeDueAt({ workingDays: 5 }, Date.UTC(2026, 1, 12, 16, 30), cal).dueAt).toBe(bj('2026-02-28T00:00'));
  });

  it('workingDays across National Day 2026', () => {
    // Wed 09-30: Oct 8 (1), 9 (2), Sat 10 调休 (3), Mon 12 (4), ... Fri 16 (8), Mon 19 (9), Tue 20 (10).
    expect(computeDueAt({ workingDays: 10 }, bj('2026-09-30T16:00'), cal).dueAt).toBe(bj('2026-10-21T00:00'));
  });

  it('calendar days are not moved off holidays', () => {
    // 2026-02-12 + 5 days = 02-17 (a holiday, still the last day) -> due 00:00 02-18.
    expect(computeDueAt({ days: 5 }, bj('2026-02-12T10:00'), cal)).toEqual({
      dueAt: bj('2026-02-18T00:00'),
      provisional: false,
    });
    expect(computeDueAt({ days: 0 }, bj('2026-02-12T10:00'), cal).dueAt).toBe(bj('2026-02-13T00:00'));
  });

  it('months clamp to the end of a shorter month', () => {
    // 2026-01-31 + 1 month = 2026-02-28 (2026 is not a leap year) -> due 00:00 03-01.
    expect(computeDueAt({ months: 1 }, bj('2026-01-31T10:00'), cal).dueAt).toBe(bj('2026-03-01T00:00'));
    // 2026-03-02 + 6 months = 2026-09-02 -> due 00:00 09-03.
    expect(computeDueAt({ months: 6 }, bj('2026-03-02T10:00'), cal).dueAt).toBe(bj('2026-09-03T00:00'));
    // In a leap year: 2028-01-31 + 1 month = 2028-02-29 -> due 00:00 03-01.
    expect(computeDueAt({ months: 1 }, bj('2028-01-31T10:00'), cal).dueAt).toBe(bj('2028-03-01T00:00'));
  });

  it('years from a leap day clamp to Feb 28', () => {
    const data = { certificate: { issuedOn: '2028-02-29' } };
    // 2028-02-29 + 1 year = 2029-02-28 -> due 00:00 2029-03-01.
    expect(computeDueAt({ fromData: 'certificate.issuedOn', offset: { years: 1 } }, 0, cal, data).dueAt).toBe(
      bj('2029-03-01T00:00'),
    );
    // + 4 years lands on another leap day: 2032-02-29 -> due 00:00 2032-03-01.
    expect(computeDueAt({ years: 4 }, bj('2028-02-29T08:00'), cal).dueAt).toBe(bj('2032-03-01T00:00'));
  });
});

describe('computeDueAt fromData', () => {
  const cal = createChineseCalendar();
  const entered = bj('2026-01-05T10:00');

  it('a China date closes at the end of that date', () => {
    const data = { application: { closesOn: '2026-03-10' } };
    expect(computeDueAt({ fromData: 'application.closesOn' }, entered, cal, data)).toEqual({
      dueAt: bj('2026-03-11T00:00'),
      provisional: false,
    });
  });

  it('an ISO timestamp is taken as its China date', () => {
    // 17:30Z on 03-10 is 01:30 on 03-11 in Beijing -> end of 03-11.
    const data = { sampledAt: '2026-03-10T17:30:00.000Z' };
    expect(computeDueAt({ fromData: 'sampledAt' }, entered, cal, data).dueAt).toBe(bj('2026-03-12T00:00'));
    expect(computeDueAt({ fromData: 'sampledAt' }, entered, cal, { sampledAt: '2026-03-10T23:59:59+08:00' }).dueAt).toBe(
      bj('2026-03-11T00:00'),
    );
  });

  it('an offset counts from the data date, working days included', () => {
    // Wed 09-30 + 5 working days: Oct 8, 9, 10 (调休), 12, 13 -> due 00:00 Wed 10-14.
    const data = { notice: { publishedOn: '2026-09-30' } };
    expect(
      computeDueAt({ fromData: 'notice.publishedOn', offset: { workingDays: 5 } }, entered, cal, data).dueAt,
    ).toBe(bj('2026-10-14T00:00'));
    expect(computeDueAt({ fromData: 'notice.publishedOn', offset: { days: 1 } }, entered, cal, data).dueAt).toBe(
      bj('2026-10-02T00:00'),
    );
  });

  it('reads array indexes in the path', () => {
    const data = { batches: [{ on: '2026-04-01' }, { on: '2026-04-02' }] };
    expect(computeDueAt({ fromData: 'batches.1.on' }, entered, cal, data).dueAt).toBe(bj('2026-04-03T00:00'));
  });

  it('missing or invalid values throw a bilingual error naming the path', () => {
    const after: DeadlineAfter = { fromData: 'application.closesOn' };
    for (const data of [undefined, {}, { application: null }, { application: {} }, { application: 'x' }]) {
      expect(() => computeDueAt(after, entered, cal, data)).toThrow(
        /期限数据缺失：路径 "application.closesOn".*\/ deadline data missing: nothing at path "application.closesOn"/,
      );
    }
    for (const closesOn of ['2026-02-30', 'next March', 20260310, null, '2026-03-10T25:00Z']) {
      expect(() => computeDueAt(after, entered, cal, { application: { closesOn } })).toThrow(
        /期限数据无效：路径 "application.closesOn".*\/ invalid deadline data: path "application.closesOn"/,
      );
    }
    // Inherited properties are never read.
    expect(() => computeDueAt({ fromData: 'toString' }, entered, cal, {})).toThrow(/deadline data missing/);
  });
});

describe('computeDueAt provisional (uncovered years)', () => {
  it('run-time 2027 data changes the result and clears provisional', () => {
    const cal = createChineseCalendar();
    const after: DeadlineAfter = { workingDays: 5 };
    // Without 2027 data, Thu 2027-02-04: Fri 5, Mon 8, 9, 10, Thu 11 by the weekend rule -> 00:00 02-12, provisional.
    expect(computeDueAt(after, bj('2027-02-04T10:00'), cal)).toEqual({ dueAt: bj('2027-02-12T00:00'), provisional: true });
    cal.addYearArrangement(made2027);
    // With it: Fri 5, (6..14 off), Mon 15, 16, 17, Thu 18 -> 00:00 02-19, no longer provisional.
    expect(computeDueAt(after, bj('2027-02-04T10:00'), cal)).toEqual({ dueAt: bj('2027-02-19T00:00'), provisional: false });
  });

  it('is provisional only when counting reaches the uncovered year', () => {
    const cal = createChineseCalendar();
    // Wed 2026-12-30 + 1 working day = Thu 12-31: stays inside covered 2026.
    expect(computeDueAt({ workingDays: 1 }, bj('2026-12-30T10:00'), cal)).toEqual({
      dueAt: bj('2027-01-01T00:00'),
      provisional: false,
    });
    // + 5: 12-31, then 2027 by the weekend rule: Fri 01-01, Mon 4, Tue 5, Wed 6 -> 00:00 01-07, provisional.
    expect(computeDueAt({ workingDays: 5 }, bj('2026-12-30T10:00'), cal)).toEqual({
      dueAt: bj('2027-01-07T00:00'),
      provisional: true,
    });
    // With 2027 data New Year's Day is off: 12-31, 01-04, 05, 06, 07 -> 00:00 01-08.
    cal.addYearArrangement(made2027);
    expect(computeDueAt({ workingDays: 5 }, bj('2026-12-30T10:00'), cal)).toEqual({
      dueAt: bj('2027-01-08T00:00'),
      provisional: false,
    });
  });

  it('calendar-day periods are never provisional', () => {
    const cal = createChineseCalendar();
    expect(computeDueAt({ months: 6 }, bj('2026-12-30T10:00'), cal).provisional).toBe(false);
  });
});

describe('validateDeadlineAfter', () => {
  it('accepts the documented forms', () => {
    for (const after of [
      { workingDays: 5 },
      { days: 0 },
      { months: 6 },
      { years: 1 },
      { fromData: 'application.closesOn' },
      { fromData: 'a', offset: { workingDays: 10 } },
      { fromData: 'a', offset: undefined },
    ]) {
      expect(validateDeadlineAfter(after)).toBeNull();
    }
  });

  it('returns a short English reason otherwise', () => {
    const cases: [unknown, RegExp][] = [
      [null, /expected an object/],
      [[], /expected an object/],
      [{}, /exactly one of workingDays, days, months, years/],
      [{ weeks: 2 }, /got \{weeks\}/],
      [{ days: 1, months: 1 }, /exactly one/],
      [{ workingDays: -1 }, /workingDays must be an integer from 0 to 100000, got -1/],
      [{ workingDays: 1.5 }, /integer/],
      [{ months: '6' }, /months must be an integer/],
      [{ years: 1000 }, /years must be an integer from 0 to 100/],
      [{ fromData: '' }, /fromData must be a dot path/],
      [{ fromData: 'a..b' }, /fromData must be a dot path/],
      [{ fromData: 7 }, /fromData must be a dot path/],
      [{ fromData: 'a', offset: { weeks: 1 } }, /^offset: expected exactly one/],
      [{ fromData: 'a', days: 3 }, /unexpected key\(s\) next to fromData: days/],
    ];
    for (const [value, reason] of cases) {
      const problem = validateDeadlineAfter(value);
      expect(problem).toMatch(reason);
      expect(problem).not.toMatch(/[\u4e00-\u9fff]/); // English only
    }
  });

  it('computeDueAt rejects what the validator rejects, in both languages', () => {
    const cal = createChineseCalendar();
    expect(() => computeDueAt({ workingDays: -3 }, 0, cal)).toThrow(/期限定义无效.*\/ invalid deadline: workingDays must/);
    expect(() => computeDueAt({ days: 1 }, Number.NaN, cal)).toThrow(/invalid timestamp/);
  });
});
