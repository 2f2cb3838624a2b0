/**
 * Server-Sent Events: the committed steps (events, fired deadlines, delivered messages, from every
 * server process) the caller may see, as they happen. Each message is one batch (`event: steps`, an
 * array of changes) whose `id` is the stream position after it; a client reconnecting with
 * `Last-Event-ID` (EventSource does this itself) first gets everything committed since, then the live
 * stream, with nothing missed and nothing repeated. `event: reset` means "too much happened while you
 * were away: reload". The session is re-checked at every heartbeat; a signed-out stream ends.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import type { ServerResponse } from 'node:http';
import { mayView, type EngineChange } from '@nongan/engine';
import { isStepCursor, type StepPage } from '@nongan/engine/postgres';
import { apiError } from '../http/errors.js';
import { errorReplies } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

const HEARTBEAT_MS = 15_000;

export function eventRoutes(services: ServerServices, streams: Set<ServerResponse>): RoutePlugin {
  const { engine, live, sessions } = services;
  return async (app) => {
    app.get(
      '/api/events',
      {
        schema: {
          tags: ['events'],
          summary: 'Live stream (text/event-stream) of committed steps the caller may see; resumes from Last-Event-ID',
          querystring: { type: 'object', additionalProperties: false, properties: { after: { type: 'string', maxLength: 4096, description: 'Resume position, for clients that cannot set Last-Event-ID' } } },
          response: { 200: { type: 'string', description: 'text/event-stream' }, ...errorReplies },
        },
      },
      async (request, reply) => {
        const identity = requireIdentity(request);
        const header = request.headers['last-event-id'];
        const resumeFrom = (typeof header === 'string' && header !== '' ? header : undefined) ?? request.query.after;
        if (resumeFrom !== undefined && !isStepCursor(resumeFrom)) {
          throw apiError('invalid-input', 'Last-Event-ID is not a position this stream gave out', 'Last-Event-ID 不是本事件流给出的位置', { path: '/headers/last-event-id' });
        }
        const visible = (change: EngineChange) => {
          try {
            return mayView(engine.workflow(change.workflowId), identity.actor, change);
          } catch {
            return false; // a workflow this server does not run
          }
        };
        // Per case, the last seq sent: catch-up and live batches may overlap, a step goes out once.
        const sent = new Map<string, number>();
        const raw = reply.raw;
        const write = (page: StepPage) => {
          if (page.overflow) return void raw.write(`id: ${page.cursor}\nevent: reset\ndata: {}\n\n`);
          const steps = page.steps.filter((s) => visible(s) && (sent.get(s.instanceId) ?? 0) < s.seq);
          for (const s of steps) sent.set(s.instanceId, s.seq);
          // A batch with nothing for this caller still moves its position, so a resume starts later.
          raw.write(steps.length > 0 ? `id: ${page.cursor}\nevent: steps\ndata: ${JSON.stringify(steps)}\n\n` : `id: ${page.cursor}\n\n`);
        };

        reply.hijack();
        raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        streams.add(raw);
        // Live batches that arrive during the catch-up wait for it, so the order stays catch-up first.
        let pending: StepPage[] | null = resumeFrom ? [] : null;
        const unsubscribe = live.subscribe((page) => (pending ? pending.push(page) : write(page)));
        const heartbeat = setInterval(() => {
          void sessions.resolve(identity.token).then((session) => {
            if (!session) {
              raw.write('event: signed-out\ndata: {}\n\n');
              raw.end();
            } else raw.write(': keep-alive\n\n');
          }, () => raw.write(': keep-alive\n\n'));
        }, HEARTBEAT_MS);
        const close = () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(raw);
        };
        raw.on('close', close);
        raw.write('retry: 2000\n\n');
        if (resumeFrom) {
          try {
            write(await live.since(resumeFrom));
          } catch (error) {
            request.log.warn({ err: error }, 'event stream catch-up failed');
            raw.write(`event: reset\ndata: {}\n\n`);
          }
          const queued = pending ?? [];
          pending = null;
          for (const page of queued) write(page);
        } else {
          raw.write(`id: ${live.position}\nevent: ready\ndata: {}\n\n`);
        }
      },
    );
  };
}
