/**
 * The portal shell: header (sign-in, navigation, demo clock, language), the page of the current hash
 * route, and the engine provider that keeps the widgets live. zh-CN by default; the choice is kept.
 */
import { formStyles } from '@nongan/forms/react';
import { EngineProvider, widgetStyles } from '@nongan/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLOCK_KEY } from '../boot/demoClock.js';
import type { PortalRuntime } from '../boot/runtime.js';
import { loadFarms, saveFarms, type Farm } from './farms.js';
import { Header } from './Header.js';
import { isLocale, LOCALE_KEY, type Locale } from './i18n.js';
import { REGION_LABELS, roleLabelsOf } from './labels.js';
import { PageView } from './PageView.js';
import { PortalContext, type PortalValue } from './PortalContext.js';
import { parseRoute, routeHash, type Route } from './routes.js';
import { actorOf, parseSession, SESSION_KEY, type Session } from './session.js';

function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App({ runtime }: { runtime: PortalRuntime }) {
  const { storage } = runtime;
  const route = useHashRoute();
  const [locale, setLocaleState] = useState<Locale>(() => {
    const stored = storage.getItem(LOCALE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  });
  const [session, setSession] = useState<Session | null>(() => parseSession(storage.getItem(SESSION_KEY)));
  const [farms, setFarmsState] = useState<Farm[]>(() => loadFarms(storage));
  const [clockTick, setClockTick] = useState(0);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Another tab moved the demo clock: follow it, so both tabs act at the same demo time.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== CLOCK_KEY || event.newValue === null) return;
      const ms = Number(event.newValue);
      if (Number.isSafeInteger(ms) && ms > runtime.clock.now()) {
        runtime.clock.set(ms);
        setClockTick((n) => n + 1);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [runtime]);

  const setLocale = useCallback((next: Locale) => {
    storage.setItem(LOCALE_KEY, next);
    setLocaleState(next);
  }, [storage]);
  const signIn = useCallback((next: Session | null) => {
    if (next) storage.setItem(SESSION_KEY, JSON.stringify(next));
    else storage.removeItem?.(SESSION_KEY);
    setSession(next);
  }, [storage]);
  const setFarms = useCallback((next: Farm[]) => {
    saveFarms(storage, next);
    setFarmsState(next);
  }, [storage]);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);

  const actor = useMemo(() => (session ? actorOf(session) : null), [session]);
  const value: PortalValue = useMemo(
    () => ({ runtime, locale, setLocale, session, actor, signIn, navigate, farms, setFarms, clockTick, onClockMoved: () => setClockTick((n) => n + 1) }),
    [runtime, locale, setLocale, session, actor, signIn, navigate, farms, setFarms, clockTick],
  );
  const roleLabels = useMemo(() => roleLabelsOf(session?.region), [session?.region]);

  return (
    <PortalContext.Provider value={value}>
      <EngineProvider engine={runtime.engine} locale={locale} roleLabels={roleLabels} regionLabels={REGION_LABELS}>
        <style>{formStyles + widgetStyles}</style>
        <Header route={route} />
        <main className="portal-main" id="main">
          <PageView route={route} />
        </main>
      </EngineProvider>
    </PortalContext.Provider>
  );
}
