/*
 * The portal's offline shell (server mode): every page file this browser fetched is kept, fresh from the
 * network while there is one (network first), from the cache when there is none, so the portal opens
 * without a network: a market inspector's camera opening a certificate address in a village, a farm
 * reopening its page. The API is never cached here: its data lives in the app's own IndexedDB and keys.
 */
const CACHE = 'nongan-portal-shell-v1';
/** Served from the cache: marked so the page (and tests) can tell. */
const KEPT_HEADER = 'x-nongan-offline';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function kept(url, request) {
  return request.method === 'GET' && url.origin === self.location.origin && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/.well-known/');
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(request, { ignoreVary: true })) ?? (request.mode === 'navigate' ? await cache.match(new URL('./', self.location.href).href) : undefined);
  if (!hit) return undefined;
  const headers = new Headers(hit.headers);
  headers.set(KEPT_HEADER, 'kept');
  return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!kept(url, event.request)) return;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(event.request);
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
        }
        return response;
      } catch (error) {
        const hit = await fromCache(event.request);
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});

// What the page loaded before this worker controlled it: fetched once more and kept.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((u) => typeof u === 'string' && kept(new URL(u), { method: 'GET' }));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(urls.map((u) => cache.add(u).catch(() => undefined))))
      .then(() => event.source && event.source.postMessage({ type: 'kept', count: urls.length })),
  );
});
