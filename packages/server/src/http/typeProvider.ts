/**
 * Handler types from the route schemas (json-schema-to-ts): a body, params or query string is typed
 * exactly as its schema validates it. Replies are typed by the engine's own record types instead and
 * checked against the response schemas when they are serialised, because the records (with their
 * open `context` and nested state values) are richer than what FromSchema can express.
 */
import type { FastifyPluginAsync, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

export interface ApiTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends JSONSchema ? FromSchema<this['schema']> : unknown;
  serializer: unknown;
}

export type RoutePlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, ApiTypeProvider>;
