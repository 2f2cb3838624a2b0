/**
 * Boots the portal: built for a server (`vite --mode server`), as the client of the Nong'an server that
 * answers at this address; otherwise browser-only (the local databases, seeding a fresh demo on first
 * run); then renders it.
 */
import { createRoot } from 'react-dom/client';
import { createPortalRuntime, type PortalRuntime } from './boot/runtime.js';
import { createServerPortalRuntime, probeServer } from './boot/serverRuntime.js';
import { App } from './shell/App.js';
import { BootError } from './shell/BootError.js';
import './portal.css';

async function boot(): Promise<PortalRuntime> {
  const health = __NONGAN_SERVER_MODE__ ? await probeServer() : null;
  return health ? createServerPortalRuntime(health) : createPortalRuntime();
}

const root = createRoot(document.getElementById('root')!);
boot()
  .then((runtime) => root.render(<App runtime={runtime} />))
  .catch((error: unknown) => {
    console.error(error);
    root.render(<BootError error={error} />);
  });
