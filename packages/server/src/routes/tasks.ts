/** The caller's inbox: cases whose current step the caller's roles may take now, in the caller's scope. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { errorReplies } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

export function taskRoutes(services: ServerServices): RoutePlugin {
  const { engine } = services;
  return async (app) => {
    app.get(
      '/api/tasks',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Open tasks of the caller, a page at a time (each page sorted by deadline)',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
              offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
              workflowId: { type: 'string', minLength: 1, maxLength: 200 },
            },
          },
          response: {
            200: {
              type: 'array',
              items: {
                type: 'object',
                required: ['instance', 'events', 'dueAt', 'assignment'],
                properties: {
                  instance: { $ref: 'Instance#' },
                  events: { type: 'array', items: { type: 'string' } },
                  dueAt: { type: ['number', 'null'] },
                  assignment: { type: 'string', enum: ['mine', 'unclaimed', 'held', 'escalated'], description: '待办 (mine), 待认领 (the role\'s, unclaimed), held by someone else, or escalated to the caller as a supervisor' },
                  holder: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
                },
              },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const { limit, offset, workflowId } = request.query;
        const tasks = await engine.tasks(actor, { limit, offset });
        return workflowId === undefined ? tasks : tasks.filter((t) => t.instance.workflowId === workflowId);
      },
    );
  };
}
