/**
 * The HTTP API: Fastify with the route schemas as the one source of validation, serialisation,
 * handler types and the OpenAPI document (`/api/openapi.json`). Logs are structured (pino), with
 * session tokens and cookies redacted.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { ApiTypeProvider } from './http/typeProvider.js';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { errorReply } from './http/errors.js';
import { SHARED_SCHEMAS } from './http/schemas.js';
import { validatorCompiler } from './http/validators.js';
import { registerJsonBodies } from './http/jsonBody.js';
import { CSRF_HEADER, identityHook, SESSION_COOKIE, sessionRequired } from './identity/authenticate.js';
import { backupRoutes } from './routes/backup.js';
import { adminRoutes } from './routes/admin.js';
import { calendarRoutes } from './routes/calendar.js';
import { certificateRoutes } from './routes/certificates.js';
import { credentialRoutes } from './routes/credentials.js';
import { demoRoutes } from './routes/demo.js';
import { caseRoutes } from './routes/cases.js';
import { eventRoutes } from './routes/events.js';
import { designRoutes } from './routes/designs.js';
import { farmRoutes } from './routes/farms.js';
import { formRoutes } from './routes/forms.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/session.js';
import { taskRoutes } from './routes/tasks.js';
import { operationRoutes } from './routes/operations.js';
import type { ServerServices } from './services.js';

export interface AppOptions {
  logLevel?: string;
  /** Largest request body accepted (default 1 MiB; form data with photos goes elsewhere). */
  bodyLimit?: number;
  /** Where log lines go (default stdout); tests read them to check that no secret is logged. */
  logStream?: { write(line: string): void };
}

export interface NonganApp {
  app: FastifyInstance;
  /** Stops taking requests, ends the live streams, and waits for requests in flight to finish. */
  close(): Promise<void>;
}

export async function buildApp(services: ServerServices, options: AppOptions = {}): Promise<NonganApp> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${CSRF_HEADER}"]`, 'res.headers["set-cookie"]'], censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ApiTypeProvider>();

  let shuttingDown = false;
  const streams = new Set<ServerResponse>();
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  app.setValidatorCompiler(validatorCompiler());
  registerJsonBodies(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: "Nong'an workflow API (农安)", version: '0.1.0', description: 'Agri-food safety cases on the Nong\'an engine. Errors are EngineError JSON with English and Chinese messages.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(cookie);
  app.decorateRequest('identity', null);
  app.addHook('onRequest', identityHook(services.sessions));
  app.addHook('preValidation', sessionRequired);
  app.setErrorHandler((error, request, reply) => errorReply(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'not-found', message: `Not found: no route ${request.method} ${request.url.split('?')[0]}`, messageZh: `未找到：没有接口 ${request.method} ${request.url.split('?')[0]}`, details: {} }),
  );

  await app.register(healthRoutes(services, () => shuttingDown));
  await app.register(sessionRoutes(services));
  await app.register(credentialRoutes(services));
  await app.register(adminRoutes(services));
  await app.register(backupRoutes(services));
  if (services.demo) await app.register(demoRoutes(services));
  await app.register(caseRoutes(services));
  await app.register(taskRoutes(services));
  await app.register(operationRoutes(services));
  await app.register(farmRoutes(services));
  await app.register(formRoutes());
  await app.register(designRoutes(services));
  await app.register(calendarRoutes(services));
  await app.register(certificateRoutes(services));
  await app.register(eventRoutes(services, streams));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return {
    app,
    async close() {
      shuttingDown = true;
      // Live streams never end on their own; end them so the close below only waits for real requests.
      for (const stream of streams) stream.end();
      await app.close();
    },
  };
}
