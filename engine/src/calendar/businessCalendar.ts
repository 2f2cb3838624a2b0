/**
 * Chinese business calendar: which China dates are working days.
 *
 * A day is a working day when it is an adjusted working day (调休上班), else when it is neither a statutory
 * holiday nor a Saturday/Sunday. Each year's arrangement comes from the bundled State Council data, or from
 * an arrangement supplied at run time (which replaces the bundled one for that year, so configuration staff
 * can load next year's notice without a release). A year with no arrangement falls back to the weekend rule;
 * `isCovered` lets callers flag such results as provisional.
 */
import { bundledArrangements } from './bundledArrangements.js';
import { addChinaDays, assertChinaDate, chinaWeekday } from './chinaDate.js';
import { CalendarError } from './errors.js';
import { validateYearArrangement } from './validateArrangement.js';

export interface YearArrangement {
  year: number;
  /** Statutory days off, including weekend days inside a holiday block; may include weekdays. */
  holidays: string[];
  /** Adjusted working weekends (调休上班). */
  workdays: string[];
  /** Where the data came from, e.g. '国办发明电〔2026〕x号'. */
  source?: string;
}

export interface BusinessCalendar {
  /** Whether a China date ('YYYY-MM-DD') is a working day. */
  isWorkingDay(date: string): boolean;
  /** n >= 1: the n-th working day strictly after `date`; n = 0 returns `date` itself. */
  addWorkingDays(date: string, n: number): string;
  /** Number of working days in (from, to]; 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number;
  /** Whether an official arrangement (bundled or supplied) is known for that year. */
  isCovered(year: number): boolean;
  coveredYears(): number[];
  /** Validates and installs a year's arrangement, replacing any data for that year. Throws CalendarError. */
  addYearArrangement(arrangement: YearArrangement): void;
}

/** Largest n accepted by addWorkingDays: ~400 years of working days, far beyond any deadline. */
export const MAX_WORKING_DAYS = 100_000;
/** Largest span workingDaysBetween will walk (~1000 years); beyond it the caller has a bug. */
const MAX_SPAN_DAYS = 366_000;

interface YearDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function createChineseCalendar(options?: { arrangements?: YearArrangement[] }): BusinessCalendar {
  const years = new Map<number, YearDays>();
  const install = (a: YearArrangement): void => {
    years.set(a.year, { holidays: new Set(a.holidays), workdays: new Set(a.workdays) });
  };
  for (const a of bundledArrangements()) install(a);

  // Unchecked: callers have validated `date`. The year is the first four characters of a China date.
  const working = (date: string): boolean => {
    const year = years.get(Number(date.slice(0, 4)));
    if (year?.workdays.has(date)) return true;
    if (year?.holidays.has(date)) return false;
    const weekday = chinaWeekday(date);
    return weekday !== 0 && weekday !== 6;
  };

  const calendar: BusinessCalendar = {
    isWorkingDay(date) {
      assertChinaDate(date, 'date');
      return working(date);
    },

    addWorkingDays(date, n) {
      assertChinaDate(date, 'date');
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
        throw new CalendarError(
          `工作日数无效：${String(n)}，应为 0 到 ${MAX_WORKING_DAYS} 的整数`,
          `invalid working-day count: ${String(n)}, expected an integer from 0 to ${MAX_WORKING_DAYS}`,
        );
      }
      // Loop guard. Outside covered years at most 2 days in 7 are off; inside, at most every day of the year.
      // So this bound is never reached by valid data; hitting it means a bug, not a long deadline.
      const maxSteps = 2 * n + 366 * (years.size + 1) + 14;
      let current = date;
      let found = 0;
      for (let steps = 0; found < n; steps++) {
        if (steps > maxSteps) {
          throw new CalendarError(
            `工作日计算未能结束：${date} 之后第 ${n} 个工作日`,
            `working-day count did not terminate: working day ${n} after ${date}`,
          );
        }
        current = addChinaDays(current, 1);
        if (working(current)) found++;
      }
      return current;
    },

    workingDaysBetween(from, to) {
      assertChinaDate(from, 'from');
      assertChinaDate(to, 'to');
      if (to <= from) return 0; // ISO dates compare correctly as strings
      let count = 0;
      let current = from;
      for (let steps = 0; current < to; steps++) {
        if (steps >= MAX_SPAN_DAYS) {
          throw new CalendarError(
            `日期区间过长：${from} 至 ${to}`,
            `date range too long: ${from} to ${to} exceeds ${MAX_SPAN_DAYS} days`,
          );
        }
        current = addChinaDays(current, 1);
        if (working(current)) count++;
      }
      return count;
    },

    isCovered(year) {
      return years.has(year);
    },

    coveredYears() {
      return [...years.keys()].sort((a, b) => a - b);
    },

    addYearArrangement(arrangement) {
      // Validate everything before touching state, so a bad arrangement leaves the calendar unchanged.
      install(validateYearArrangement(arrangement));
    },
  };

  for (const a of options?.arrangements ?? []) calendar.addYearArrangement(a);
  return calendar;
}
