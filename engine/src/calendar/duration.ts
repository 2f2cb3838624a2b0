/**
 * Deadlines: from a duration in calendar units (or a date in the case data) to an absolute due time.
 *
 * Convention — Chinese legal counting of periods (期间开始之日不计算在内；期间届满日的24时为截止):
 *  - the start day is not counted: a period starts running the day AFTER the event;
 *  - the deadline expires at the END of its last day, i.e. at 00:00 Asia/Shanghai of the following day.
 * So `{ workingDays: 5 }` entered on Monday 10:00 is due at 00:00 after the 5th working day after that Monday;
 * `{ days: n }` at the end of (entry date + n days); `{ months: n }` / `{ years: n }` at the end of the same
 * day-of-month n months/years later, clamped to month end (Jan 31 + 1 month = end of Feb 28/29).
 * `{ fromData: 'a.b.c', offset? }` reads a China date or ISO timestamp from the case data; the deadline is
 * the end of that date, plus the offset counted the same way.
 *
 * Calendar-day, month and year periods are NOT moved off holidays; only working-day counts use the calendar.
 */
import type { BusinessCalendar } from './businessCalendar.js';
import { MAX_WORKING_DAYS } from './businessCalendar.js';
import { addChinaDays, addChinaMonths, addChinaYears, chinaDateOf, startOfChinaDay, toChinaDate } from './chinaDate.js';
import { CalendarError, describeValue } from './errors.js';

export type CalendarDuration = { workingDays: number } | { days: number } | { months: number } | { years: number };
export type DeadlineAfter = CalendarDuration | { fromData: string; offset?: CalendarDuration };
/** provisional: working days were counted across a year the calendar has no official arrangement for. */
export interface DueTime {
  dueAt: number;
  provisional: boolean;
}

// Upper bounds keep definitions sane (a typo like 50000 days is caught when the workflow is defined).
const UNIT_MAX = { workingDays: MAX_WORKING_DAYS, days: 36_600, months: 1_200, years: 100 } as const;
type Unit = keyof typeof UNIT_MAX;
const UNITS = Object.keys(UNIT_MAX) as Unit[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function durationProblem(value: unknown): string | null {
  if (!isRecord(value)) return `expected an object with one of ${UNITS.join(', ')}`;
  const keys = Object.keys(value);
  const unit = keys[0];
  if (keys.length !== 1 || unit === undefined || !(UNITS as string[]).includes(unit)) {
    return `expected exactly one of ${UNITS.join(', ')}, got {${keys.join(', ')}}`;
  }
  const n = value[unit];
  const max = UNIT_MAX[unit as Unit];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
    return `${unit} must be an integer from 0 to ${max}, got ${describeValue(n)}`;
  }
  return null;
}

/** Null when `value` is a valid DeadlineAfter, else a short English reason (checked when a workflow is defined). */
export function validateDeadlineAfter(value: unknown): string | null {
  if (!isRecord(value) || !('fromData' in value)) return durationProblem(value);
  const extra = Object.keys(value).filter((k) => k !== 'fromData' && k !== 'offset');
  if (extra.length > 0) return `unexpected key(s) next to fromData: ${extra.join(', ')}`;
  const path = value.fromData;
  if (typeof path !== 'string' || path === '' || path.split('.').some((segment) => segment === '')) {
    return `fromData must be a dot path like "application.closesOn", got ${describeValue(path)}`;
  }
  if (value.offset === undefined) return null;
  const problem = durationProblem(value.offset);
  return problem === null ? null : `offset: ${problem}`;
}

/** The China date at a dot path in the case data, or a bilingual error naming the path. */
function dateFromData(data: unknown, path: string): string {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    // Own properties only: a path must never reach Object.prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      throw new CalendarError(`期限数据缺失：路径 "${path}" 没有值`, `deadline data missing: nothing at path "${path}"`);
    }
    current = (current as Record<string, unknown>)[segment];
  }
  const date = chinaDateOf(current);
  if (date === null) {
    throw new CalendarError(
      `期限数据无效：路径 "${path}" 的值 ${describeValue(current)} 不是日期（YYYY-MM-DD 或 ISO 时间）`,
      `invalid deadline data: path "${path}" is ${describeValue(current)}, not a YYYY-MM-DD date or ISO timestamp`,
    );
  }
  return date;
}

interface LastDay {
  lastDay: string;
  provisional: boolean;
}

/** Last day of the period that starts after `start`, and whether it was counted across an uncovered year. */
function lastDayOf(start: string, duration: CalendarDuration, calendar: BusinessCalendar): LastDay {
  if ('workingDays' in duration) {
    const lastDay = calendar.addWorkingDays(start, duration.workingDays);
    let provisional = false;
    // Counting ran over (start, lastDay]; any year in there without an arrangement used the weekend rule.
    if (lastDay > start) {
      const first = Number(addChinaDays(start, 1).slice(0, 4));
      const last = Number(lastDay.slice(0, 4));
      for (let year = first; year <= last && !provisional; year++) provisional = !calendar.isCovered(year);
    }
    return { lastDay, provisional };
  }
  if ('days' in duration) return { lastDay: addChinaDays(start, duration.days), provisional: false };
  if ('months' in duration) return { lastDay: addChinaMonths(start, duration.months), provisional: false };
  return { lastDay: addChinaYears(start, duration.years), provisional: false };
}

/**
 * Absolute due time of a deadline for a state entered at `enteredAt` (epoch ms), by the convention above.
 * `data` is the case data `fromData` paths read from. Throws CalendarError (zh / en) on bad input.
 */
export function computeDueAt(
  after: DeadlineAfter,
  enteredAt: number,
  calendar: BusinessCalendar,
  data?: unknown,
): DueTime {
  const problem = validateDeadlineAfter(after);
  if (problem !== null) throw new CalendarError(`期限定义无效：${problem}`, `invalid deadline: ${problem}`);
  const entryDate = toChinaDate(enteredAt); // also rejects a non-finite enteredAt

  let start: string;
  let duration: CalendarDuration | undefined;
  if ('fromData' in after) {
    start = dateFromData(data, after.fromData);
    duration = after.offset;
  } else {
    start = entryDate;
    duration = after;
  }
  const { lastDay, provisional }: LastDay = duration
    ? lastDayOf(start, duration, calendar)
    : { lastDay: start, provisional: false };
  // End of the last day = start of the next one.
  return { dueAt: startOfChinaDay(addChinaDays(lastDay, 1)), provisional };
}
