/**
 * Server mode: whether the portal is live (the server's step stream is open) or offline, and how many
 * actions wait on this device or were not accepted when sent. Keeps the stream open while someone is
 * signed in, and sends the waiting actions as soon as the connection returns.
 */
import type { RemoteEngine } from '@nongan/client';
import { useEffect, useState } from 'react';
import { useText } from './PortalContext.js';

/** While actions wait, the portal retries this often even without an 'online' event. */
const RETRY_MS = 10_000;

export function ConnectionStatus({ engine }: { engine: RemoteEngine }) {
  const t = useText();
  const [live, setLive] = useState(engine.live.connected);
  const [online, setOnline] = useState(() => globalThis.navigator?.onLine ?? true);
  const [counts, setCounts] = useState({ waiting: 0, refused: 0 });

  useEffect(() => {
    const stopStream = engine.subscribe(() => {});
    const stopLive = engine.live.onConnection(setLive);
    setLive(engine.live.connected);
    const queue = engine.queue;
    const recount = () =>
      void queue?.list().then((all) => setCounts({ waiting: all.filter((c) => c.status === 'waiting').length, refused: all.filter((c) => c.status === 'refused').length }));
    const stopQueue = queue?.onChange(recount);
    recount();
    const wentOnline = () => {
      setOnline(true);
      void queue?.replay();
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    const retry = setInterval(() => {
      if (globalThis.navigator?.onLine !== false) void queue?.replay();
    }, RETRY_MS);
    return () => {
      stopStream();
      stopLive();
      stopQueue?.();
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
      clearInterval(retry);
    };
  }, [engine]);

  const state = !online ? 'offline' : live ? 'live' : 'connecting';
  return (
    <p className={`portal-connection portal-connection-${state}`} role="status" data-testid="connection-status">
      {state === 'offline' ? t('connectionOffline') : state === 'live' ? t('connectionLive') : t('connectionConnecting')}
      {counts.waiting > 0 && <span data-testid="waiting-count"> · {t('waitingCount', { n: counts.waiting })}</span>}
      {counts.refused > 0 && <strong data-testid="refused-count"> · {t('refusedCount', { n: counts.refused })}</strong>}
    </p>
  );
}
