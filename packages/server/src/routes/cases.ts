/** Cases: open one, send it an event, read it, its journal, its verification, what the caller may do, and lists. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { mayView, type InstanceRecord, type Opinion } from '@nongan/engine';
import { journalForReader, LIFECYCLE_IDS, startCase, type LifecycleId, type RegionId } from '@nongan/workflows';
import { scopedQueries, visibleCase } from '../http/caseAccess.js';
import { apiError } from '../http/errors.js';
import { errorReplies, id } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

const caseParams = { type: 'object', required: ['instanceId'], properties: { instanceId: id } } as const;
const data = { type: 'object', description: 'Event data, checked by the engine against the form of the event in the case\'s region.', additionalProperties: true } as const;
const commandId = { ...id, description: 'Chosen by the client, one per intended action: a retry with the same id returns the first result and changes nothing.' } as const;
const opinion = {
  type: 'object',
  description: '审批意见 with the decision: its text and attachments (checked by the engine; journaled with the signer\'s name).',
  additionalProperties: true,
} as const;
const MAX_PAGE = 500;

export function caseRoutes(services: ServerServices): RoutePlugin {
  const { engine, forms } = services;
  return async (app) => {
    app.post(
      '/api/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a case of a lifecycle in a region (pins the region parameters and the published forms in force)',
          body: {
            type: 'object',
            required: ['workflowId', 'region', 'subject', 'commandId'],
            additionalProperties: false,
            properties: { workflowId: id, region: id, subject: id, data, commandId, instanceId: id, role: id },
          },
          response: { 200: { $ref: 'SendResult#' }, 201: { $ref: 'SendResult#' }, ...errorReplies },
        },
      },
      async (request, reply) => {
        const { actor } = requireIdentity(request);
        const body = request.body;
        if (!(LIFECYCLE_IDS as readonly string[]).includes(body.workflowId)) {
          throw apiError('unknown-workflow', `no lifecycle ${body.workflowId}; known: ${LIFECYCLE_IDS.join(', ')}`, `没有业务流程 ${body.workflowId}；已有：${LIFECYCLE_IDS.join('、')}`, { known: LIFECYCLE_IDS });
        }
        // The case takes its farm's division from the registry, so data scope holds from the first step.
        const farm = await services.subjects.get(body.subject);
        if (!farm || farm.region !== body.region) {
          throw apiError(
            'invalid-input',
            `subject ${body.subject} is not a registered farm of region ${body.region}; an administrator registers farms first`,
            `${body.subject} 不是本地区（${body.region}）已登记的主体，请先由管理员登记`,
            { path: 'subject', reason: 'unregistered-subject' },
          );
        }
        // The forms published in the designer and in force today are pinned by the new case.
        await services.forms.refresh();
        const result = await startCase(engine, body.workflowId as LifecycleId, {
          formPins: services.forms.pinsForNewCase(body.region),
          actor,
          region: body.region as RegionId,
          subject: body.subject,
          division: farm.division,
          data: body.data ?? {},
          commandId: body.commandId,
          ...(body.instanceId ? { instanceId: body.instanceId } : {}),
          ...(body.role ? { role: body.role } : {}),
        });
        return reply.code(result.replayed ? 200 : 201).send(result);
      },
    );

    app.post(
      '/api/cases/:instanceId/events',
      {
        schema: {
          tags: ['cases'],
          summary: 'Send an event to a case (role, scope, state, guards and form data are checked)',
          params: caseParams,
          body: { type: 'object', required: ['type', 'commandId'], additionalProperties: false, properties: { type: id, data, commandId, role: id, opinion } },
          response: { 200: { $ref: 'SendResult#' }, ...errorReplies },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const { instanceId } = request.params;
        const { type, data: eventData, commandId: command, role, opinion: said } = request.body;
        try {
          return await engine.send(instanceId, { type, ...(eventData ? { data: eventData } : {}) }, { actor, commandId: command, ...(role ? { role } : {}), ...(said ? { opinion: said as unknown as Opinion } : {}) });
        } catch (error) {
          // An accepted step proves the caller may see the case; a refusal is only told to a caller who
          // may: for anyone else the case does not exist (checked on this path only, so a step costs no extra read).
          await visibleCase(engine, actor, instanceId);
          throw error;
        }
      },
    );

    app.get(
      '/api/cases/:instanceId',
      { schema: { tags: ['cases'], summary: 'A case as stored', params: caseParams, response: { 200: { $ref: 'Instance#' }, ...errorReplies } } },
      async (request) => visibleCase(engine, requireIdentity(request).actor, request.params.instanceId),
    );

    app.get(
      '/api/cases/:instanceId/journal',
      { schema: { tags: ['cases'], summary: 'The case\'s hash-chained journal, oldest first', params: caseParams, response: { 200: { type: 'array', items: { $ref: 'JournalEntry#' } }, ...errorReplies } } },
      async (request) => {
        const { actor } = requireIdentity(request);
        const record = await visibleCase(engine, actor, request.params.instanceId);
        return journalForReader(await engine.history(record.id), actor.roles, (formId) => forms.definition(record.region, formId, record.pins));
      },
    );

    app.get(
      '/api/cases/:instanceId/verify',
      { schema: { tags: ['cases'], summary: 'Checks every hash and link of the case\'s journal, replays it through the workflow against the stored case and its deadlines, and holds it to the last signed checkpoint', params: caseParams, response: { 200: { $ref: 'VerifyResult#' }, ...errorReplies } } },
      async (request) => {
        await visibleCase(engine, requireIdentity(request).actor, request.params.instanceId);
        return engine.verify(request.params.instanceId);
      },
    );

    app.get(
      '/api/cases/:instanceId/allowed-events',
      {
        schema: {
          tags: ['cases'],
          summary: 'The events the caller may send to the case now',
          params: caseParams,
          response: { 200: { type: 'array', items: { type: 'string' } }, ...errorReplies },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        await visibleCase(engine, actor, request.params.instanceId);
        return engine.allowedEvents(request.params.instanceId, actor);
      },
    );

    app.get(
      '/api/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Cases the caller may see, filtered; ordered by case id',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              workflowId: id,
              region: id,
              subject: id,
              state: { type: 'string', minLength: 1, maxLength: 200 },
              status: { type: 'string', enum: ['active', 'done'] },
              limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
              offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            },
          },
          response: {
            200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: { $ref: 'Instance#' } }, total: { type: 'integer' } } },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const { limit, offset, ...filter } = request.query;
        const { queries, overlaps } = scopedQueries(engine, actor, filter, LIFECYCLE_IDS);
        // Each scoped query is exact; several (one per farm or lifecycle) are merged by id.
        const pages = await Promise.all(queries.map((q) => engine.query({ ...q, limit: offset + limit, offset: 0 })));
        const counts = await Promise.all(queries.map((q) => engine.count(q)));
        const twice = await Promise.all(overlaps.map((q) => engine.count(q)));
        const merged = new Map<string, InstanceRecord>();
        for (const record of pages.flat()) if (mayView(engine.workflow(record.workflowId, record.workflowVersion), actor, record)) merged.set(record.id, record);
        const items = [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(offset, offset + limit);
        return { items, total: counts.reduce((a, b) => a + b, 0) - twice.reduce((a, b) => a + b, 0) };
      },
    );
  };
}
