/** `@nongan/server`: the engine behind HTTP on PostgreSQL, for embedding in tests, tools and other processes. */
export { buildApp, type AppOptions, type NonganApp } from './app.js';
export { createServerRuntime, type ServerRuntime, type RuntimeOptions } from './runtime.js';
export { readConfig, ConfigError, type ServerConfig } from './config.js';
export { seedDemoData, DEMO_PASSWORD } from './demo/seedDemoAccounts.js';
export { AccountStore, actorOf, type Account, type NewAccount } from './identity/accounts.js';
export { SESSION_COOKIE, CSRF_HEADER } from './identity/authenticate.js';
export type { ServerServices } from './services.js';
