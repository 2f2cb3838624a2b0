/**
 * The State Council holiday arrangements bundled with `chinese-days` (2004 onwards), regrouped per year.
 * We read the library's data file rather than its isWorkday(): we need to know WHICH years are covered
 * (to flag provisional deadlines) and to let a run-time arrangement replace a whole year; and its API
 * parses dates in the host time zone, which misclassifies days on machines west of UTC.
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { YearArrangement } from './businessCalendar.js';

/** Recorded as each bundled year's `source` (not versioned here, so an upgrade of the library cannot make it stale). */
const SOURCE = 'chinese-days (State Council notices)';

// Shape of the data file: 'YYYY-MM-DD' -> 'English name,中文名,n'. Only the keys matter here.
// `inLieuDays` (days off that were swapped from a weekend) is already included in `holidays`.
type DayMap = Record<string, string>;
const data = holidayData as unknown as { holidays: DayMap; workdays: DayMap };

let cached: readonly YearArrangement[] | undefined;

/** One arrangement per year that has data, in year order. A date belongs to the year it falls in. */
export function bundledArrangements(): readonly YearArrangement[] {
  if (cached) return cached;
  const byYear = new Map<number, YearArrangement>();
  const entry = (date: string): YearArrangement => {
    const year = Number(date.slice(0, 4));
    let arrangement = byYear.get(year);
    if (!arrangement) {
      arrangement = { year, holidays: [], workdays: [], source: SOURCE };
      byYear.set(year, arrangement);
    }
    return arrangement;
  };
  for (const date of Object.keys(data.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) entry(date).workdays.push(date);
  cached = [...byYear.values()].sort((a, b) => a.year - b.year);
  return cached;
}
