/** Demo mode only (never registered otherwise): the demo accounts and their shared password, for the sign-in page. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { DEMO_PASSWORD, demoDirectory } from '../demo/seedDemoAccounts.js';
import type { ServerServices } from '../services.js';

export function demoRoutes(services: ServerServices): RoutePlugin {
  return async (app) => {
    app.get(
      '/api/demo/accounts',
      {
        schema: {
          tags: ['demo'],
          summary: 'Demo accounts with the demo password (demo mode only)',
          response: {
            200: {
              type: 'object',
              required: ['password', 'accounts'],
              properties: {
                password: { type: 'string' },
                accounts: { type: 'array', items: { type: 'object', required: ['login', 'displayName', 'region', 'roles'], properties: { login: { type: 'string' }, displayName: { type: 'string' }, region: { type: ['string', 'null'] }, roles: { type: 'array', items: { type: 'string' } } } } },
              },
            },
          },
        },
      },
      async () => {
        const { accounts } = await demoDirectory(services.engine);
        return { password: DEMO_PASSWORD, accounts: accounts.map((a) => ({ login: a.login, displayName: a.displayName, region: a.region ?? null, roles: [...a.roles] })) };
      },
    );
  };
}
