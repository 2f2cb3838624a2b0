/** Liveness (the process answers) and readiness (the database answers too), for load balancers and orchestrators. */
import type { RoutePlugin } from '../http/typeProvider.js';
import type { ServerServices } from '../services.js';

const status = { type: 'object', required: ['status'], properties: { status: { type: 'string' }, database: { type: 'string' } } } as const;
const alive = {
  type: 'object',
  required: ['status', 'service', 'now', 'demo'],
  properties: {
    status: { type: 'string' },
    service: { type: 'string', description: 'Always `nongan`: a portal tells its server from another page at the same address.' },
    now: { type: 'number', description: 'The server clock (ms), which may run ahead in demos; clients show dates by it.' },
    demo: { type: 'boolean' },
  },
} as const;

export function healthRoutes(services: ServerServices, isShuttingDown: () => boolean): RoutePlugin {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['health'], summary: 'The process is up', response: { 200: alive } } }, async () => ({ status: 'ok', service: 'nongan', now: services.engine.clock.now(), demo: services.demo }));
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
