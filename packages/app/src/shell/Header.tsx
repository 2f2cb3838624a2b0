/** The header: portal title, who is signed in, navigation, demo clock, language switch. */
import { ClockControl } from './ClockControl.js';
import { regionName, roleName } from './labels.js';
import { usePortal, useText } from './PortalContext.js';
import { routeHash, type Route } from './routes.js';
import type { MessageKey } from './i18n.js';

interface NavItem {
  route: Route;
  label: MessageKey;
}

/** Links for a role. Convenience only: what a role may do is decided by the engine on every action. */
export function navItems(role: string | null): NavItem[] {
  const items: NavItem[] = [{ route: { page: 'home' }, label: 'navHome' }];
  if (role === 'producer' || role === 'third-party') items.push({ route: { page: 'farm' }, label: 'navFarm' });
  if (role !== null && role !== 'public' && role !== 'config') {
    items.push({ route: { page: 'inbox' }, label: 'navInbox' }, { route: { page: 'cases' }, label: 'navCases' });
  }
  if (role === 'config') items.push({ route: { page: 'designer' }, label: 'navDesigner' });
  items.push({ route: { page: 'dashboard', region: null }, label: 'navDashboard' }, { route: { page: 'verify', code: '' }, label: 'navVerify' }, { route: { page: 'backup' }, label: 'navBackup' });
  return items;
}

export function Header({ route }: { route: Route }) {
  const { session, locale, setLocale, signIn, navigate, farms } = usePortal();
  const t = useText();
  const farm = session?.farmId ? farms.find((f) => f.id === session.farmId) : undefined;
  return (
    <header className="portal-header">
      <div className="portal-header-top">
        <a className="portal-title" href="#/">
          {t('appTitle')}
        </a>
        <ClockControl />
        <button type="button" className="portal-lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} lang={locale === 'en' ? 'zh-CN' : 'en'}>
          {t('language')}
        </button>
      </div>
      <nav aria-label={t('navHome')} className="portal-nav">
        <ul>
          {navItems(session?.role ?? null).map((item) => (
            <li key={item.label}>
              <a href={routeHash(item.route)} aria-current={item.route.page === route.page ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
        {session && (
          <p className="portal-who" data-testid="signed-in-as">
            {t('signedInAs')}: {regionName(session.region, locale)} · {roleName(session.role, session.region, locale)}
            {farm ? ` · ${farm.name}` : ''}{' '}
            <button
              type="button"
              onClick={() => {
                signIn(null);
                navigate({ page: 'home' });
              }}
            >
              {t('signOut')}
            </button>
          </p>
        )}
      </nav>
    </header>
  );
}
