/** The business calendar the deadlines are counted on: Chinese working days (holidays and 调休 included). */
import type { RoutePlugin } from '../http/typeProvider.js';
import { isChinaDate, MAX_WORKING_DAYS } from '@nongan/engine';
import { apiError } from '../http/errors.js';
import { errorReplies } from '../http/schemas.js';
import type { ServerServices } from '../services.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A China date, YYYY-MM-DD' } as const;
const MAX_SPAN = 366;

function checkDate(value: string, name: string): void {
  if (!isChinaDate(value)) throw apiError('invalid-input', `${name} ${value} is not a calendar date`, `${name} ${value} 不是有效日期`, { path: `/querystring/${name}` });
}

function daysFrom(from: string, count: number): string[] {
  const start = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export function calendarRoutes(services: ServerServices): RoutePlugin {
  const { calendar } = services.engine;
  return async (app) => {
    app.get(
      '/api/calendar/days',
      {
        schema: {
          tags: ['calendar'],
          summary: `Each day from..to (at most ${MAX_SPAN}) and whether it is a working day`,
          querystring: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: date, to: date } },
          response: {
            200: {
              type: 'array',
              items: { type: 'object', required: ['date', 'workingDay', 'official'], properties: { date: { type: 'string' }, workingDay: { type: 'boolean' }, official: { type: 'boolean', description: 'False where no State Council arrangement is known (weekends only).' } } },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        checkDate(from, 'from');
        checkDate(to, 'to');
        const count = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
        if (count < 1 || count > MAX_SPAN) throw apiError('invalid-input', `from..to must span 1 to ${MAX_SPAN} days`, `from..to 须为 1 至 ${MAX_SPAN} 天`, { path: '/querystring' });
        return daysFrom(from, count).map((day) => ({ date: day, workingDay: calendar.isWorkingDay(day), official: calendar.isCovered(Number(day.slice(0, 4))) }));
      },
    );

    app.get(
      '/api/calendar/add-working-days',
      {
        schema: {
          tags: ['calendar'],
          summary: 'The n-th working day after a date (the start day is not counted)',
          querystring: {
            type: 'object',
            required: ['from', 'days'],
            additionalProperties: false,
            properties: { from: date, days: { type: 'integer', minimum: 0, maximum: MAX_WORKING_DAYS } },
          },
          response: { 200: { type: 'object', required: ['date', 'official'], properties: { date: { type: 'string' }, official: { type: 'boolean' } } }, ...errorReplies },
        },
      },
      async (request) => {
        checkDate(request.query.from, 'from');
        const result = calendar.addWorkingDays(request.query.from, request.query.days);
        const years = [Number(request.query.from.slice(0, 4)), Number(result.slice(0, 4))];
        const official = Array.from({ length: years[1]! - years[0]! + 1 }, (_, i) => years[0]! + i).every((y) => calendar.isCovered(y));
        return { date: result, official };
      },
    );
  };
}
