/** Business calendar and deadline computation for Chinese working days. */
export { CalendarError } from './errors.js';
export { CHINA_TIME_ZONE, chinaDateOf, isChinaDate, startOfChinaDay, toChinaDate } from './chinaDate.js';
export { MAX_WORKING_DAYS, createChineseCalendar } from './businessCalendar.js';
export type { BusinessCalendar, YearArrangement } from './businessCalendar.js';
export { validateYearArrangement } from './validateArrangement.js';
export { computeDueAt, validateDeadlineAfter } from './duration.js';
export type { CalendarDuration, DeadlineAfter, DueTime } from './duration.js';
