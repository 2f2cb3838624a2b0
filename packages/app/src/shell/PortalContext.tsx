/** What every page of the portal reads: the runtime, the language, the signed-in session, navigation. */
import type { Actor } from '@nongan/engine';
import type { ServerSession } from '@nongan/client';
import { createContext, useContext } from 'react';
import type { PortalRuntime } from '../boot/runtime.js';
import type { Farm } from './farms.js';
import { text, type Locale, type MessageKey } from './i18n.js';
import type { Route } from './routes.js';
import type { Session } from './session.js';

export interface PortalValue {
  runtime: PortalRuntime;
  locale: Locale;
  setLocale(locale: Locale): void;
  session: Session | null;
  actor: Actor | null;
  /** Browser-only: sign in with a demo session; both modes: `null` signs out. */
  signIn(session: Session | null): void;
  /** Server mode: the signed-in account's session (null when nobody is). */
  serverSession: ServerSession | null;
  onServerSession(session: ServerSession | null): void;
  navigate(route: Route): void;
  farms: Farm[];
  setFarms(farms: Farm[]): void;
  /** Bumped when the demo clock moves, so time-dependent views re-read it. */
  clockTick: number;
  onClockMoved(): void;
}

export const PortalContext = createContext<PortalValue | null>(null);

export function usePortal(): PortalValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('portal pages must be inside <PortalContext.Provider> / 门户页面须放在 PortalContext 内');
  return value;
}

/** `t(key, vars)` in the current language. */
export function useText(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const { locale } = usePortal();
  return (key, vars) => text(locale, key, vars);
}
