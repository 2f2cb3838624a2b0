/**
 * The farms a signed-in person works with, by name: the farms an account acts for, and for officials
 * the registered farms within their region and data scope (the same divisions as their cases). The
 * portal shows these names instead of subject ids.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { SUBJECT_BOUND_ROLES } from '@nongan/workflows';
import { errorReplies } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import type { Subject } from '../directory/subjects.js';
import type { ServerServices } from '../services.js';

const farm = {
  type: 'object',
  required: ['id', 'uscc', 'name', 'region', 'division', 'own'],
  properties: {
    id: { type: 'string' },
    uscc: { type: 'string' },
    name: { type: 'string' },
    region: { type: 'string' },
    division: { type: 'string' },
    own: { type: 'boolean', description: 'The caller acts for this farm.' },
  },
} as const;

export function farmRoutes(services: ServerServices): RoutePlugin {
  return async (app) => {
    app.get(
      '/api/farms',
      {
        schema: {
          tags: ['directory'],
          summary: 'Farms the caller acts for, and (officials) the registered farms in their data scope',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
              offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            },
          },
          response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: farm } } }, ...errorReplies },
        },
      },
      async (request) => {
        const { account, actor } = requireIdentity(request);
        const { limit, offset } = request.query;
        const own = (await Promise.all(account.subjects.map((id) => services.subjects.get(id)))).filter((s): s is Subject => s !== undefined);
        const official = actor.roles.some((role) => !(SUBJECT_BOUND_ROLES as ReadonlySet<string>).has(role));
        // An official without a region (a national account) or an administrator sees every region.
        const scoped = official ? await services.subjects.list(actor.region ?? undefined, actor.divisions, limit, offset) : [];
        const mine = new Set(own.map((s) => s.id));
        return { items: [...own.map((s) => ({ ...s, own: true })), ...scoped.filter((s) => !mine.has(s.id)).map((s) => ({ ...s, own: false }))] };
      },
    );
  };
}
