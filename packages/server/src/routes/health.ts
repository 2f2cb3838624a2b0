/** Liveness (the process answers) and readiness (the database answers too), for load balancers and orchestrators. */
import type { RoutePlugin } from '../http/typeProvider.js';
import type { ServerServices } from '../services.js';

const status = { type: 'object', required: ['status'], properties: { status: { type: 'string' }, database: { type: 'string' } } } as const;

export function healthRoutes(services: ServerServices, isShuttingDown: () => boolean): RoutePlugin {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['health'], summary: 'The process is up', response: { 200: status } } }, async () => ({ status: 'ok' }));
    app.get(
      '/api/ready',
      { schema: { tags: ['health'], summary: 'The server takes requests: the database answers and it is not shutting down', response: { 200: status, 503: status } } },
      async (_request, reply) => {
        if (isShuttingDown()) return reply.code(503).send({ status: 'shutting-down' });
        const ok = await services.databaseReady();
        return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', database: ok ? 'up' : 'down' });
      },
    );
  };
}
