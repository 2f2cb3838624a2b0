/**
 * Validation of a year's holiday arrangement supplied at run time (typed in by configuration staff or
 * loaded as data), so a typo cannot silently shift every deadline of the year. Errors name the offending
 * entry in Chinese and English, e.g.
 *   日历数据无效：holidays[2] "2027-02-30" 不是有效日期 / invalid calendar arrangement: holidays[2] "2027-02-30" is not a valid date
 */
import type { YearArrangement } from './businessCalendar.js';
import { chinaWeekday, isChinaDate } from './chinaDate.js';
import { CalendarError, describeValue } from './errors.js';

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function invalid(zh: string, en: string): CalendarError {
  return new CalendarError(`日历数据无效：${zh}`, `invalid calendar arrangement: ${en}`);
}

function checkDates(value: unknown, field: 'holidays' | 'workdays', year: number): string[] {
  if (!Array.isArray(value)) {
    throw invalid(`${field} 必须是日期数组`, `${field} must be an array of YYYY-MM-DD dates`);
  }
  const seen = new Set<string>();
  return value.map((date: unknown, i) => {
    const at = `${field}[${i}] ${describeValue(date)}`;
    if (!isChinaDate(date)) throw invalid(`${at} 不是有效日期`, `${at} is not a valid date`);
    if (Number(date.slice(0, 4)) !== year) {
      throw invalid(`${at} 不在 ${year} 年内`, `${at} is outside the year ${year}`);
    }
    if (seen.has(date)) throw invalid(`${at} 重复`, `${at} is listed twice`);
    seen.add(date);
    return date;
  });
}

/** Returns a clean copy of the arrangement, or throws CalendarError naming the first problem. */
export function validateYearArrangement(input: unknown): YearArrangement {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('应为对象 { year, holidays, workdays }', 'expected an object { year, holidays, workdays }');
  }
  const { year, holidays, workdays, source } = input as Record<string, unknown>;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid(
      `year ${describeValue(year)} 不是有效年份（${MIN_YEAR}–${MAX_YEAR} 的整数）`,
      `year ${describeValue(year)} is not an integer year from ${MIN_YEAR} to ${MAX_YEAR}`,
    );
  }
  if (source !== undefined && typeof source !== 'string') {
    throw invalid('source 必须是字符串', 'source must be a string');
  }
  const holidayList = checkDates(holidays, 'holidays', year);
  const workdayList = checkDates(workdays, 'workdays', year);
  // Every real notice has holidays; an empty list is almost certainly a data-entry mistake,
  // and accepting it would mark the year as covered with nothing but weekends.
  if (holidayList.length === 0) {
    throw invalid(`holidays 为空，${year} 年没有法定假日`, `holidays is empty: no statutory holidays in ${year}`);
  }
  const holidaySet = new Set(holidayList);
  workdayList.forEach((date, i) => {
    const at = `workdays[${i}] "${date}"`;
    if (holidaySet.has(date)) {
      throw invalid(`${at} 同时列为假日和调休上班日`, `${at} is listed both as a holiday and as a working day`);
    }
    // 调休上班 always moves work onto a weekend; a weekday here is a typo (it would change nothing).
    const weekday = chinaWeekday(date);
    if (weekday !== 0 && weekday !== 6) {
      throw invalid(
        `${at} 是${WEEKDAY_ZH[weekday]}，调休上班日应为周六或周日`,
        `${at} is a ${WEEKDAY_EN[weekday]}; adjusted working days must fall on a Saturday or Sunday`,
      );
    }
  });
  const clean: YearArrangement = { year, holidays: holidayList, workdays: workdayList };
  if (source !== undefined) clean.source = source;
  return clean;
}
