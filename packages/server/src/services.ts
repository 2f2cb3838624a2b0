/** What the routes are given: the engine on its store, identity services, the live step feed, and settings. */
import type { Engine } from '@nongan/engine';
import type { PostgresStore } from '@nongan/engine/postgres';
import type { AccountStore } from './identity/accounts.js';
import type { AuditLog } from './identity/audit.js';
import type { SessionStore } from './identity/sessions.js';
import type { LiveSteps } from './live/liveSteps.js';

export interface ServerServices {
  engine: Engine;
  store: PostgresStore;
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  live: LiveSteps;
  secureCookies: boolean;
  demo: boolean;
  /** Whether the database answers (readiness). */
  databaseReady(): Promise<boolean>;
}
