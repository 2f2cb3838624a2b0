/** Boots the portal: opens the local databases (seeding a fresh demo on first run), then renders it. */
import { createRoot } from 'react-dom/client';
import { createPortalRuntime } from './boot/runtime.js';
import { App } from './shell/App.js';
import { BootError } from './shell/BootError.js';
import './portal.css';

const root = createRoot(document.getElementById('root')!);
createPortalRuntime()
  .then((runtime) => root.render(<App runtime={runtime} />))
  .catch((error: unknown) => {
    console.error(error);
    root.render(<BootError error={error} />);
  });
