/**
 * Registers the offline shell (`public/sw.js`) and hands it what this page already loaded, so the
 * next visit opens without a network. `<html data-offline-ready>` is set once everything is kept.
 * A browser without service workers simply has no offline start; nothing else changes.
 */
const SERVER_KEY = 'nongan-portal-server';

export async function registerOfflineShell(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.register(new URL('sw.js', window.location.href).href);
  await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return;
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
