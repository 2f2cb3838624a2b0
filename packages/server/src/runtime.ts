/**
 * A server process's parts, opened in order and closed in reverse: the database, the migrated engine
 * store, the engine with the five regions' lifecycles, identity, the live step feed and the workers.
 */
import { createEngine, type Clock, type Engine } from '@nongan/engine';
import { createPostgresStore, migrate, type PostgresStore, type SqlClient } from '@nongan/engine/postgres';
import { PublishError } from '@nongan/designer';
import { createRegionEngineOptions, FormCatalog, seedDesigns } from '@nongan/workflows';
import { createPostgresDesignerStore } from './designs/postgresDesignerStore.js';
import { defaultCheckpointKeyFile, type ServerConfig } from './config.js';
import { loadCheckpointSigner } from './checkpoints/checkpointKey.js';
import { openDatabase } from './database.js';
import { OrganisationStore } from './directory/organisations.js';
import { SubjectRegistry } from './directory/subjects.js';
import { AccountStore } from './identity/accounts.js';
import { accountDirectory } from './directory/accountDirectory.js';
import { AuditLog } from './identity/audit.js';
import { SERVER_MIGRATIONS, SERVER_MIGRATION_TABLE } from './identity/migrations.js';
import { PasswordLinks } from './identity/passwordLinks.js';
import { SessionStore } from './identity/sessions.js';
import { SignInService } from './identity/signIn.js';
import { LiveSteps } from './live/liveSteps.js';
import { CertificateKeyRing } from './certificates/certificateKeyRing.js';
import { CertificateRegister } from './certificates/certificateRegister.js';
import { CertificateStandings } from './certificates/certificateStanding.js';
import { StatusLists } from './certificates/statusLists.js';
import type { ServerServices } from './services.js';
import { startWorkers, type Workers } from './workers.js';

export interface ServerRuntime extends ServerServices {
  db: SqlClient;
  workers: Workers | null;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run deadline and message workers in this process (default true). */
  workers?: boolean;
  workerPollMs?: number;
  /** How often the workers sign a checkpoint of the journal heads that moved (default a minute). */
  checkpointEveryMs?: number;
  clock?: Clock;
  onError?: (error: unknown) => void;
}

export async function createServerRuntime(
  config: Pick<ServerConfig, 'database' | 'demo' | 'secureCookies'> & Partial<Pick<ServerConfig, 'clockOffsetMs' | 'checkpointKeyFile'>>,
  options: RuntimeOptions = {},
): Promise<ServerRuntime> {
  const onError = options.onError ?? ((error: unknown) => console.error('[nongan server]', error));
  const db = await openDatabase(config.database);
  let store: PostgresStore | undefined;
  try {
    store = await createPostgresStore({ client: db, ownsClient: false });
    await migrate(db, SERVER_MIGRATIONS, SERVER_MIGRATION_TABLE);
    // cacheSize 0: other processes write the same cases, so every step starts from the stored case.
    const offset = config.clockOffsetMs ?? 0;
    const clock: Clock = options.clock ?? (offset === 0 ? { now: () => Date.now() } : { now: () => Date.now() + offset });
    const designs = createPostgresDesignerStore(db, () => new Date(clock.now()));
    await seedBuiltInDesigns(designs);
    const forms = new FormCatalog(designs, clock);
    await forms.reload();
    const regionOptions = createRegionEngineOptions({ store, clock });
    // Designer-published forms a case pinned are the ones its data is checked against.
    const checkpointSigner = await loadCheckpointSigner(config.checkpointKeyFile === undefined ? defaultCheckpointKeyFile(config.database) : config.checkpointKeyFile);
    const accounts = new AccountStore(db);
    const engine: Engine = createEngine({
      ...regionOptions,
      validate: forms.validator(regionOptions.validate!),
      cacheSize: 0,
      onError,
      checkpointSigner,
      directory: accountDirectory(accounts),
    });
    const live = new LiveSteps(store, engine, onError);
    await live.start();
    const workers = options.workers === false ? null : await startWorkers(engine, store, options.workerPollMs, options.checkpointEveryMs);
    const openStore = store;
    const audit = new AuditLog(db);
    const organisations = new OrganisationStore(db);
    const subjects = new SubjectRegistry(db);
    const certificateKeys = new CertificateKeyRing(db, () => clock.now());
    const certificates = new CertificateRegister(db, engine, subjects, certificateKeys, () => clock.now());
    return {
      db,
      store: openStore,
      engine,
      accounts,
      sessions: new SessionStore(db),
      audit,
      signIn: new SignInService(db, audit),
      passwordLinks: new PasswordLinks(db),
      organisations,
      subjects,
      certificateKeys,
      certificates,
      certificateStandings: new CertificateStandings(engine, certificates, accounts, organisations),
      statusLists: new StatusLists(engine, subjects, certificateKeys, () => clock.now()),
      live,
      designs,
      forms,
      workers,
      secureCookies: config.secureCookies,
      demo: config.demo,
      databaseReady: async () => {
        try {
          await db.query('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await workers?.stop();
        await live.stop();
        await engine.idle();
        await openStore.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

/** The built-in forms as designs, once; two processes starting together may race, and the loser's retry finds them. */
async function seedBuiltInDesigns(designs: Parameters<typeof seedDesigns>[0]): Promise<void> {
  try {
    await seedDesigns(designs);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    await seedDesigns(designs);
  }
}
