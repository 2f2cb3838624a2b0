/**
 * Task operations over HTTP: claim, transfer, delegate, return, withdraw, countersign and votes,
 * copies, chasing (the engine's `operate`), what the caller may do on a case now, the cases copied to
 * the caller, and the people the caller may name in an operation. The actor is the session's.
 */
import { TASK_OPERATIONS, mayActAs, mayView, participantRoles } from '@nongan/engine';
import { actorOf } from '../identity/accounts.js';
import type { RoutePlugin } from '../http/typeProvider.js';
import { visibleCase } from '../http/caseAccess.js';
import { apiError } from '../http/errors.js';
import { errorReplies, id } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

const caseParams = { type: 'object', required: ['instanceId'], properties: { instanceId: id } } as const;
const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;
const person = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;

export function operationRoutes(services: ServerServices): RoutePlugin {
  const { engine, accounts } = services;
  return async (app) => {
    app.post(
      '/api/cases/:instanceId/operations',
      {
        schema: {
          tags: ['tasks'],
          summary: 'A task operation on the case (认领, 转办, 委派, 退回, 撤回, 会签, 加签/减签, 抄送, 催办 …); the engine checks every field and says which rule refuses',
          params: caseParams,
          body: {
            type: 'object',
            required: ['operation', 'commandId'],
            additionalProperties: false,
            properties: {
              operation: {
                type: 'object',
                required: ['op'],
                description: 'The operation: { op, …its fields } (to, opinion { text, attachments? }, signers, draw, decision, data, person).',
                properties: { op: { type: 'string', enum: TASK_OPERATIONS } },
                additionalProperties: true,
              },
              commandId: { ...id, description: 'One per intended action: a retry with the same id returns the first result.' },
              role: id,
            },
          },
          response: { 200: { $ref: 'SendResult#' }, ...errorReplies },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const { instanceId } = request.params;
        const { operation, commandId, role } = request.body;
        try {
          return await engine.operate(instanceId, operation as never, { actor, commandId, ...(role ? { role } : {}) });
        } catch (error) {
          // As for events: a refusal is told only to a caller who may see the case.
          await visibleCase(engine, actor, instanceId);
          throw error;
        }
      },
    );

    app.get(
      '/api/cases/:instanceId/allowed-operations',
      {
        schema: {
          tags: ['tasks'],
          summary: 'The task operations the caller may start on the case now, and the states a return may go to',
          params: caseParams,
          response: {
            200: {
              type: 'object',
              required: ['operations', 'returnTargets'],
              properties: { operations: { type: 'array', items: { type: 'string' } }, returnTargets: { type: 'array', items: { type: 'string' } } },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        await visibleCase(engine, actor, request.params.instanceId);
        return engine.allowedOperations(request.params.instanceId, actor);
      },
    );

    app.get(
      '/api/copies',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Cases copied to the caller (抄送我的), newest copy first, with read or unread',
          querystring: { type: 'object', additionalProperties: false, properties: page },
          response: {
            200: {
              type: 'array',
              items: {
                type: 'object',
                required: ['instance', 'copy'],
                properties: {
                  instance: { $ref: 'Instance#' },
                  copy: { type: 'object', properties: { to: person, by: person, at: { type: 'number' }, readAt: { type: 'number' } } },
                },
              },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => engine.copies(requireIdentity(request).actor, request.query),
    );

    app.get(
      '/api/my-cases',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Cases the caller took a step in (part=acted, 已办) or opened (part=opened, 我发起的), the most recently updated first',
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['part'],
            properties: { part: { type: 'string', enum: ['acted', 'opened'], description: 'acted: 已办; opened: 我发起的' }, ...page },
          },
          response: { 200: { type: 'array', items: { $ref: 'Instance#' } }, ...errorReplies },
        },
      },
      async (request) => {
        const { part, ...query } = request.query;
        return engine.casesOf(requireIdentity(request).actor, part, query);
      },
    );

    app.get(
      '/api/cases/:instanceId/people',
      {
        schema: {
          tags: ['tasks'],
          summary: 'People of the case\'s region (with a role) who may act on or see the case: the ones an operation (transfer, delegate, panel, copy) may name',
          params: caseParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              role: { ...id, description: 'The role the person must hold (omitted: any role; then only for=view makes sense).' },
              for: { type: 'string', enum: ['act', 'view'], default: 'view', description: 'act: may act on the case in that role (transfer, assign, panel); view: may see it (delegate, copy)' },
            },
          },
          response: {
            200: { type: 'array', items: { type: 'object', required: ['id', 'name', 'roles'], properties: { id: { type: 'string' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } } },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const record = await visibleCase(engine, actor, request.params.instanceId);
        const workflow = engine.workflow(record.workflowId, record.workflowVersion);
        // Farms and the public name nobody: only an official role of this workflow lists colleagues.
        const participants = participantRoles(workflow);
        if (!actor.roles.some((r) => participants.has(r) && !workflow.access.subjectRoles.includes(r))) {
          throw apiError('forbidden', 'only officials name people in task operations', '只有工作人员可以在任务操作中指定人员', { reason: 'role' });
        }
        const withRole = await accounts.withRole(request.query.role, record.region, 200);
        const { role } = request.query;
        if (request.query.for === 'act' && role === undefined) throw apiError('invalid-input', 'for=act needs the role the person is to act in', 'for=act 须指定办理角色', { path: 'role' });
        const fits = (other: ReturnType<typeof actorOf>) => (request.query.for === 'act' ? mayActAs(workflow, other, role!, record) : mayView(workflow, other, record));
        return withRole.filter((a) => a.id !== actor.id && fits(actorOf(a))).map((a) => ({ id: a.id, name: a.displayName, roles: a.roles }));
      },
    );
  };
}
