/**
 * The portal as a client of the Nong'an server: the engine is the server's (through
 * @nongan/client), who acts is the signed-in account, and what this device read or could not send yet
 * is kept in IndexedDB so a farm goes on working without a network. The portal is served from the
 * server's address (`/api/…` beside the pages), so the connection's base is the page's own origin.
 */
import { createOfflineStore, createRemoteDesignerStore, createRemoteEngine, createServerConnection, isOfflineError, type ServerSession } from '@nongan/client';
import { FormCatalog, LIFECYCLES } from '@nongan/workflows';
import type { KeyValueStorage } from './demoClock.js';
import { rememberedSession, rememberSession } from './offlineShell.js';
import type { PortalRuntime, ServerParts } from './runtime.js';

export const OFFLINE_DB = 'nongan-portal-offline';

export interface ServerHealth {
  /** The server's clock (it may run ahead in a demo). */
  now: number;
  demo: boolean;
}

/**
 * Whether a Nong'an server answers at `baseUrl` (the page's origin by default). A page served without
 * one (the browser-only portal) gets its own index page back, which is not the health JSON.
 */
export async function probeServer(baseUrl = '', timeoutMs = 3000): Promise<ServerHealth | null> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return null;
    const body = (await response.json()) as { service?: unknown; now?: unknown; demo?: unknown };
    if (body.service !== 'nongan' || typeof body.now !== 'number') return null;
    return { now: body.now, demo: body.demo === true };
  } catch {
    return null;
  }
}

export interface ServerPortalRuntime extends PortalRuntime {
  mode: 'server';
  server: ServerParts;
  /** Who was signed in when the portal opened (the session cookie), or null. */
  initialSession: ServerSession | null;
}

export async function createServerPortalRuntime(health: ServerHealth, options: { storage?: KeyValueStorage; baseUrl?: string } = {}): Promise<ServerPortalRuntime> {
  const storage = options.storage ?? globalThis.localStorage;
  const offset = health.now - Date.now();
  const clock = { now: () => Date.now() + offset };
  const connection = createServerConnection({ baseUrl: options.baseUrl ?? '' });
  const offline = createOfflineStore({ name: OFFLINE_DB });
  const engine = createRemoteEngine({ connection, workflows: Object.values(LIFECYCLES), offline, clock });
  // The server's designer store: what configuration staff publish here is what the server's new cases pin.
  const designs = Object.assign(createRemoteDesignerStore(connection), { close() {} });
  const forms = new FormCatalog(designs, clock);
  // Offline at start: whoever was signed in here last goes on (their cases from the device, their
  // actions queued) until the server answers and says who the cookie belongs to.
  let initialSession: ServerSession | null;
  try {
    initialSession = await connection.session();
    rememberSession(storage, initialSession);
  } catch (error) {
    if (!isOfflineError(error)) throw error;
    const remembered = rememberedSession<ServerSession>(storage, Date.now());
    initialSession = remembered ? { ...remembered, csrfToken: '' } : null;
  }
  // Published forms are read once signed in (the shell reloads them at sign-in); offline, cases show
  // the built-in forms until the catalogue can be read.
  if (initialSession) await forms.reload().catch(() => {});
  // Commands left waiting when the page was last closed go now.
  if (initialSession) void engine.queue?.replay();
  return {
    mode: 'server',
    engine,
    store: null,
    clock,
    demoClock: null,
    server: { connection, engine, offline, demo: health.demo },
    initialSession,
    designs,
    forms,
    storage,
    async close() {
      engine.close();
      offline.close();
      designs.close();
    },
  };
}
