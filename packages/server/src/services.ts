/** What the routes are given: the engine on its store, identity services, the live step feed, and settings. */
import type { Engine } from '@nongan/engine';
import type { PostgresStore, SqlQueryable } from '@nongan/engine/postgres';
import type { OrganisationStore } from './directory/organisations.js';
import type { SubjectRegistry } from './directory/subjects.js';
import type { AccountStore } from './identity/accounts.js';
import type { AuditLog } from './identity/audit.js';
import type { PasswordLinks } from './identity/passwordLinks.js';
import type { SessionStore } from './identity/sessions.js';
import type { SignInService } from './identity/signIn.js';
import type { FormCatalog } from '@nongan/workflows';
import type { PostgresDesignerStore } from './designs/postgresDesignerStore.js';
import type { LiveSteps } from './live/liveSteps.js';
import type { CertificateKeyRing } from './certificates/certificateKeyRing.js';
import type { CertificateRegister } from './certificates/certificateRegister.js';
import type { CertificateStandings } from './certificates/certificateStanding.js';
import type { StatusLists } from './certificates/statusLists.js';

export interface ServerServices {
  engine: Engine;
  store: PostgresStore;
  /** The server's own tables (accounts, organisations, audit); the engine's go through `store`. */
  db: SqlQueryable;
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  signIn: SignInService;
  passwordLinks: PasswordLinks;
  organisations: OrganisationStore;
  subjects: SubjectRegistry;
  live: LiveSteps;
  /** The designer's drafts and published forms, and which published form a region's case uses. */
  designs: PostgresDesignerStore;
  forms: FormCatalog;
  /** The issuing authorities' signing keys, the signed certificates, and their live standing. */
  certificateKeys: CertificateKeyRing;
  certificates: CertificateRegister;
  certificateStandings: CertificateStandings;
  statusLists: StatusLists;
  secureCookies: boolean;
  demo: boolean;
  /** Whether the database answers (readiness). */
  databaseReady(): Promise<boolean>;
}
