/** Home: what the portal is, the demo sign-in, and each region's dashboard. */
import { REGION_IDS } from '@nongan/workflows';
import { regionName } from '../shell/labels.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { routeHash } from '../shell/routes.js';
import { SignIn } from '../shell/SignIn.js';

export function HomePage() {
  const { locale, runtime } = usePortal();
  const t = useText();
  return (
    <div className="portal-home">
      <section className="portal-card">
        <h1>{t('appTitle')}</h1>
        <p>{t(runtime.server ? 'homeIntroServer' : 'homeIntro')}</p>
        <ul className="portal-region-links">
          {REGION_IDS.map((r) => (
            <li key={r}>
              <a href={routeHash({ page: 'dashboard', region: r })}>
                {t('dashboardTitle')} · {regionName(r, locale)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <SignIn />
    </div>
  );
}
