/**
 * The portal shell: header (sign-in, navigation, demo clock, language), the page of the current hash
 * route, and the engine provider that keeps the widgets live. zh-CN by default; the choice is kept.
 */
import { formStyles } from '@nongan/forms/react';
import { EngineProvider, widgetStyles } from '@nongan/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLOCK_KEY } from '../boot/demoClock.js';
import type { PortalRuntime } from '../boot/runtime.js';
import { readerEngine } from '../boot/readerEngine.js';
import { loadFarms, saveFarms, type Farm } from './farms.js';
import { Header } from './Header.js';
import { isLocale, LOCALE_KEY, type Locale } from './i18n.js';
import { REGION_LABELS, roleLabelsOf } from './labels.js';
import { PageView } from './PageView.js';
import { PortalContext, type PortalValue } from './PortalContext.js';
import { parseRoute, routeHash, type Route } from './routes.js';
import { actorOf, parseSession, SESSION_KEY, type Session } from './session.js';
import { actorOfAccount, sessionOfAccount } from './serverSession.js';
import type { ServerSession } from '@nongan/client';
import { rememberSession } from '../boot/offlineShell.js';
import type { ServerPortalRuntime } from '../boot/serverRuntime.js';

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
  const server = runtime.mode === 'server' ? runtime.server : null;
  // Browser-only: the demo sign-in kept in localStorage. Server: the account of the session cookie.
  const [localSession, setLocalSession] = useState<Session | null>(() => (server ? null : parseSession(storage.getItem(SESSION_KEY))));
  const [serverSession, setServerSession] = useState<ServerSession | null>(() => (server ? (runtime as ServerPortalRuntime).initialSession : null));
  const [farms, setFarmsState] = useState<Farm[]>(() => (server ? [] : loadFarms(storage)));
  const [clockTick, setClockTick] = useState(0);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Another tab moved the demo clock: follow it, so both tabs act at the same demo time.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== CLOCK_KEY || event.newValue === null) return;
      const ms = Number(event.newValue);
      if (runtime.demoClock && Number.isSafeInteger(ms) && ms > runtime.demoClock.now()) {
        runtime.demoClock.set(ms);
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
    if (server) {
      // On a server only signing out goes through here; signing in is the account form's.
      if (next === null) {
        void server.connection.signOut().catch(() => {}).then(() => server.offline.clear());
        rememberSession(storage, null);
        setServerSession(null);
        setFarmsState([]);
      }
      return;
    }
    if (next) storage.setItem(SESSION_KEY, JSON.stringify(next));
    else storage.removeItem?.(SESSION_KEY);
    setLocalSession(next);
  }, [storage, server]);
  const onServerSession = useCallback(
    (next: ServerSession | null) => {
      // The published forms are read once signed in (reading them needs a session).
      if (next) void runtime.forms.reload().catch(() => {});
      rememberSession(storage, next);
      setServerSession(next);
    },
    [runtime, storage],
  );

  // The farms a server account works with, by name (its own, and those in an official's scope).
  useEffect(() => {
    if (!server || !serverSession) return;
    let live = true;
    server.connection
      .request<{ items: Array<{ id: string; region: string; name: string }> }>('GET', '/api/farms')
      .then((reply) => live && setFarmsState(reply.items.map((f) => ({ id: f.id, region: f.region, name: f.name, registeredAt: '' }))), () => {});
    return () => {
      live = false;
    };
  }, [server, serverSession]);
  const setFarms = useCallback((next: Farm[]) => {
    saveFarms(storage, next);
    setFarmsState(next);
  }, [storage]);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);

  const session = useMemo(() => (server ? (serverSession ? sessionOfAccount(serverSession.account) : null) : localSession), [server, serverSession, localSession]);
  const actor = useMemo(() => (server ? (serverSession ? actorOfAccount(serverSession.account) : null) : localSession ? actorOf(localSession) : null), [server, serverSession, localSession]);
  const value: PortalValue = useMemo(
    () => ({ runtime, locale, setLocale, session, actor, signIn, serverSession, onServerSession, navigate, farms, setFarms, clockTick, onClockMoved: () => setClockTick((n) => n + 1) }),
    [runtime, locale, setLocale, session, actor, signIn, serverSession, onServerSession, navigate, farms, setFarms, clockTick],
  );
  const roleLabels = useMemo(() => roleLabelsOf(session?.region), [session?.region]);
  const caseHref = useCallback((instanceId: string) => routeHash({ page: 'case', instanceId }), []);
  // Case lists and views show farms by the names of the register, not their subject ids.
  const subjectName = useMemo(() => {
    const names = new Map(farms.map((f) => [f.id, f.name]));
    return (subject: string) => names.get(subject);
  }, [farms]);
  // On a server the journal already comes as this account may see it.
  const engine = useMemo(() => (server ? runtime.engine : readerEngine(runtime.engine, actor, runtime.forms)), [server, runtime, actor]);

  return (
    <PortalContext.Provider value={value}>
      <EngineProvider engine={engine} locale={locale} roleLabels={roleLabels} regionLabels={REGION_LABELS} subjectName={subjectName} caseHref={caseHref}>
        <style>{formStyles + widgetStyles}</style>
        <Header route={route} />
        <main className="portal-main" id="main">
          <PageView route={route} />
        </main>
      </EngineProvider>
    </PortalContext.Provider>
  );
}
