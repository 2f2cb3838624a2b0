/**
 * A deadline as people read it: the last day (the engine's due time is 00:00 China time AFTER the
 * last day, by the legal counting convention), and working days left or overdue, counted with the
 * engine's business calendar (weekends, statutory holidays and 调休 working weekends).
 */
import { toChinaDate, type BusinessCalendar } from '@nongan/engine';
import { say, type Locale } from './text.js';

export interface DueInfo {
  dueAt: number;
  /** The last day of the period (China date). */
  lastDay: string;
  overdue: boolean;
  /** Working days from today until the last day (0 = today is the last day); 0 when overdue. */
  workingDaysLeft: number;
  /** Working days passed since the last day, when overdue. */
  workingDaysOverdue: number;
  /** Counted across a year whose holiday arrangement is not published yet. */
  provisional: boolean;
}

export function describeDue(dueAt: number, now: number, calendar: BusinessCalendar): DueInfo {
  if (!Number.isFinite(dueAt) || !Number.isFinite(now)) {
    throw new TypeError(`describeDue needs finite times / 需要有效的时间戳 (dueAt ${dueAt}, now ${now})`);
  }
  const lastDay = toChinaDate(dueAt - 1);
  const today = toChinaDate(now);
  const overdue = now >= dueAt;
  const workingDaysLeft = overdue ? 0 : calendar.workingDaysBetween(today, lastDay);
  const workingDaysOverdue = overdue ? Math.max(1, calendar.workingDaysBetween(lastDay, today)) : 0;
  const years = [Number(today.slice(0, 4)), Number(lastDay.slice(0, 4))];
  const provisional = years.some((year) => !calendar.isCovered(year));
  return { dueAt, lastDay, overdue, workingDaysLeft, workingDaysOverdue, provisional };
}

/** `2026-03-09（还剩 3 个工作日）` / `2026-03-09 (3 working days left)`. */
export function dueText(due: DueInfo, locale: Locale): string {
  const en = locale === 'en';
  let rest: string;
  if (due.overdue) {
    rest = en ? `overdue by ${due.workingDaysOverdue} working day${due.workingDaysOverdue === 1 ? '' : 's'}` : `已逾期 ${due.workingDaysOverdue} 个工作日`;
  } else if (due.workingDaysLeft === 0) {
    rest = en ? 'due today' : '今日到期';
  } else {
    rest = en ? `${due.workingDaysLeft} working day${due.workingDaysLeft === 1 ? '' : 's'} left` : `还剩 ${due.workingDaysLeft} 个工作日`;
  }
  const text = en ? `${due.lastDay} (${rest})` : `${due.lastDay}（${rest}）`;
  return due.provisional ? `${text}${say('provisional', locale)}` : text;
}
