/**
 * Registers the offline shell (`public/sw.js`) and hands it what this page already loaded, so the
 * next visit opens without a network. `<html data-offline-ready>` is set once everything is kept.
 * A browser without service workers simply has no offline start; nothing else changes.
 */
import type { KeyValueStorage } from './demoClock.js';

const SERVER_KEY = 'nongan-portal-server';

export async function registerOfflineShell(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  // A page the worker already served had every file kept on its way in: nothing to hand over.
  const servedByWorker = navigator.serviceWorker.controller !== null;
  const registration = await navigator.serviceWorker.register(new URL('sw.js', window.location.href).href);
  await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return;
  if (servedByWorker) {
    document.documentElement.dataset.offlineReady = 'true';
    return;
  }
  const page = `${window.location.origin}${window.location.pathname}`;
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'kept') document.documentElement.dataset.offlineReady = 'true';
  });
  worker.postMessage({ type: 'keep', urls: [page, ...loaded] });
}

export interface KnownServer {
  /** The server's clock minus this device's, when it last answered. */
  offsetMs: number;
  demo: boolean;
}

/** Remembers that this address is a Nong'an server (for starting offline next time). */
export function rememberServer(storage: Pick<Storage, 'setItem'>, health: { now: number; demo: boolean }): void {
  try {
    storage.setItem(SERVER_KEY, JSON.stringify({ offsetMs: health.now - Date.now(), demo: health.demo } satisfies KnownServer));
  } catch {
    // storage refused: no offline start, nothing else lost
  }
}

/** The server this page last reached, or null (never reached: an offline start is not possible). */
export function knownServer(storage: Pick<Storage, 'getItem'>): KnownServer | null {
  try {
    const parsed = JSON.parse(storage.getItem(SERVER_KEY) ?? 'null') as Partial<KnownServer> | null;
    return typeof parsed?.offsetMs === 'number' && typeof parsed.demo === 'boolean' ? { offsetMs: parsed.offsetMs, demo: parsed.demo } : null;
  } catch {
    return null;
  }
}

const SESSION_KEY = 'nongan-portal-last-session';

/**
 * Who was signed in on this device when the server last answered (without the CSRF token), so a farm
 * that reopens the portal without a network goes on as itself: its cases from the device, its actions
 * queued. The server still decides everything when the commands arrive, with the session cookie.
 * Null forgets it (signed out, or the session ended).
 */
export function rememberSession(storage: KeyValueStorage, session: { account: unknown; expiresAt: number } | null): void {
  try {
    if (session) storage.setItem(SESSION_KEY, JSON.stringify({ account: session.account, expiresAt: session.expiresAt }));
    else if (storage.removeItem) storage.removeItem(SESSION_KEY);
    else storage.setItem(SESSION_KEY, 'null');
  } catch {
    // storage refused: an offline start shows the sign-in page instead
  }
}

/** The remembered session, unless it has expired (then nobody is signed in). */
export function rememberedSession<T extends { account: unknown; expiresAt: number }>(storage: Pick<Storage, 'getItem'>, now: number): Omit<T, 'csrfToken'> | null {
  try {
    const parsed = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as { account?: unknown; expiresAt?: unknown } | null;
    if (!parsed || typeof parsed.account !== 'object' || parsed.account === null || typeof parsed.expiresAt !== 'number' || parsed.expiresAt <= now) return null;
    return parsed as Omit<T, 'csrfToken'>;
  } catch {
    return null;
  }
}
