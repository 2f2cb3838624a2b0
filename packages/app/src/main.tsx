/**
 * Boots the portal: built for a server (`vite --mode server`), as the client of the Nong'an server that
 * answers at this address; otherwise browser-only (the local databases, seeding a fresh demo on first
 * run); then renders it.
 */
import { EngineError } from '@nongan/engine';
import { createRoot } from 'react-dom/client';
import { createPortalRuntime, type PortalRuntime } from './boot/runtime.js';
import { createServerPortalRuntime, probeServer } from './boot/serverRuntime.js';
import { knownServer, registerOfflineShell, rememberServer } from './boot/offlineShell.js';
import { App } from './shell/App.js';
import { BootError } from './shell/BootError.js';
import './portal.css';

async function boot(): Promise<PortalRuntime> {
  if (!__NONGAN_SERVER_MODE__) return createPortalRuntime();
  const health = await probeServer();
  if (health) {
    rememberServer(localStorage, health);
    void registerOfflineShell().catch((error: unknown) => console.warn('[nongan] no offline start:', error));
    return createServerPortalRuntime(health);
  }
  // No answer: a page that reached this server before starts offline on what it kept (the offline shell,
  // the certificate keys, queued commands). A portal built for a server never falls back to a
  // browser-only demo: its people would work on the wrong data.
  const known = knownServer(localStorage);
  if (!known) {
    throw new EngineError('unavailable', { en: 'the Nong\'an server does not answer at this address; check the connection and reload', zh: '此地址的农安服务器没有响应，请检查网络后刷新页面' });
  }
  return createServerPortalRuntime({ now: Date.now() + known.offsetMs, demo: known.demo });
}

const root = createRoot(document.getElementById('root')!);
boot()
  .then((runtime) => root.render(<App runtime={runtime} />))
  .catch((error: unknown) => {
    console.error(error);
    root.render(<BootError error={error} />);
  });
