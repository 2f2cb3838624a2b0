/**
 * China civil dates: 'YYYY-MM-DD' as lived in Asia/Shanghai.
 *
 * China has kept a fixed UTC+8 with no daylight saving since 1991, so an instant's China date is its
 * UTC date 8 hours later. Civil-date arithmetic runs on UTC-midnight `UTCDate`s: a civil date has no
 * zone and UTC has no DST, so date-fns month/year math is exact and the host machine's time zone never
 * leaks in. (A zone-database lookup per conversion, as with TZDate, cost ~100 µs per deadline.)
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths, addYears, format, isValid, parseISO } from 'date-fns';
import { CalendarError, describeValue } from './errors.js';

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date, 'T' or space, hh:mm[:ss[.fraction]], optional zone. Hour 24 is refused: it would name the next day.
const TIMESTAMP_SHAPE =
  /^(\d{4}-\d{2}-\d{2})[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The civil date as a UTC-midnight date, without validating that the day exists. */
function civilDate(date: string): UTCDate {
  const m = DATE_SHAPE.exec(date);
  if (!m) return new UTCDate(Number.NaN);
  return new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Strict check: the right shape AND a real calendar day ('2027-02-30' and '2026-13-01' are rejected). */
export function isChinaDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_SHAPE.test(s)) return false;
  const midnight = civilDate(s);
  // An impossible day rolls over (Feb 30 -> Mar 2), so it no longer formats back to the input.
  return isValid(midnight) && format(midnight, 'yyyy-MM-dd') === s;
}

/** Throws a bilingual error unless `date` is a valid China date; `what` names the argument. */
export function assertChinaDate(date: unknown, what: string): asserts date is string {
  if (!isChinaDate(date)) {
    throw new CalendarError(
      `日期无效：${what} 为 ${describeValue(date)}，应为 YYYY-MM-DD`,
      `invalid date: ${what} is ${describeValue(date)}, expected a valid YYYY-MM-DD date`,
    );
  }
}

/** The China civil date of an instant. */
export function toChinaDate(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError(`时间戳无效：${describeValue(ms)}`, `invalid timestamp: ${describeValue(ms)}`);
  }
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 Asia/Shanghai on `date`. */
export function startOfChinaDay(date: string): number {
  assertChinaDate(date, 'date');
  return civilDate(date).getTime() - CHINA_OFFSET_MS;
}

/** `date` plus `n` calendar days (n may be negative). Callers pass validated dates. */
export function addChinaDays(date: string, n: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  return new Date(utc.getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a civil date, 0 = Sunday ... 6 = Saturday. Callers pass validated dates. */
export function chinaWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Same day-of-month `n` months later, clamped to month end (Jan 31 + 1 month = Feb 28/29), via date-fns. */
export function addChinaMonths(date: string, n: number): string {
  assertChinaDate(date, 'date');
  return format(addMonths(civilDate(date), n), 'yyyy-MM-dd');
}

/** Same day `n` years later; Feb 29 clamps to Feb 28 in a common year, via date-fns. */
export function addChinaYears(date: string, n: number): string {
  assertChinaDate(date, 'date');
  return format(addYears(civilDate(date), n), 'yyyy-MM-dd');
}

/**
 * The China date named by a data value: a 'YYYY-MM-DD' date, or an ISO timestamp.
 * A timestamp with a zone (Z, +08:00, -0500) is converted to its China date; one without a zone is a
 * wall-clock time as typed on a Chinese form, so its date part already is the China date.
 * Returns null for anything else.
 */
export function chinaDateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (isChinaDate(value)) return value;
  const m = TIMESTAMP_SHAPE.exec(value);
  const datePart = m?.[1];
  if (!m || !isChinaDate(datePart)) return null;
  if (m[2] === undefined) return datePart;
  const instant = parseISO(value);
  return isValid(instant) ? toChinaDate(instant.getTime()) : null;
}
