/** The header: portal title, who is signed in, navigation, demo clock, language switch. */
import { ClockControl } from './ClockControl.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { regionName, roleName } from './labels.js';
import { usePortal, useText } from './PortalContext.js';
import { isRegionId, runsLifecycle } from '@nongan/workflows';
import { routeHash, type Route } from './routes.js';
import type { MessageKey } from './i18n.js';

interface NavItem {
  route: Route;
  label: MessageKey;
}

/** Links for a role. Convenience only: what a role may do is decided by the engine on every action. */
export function navItems(role: string | null, mode: 'local' | 'server' = 'local', region?: string): NavItem[] {
  if (role === 'admin') {
    return [
      { route: { page: 'home' }, label: 'navHome' },
      { route: { page: 'admin' }, label: 'navAdmin' },
      { route: { page: 'dashboard', region: null }, label: 'navDashboard' },
      { route: { page: 'verify', code: '' }, label: 'navVerify' },
      { route: { page: 'backup' }, label: 'navBackup' },
    ];
  }
  const items: NavItem[] = [{ route: { page: 'home' }, label: 'navHome' }];
  if (role === 'producer' || role === 'third-party') items.push({ route: { page: 'farm' }, label: 'navFarm' });
  // Producers of the regions that issue 承诺达标合格证 issue and print a day's certificates together.
  if (role === 'producer' && region !== undefined && isRegionId(region) && runsLifecycle(region, 'selfInspectToCertificate')) items.push({ route: { page: 'certificates' }, label: 'navCertificates' });
  if (role !== null && role !== 'public' && role !== 'config') {
    items.push({ route: { page: 'inbox' }, label: 'navInbox' }, { route: { page: 'cases' }, label: 'navCases' });
  }
  if (role === 'config') items.push({ route: { page: 'designer' }, label: 'navDesigner' });
  items.push({ route: { page: 'dashboard', region: null }, label: 'navDashboard' }, { route: { page: 'verify', code: '' }, label: 'navVerify' });
  // On a server the data is backed up by its administrator; browser-only, by whoever uses the browser.
  if (mode === 'local') items.push({ route: { page: 'backup' }, label: 'navBackup' });
  return items;
}

export function Header({ route }: { route: Route }) {
  const { session, locale, setLocale, signIn, navigate, farms, runtime } = usePortal();
  const t = useText();
  const farm = session?.farmId ? farms.find((f) => f.id === session.farmId) : undefined;
  const server = runtime.server;
  const signOut = async () => {
    const waiting = server?.engine.queue ? (await server.engine.queue.list()).length : 0;
    if (waiting > 0 && !window.confirm(t('signOutPending', { n: waiting }))) return;
    signIn(null);
    navigate({ page: 'home' });
  };
  return (
    <header className="portal-header">
      <div className="portal-header-top">
        <a className="portal-title" href="#/">
          {t('appTitle')}
        </a>
        {runtime.demoClock && <ClockControl />}
        {server && session && <ConnectionStatus engine={server.engine} />}
        <button type="button" className="portal-lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} lang={locale === 'en' ? 'zh-CN' : 'en'}>
          {t('language')}
        </button>
      </div>
      <nav aria-label={t('navHome')} className="portal-nav">
        <ul>
          {navItems(session?.role ?? null, runtime.mode, session?.region).map((item) => (
            <li key={item.label}>
              <a href={routeHash(item.route)} aria-current={item.route.page === route.page ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
        {session && (
          <p className="portal-who" data-testid="signed-in-as">
            {t('signedInAs')}:{' '}
            {session.account ? session.account.displayName : `${regionName(session.region, locale)} · ${roleName(session.role, session.region, locale)}`}
            {farm && !session.account ? ` · ${farm.name}` : ''}{' '}
            <button type="button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </p>
        )}
      </nav>
    </header>
  );
}
