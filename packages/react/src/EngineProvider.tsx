/**
 * `<EngineProvider engine locale>`: gives the widgets below it the engine, the display language, role
 * names and the change feed that keeps their data live.
 */
import type { Engine } from '@nongan/engine';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createChangeSource, type ChangeSource } from './liveQuery.js';
import { isLocale, type Locale, type LocalText } from './text.js';

export interface EngineContextValue {
  engine: Engine;
  locale: Locale;
  roleLabels: Readonly<Record<string, LocalText>>;
  regionLabels: Readonly<Record<string, LocalText>>;
  /** The host's name for a case subject (its farm register), when it knows it. */
  subjectName: ((subject: string) => string | undefined) | undefined;
  /** Where the host shows a case, for links from a refusal to the case in the way. */
  caseHref: ((instanceId: string) => string) | undefined;
  changes: ChangeSource;
}

const EngineContext = createContext<EngineContextValue | null>(null);

export interface EngineProviderProps {
  engine: Engine;
  /** Display language of the widgets; default zh-CN. */
  locale?: Locale;
  /** Region-specific role names (e.g. Jiyuan's 防疫检疫科 for `district`). */
  roleLabels?: Readonly<Record<string, LocalText>>;
  /** Names of regions by id (e.g. `jiyuan` → 济源示范区 / Jiyuan); a case shows its region by this name. */
  regionLabels?: Readonly<Record<string, LocalText>>;
  /** Names of case subjects (farms) from the host's register; widgets show these instead of subject ids. */
  subjectName?: (subject: string) => string | undefined;
  /** The address of a case in the host app (`#/case/…`): a refused start links to the existing case. */
  caseHref?: (instanceId: string) => string;
  children?: ReactNode;
}

const ENGINE_METHODS = ['get', 'send', 'tasks', 'history', 'verify', 'allowedEvents', 'workflow', 'subscribe'] as const;

export function assertEngine(engine: unknown): asserts engine is Engine {
  const missing = ENGINE_METHODS.filter((m) => typeof (engine as Record<string, unknown> | null)?.[m] !== 'function');
  if (missing.length > 0) {
    throw new TypeError(`EngineProvider: engine must come from createEngine (missing ${missing.join(', ')}) / engine 须由 createEngine 创建（缺少 ${missing.join('、')}）`);
  }
}

const NO_ROLE_LABELS: Readonly<Record<string, LocalText>> = {};

export function EngineProvider({ engine, locale = 'zh-CN', roleLabels = NO_ROLE_LABELS, regionLabels = NO_ROLE_LABELS, subjectName, caseHref, children }: EngineProviderProps) {
  assertEngine(engine);
  if (!isLocale(locale)) throw new TypeError(`EngineProvider: locale must be 'zh-CN' or 'en', got ${String(locale)} / locale 须为 zh-CN 或 en`);
  const changes = useMemo(() => createChangeSource(engine), [engine]);
  const value = useMemo(() => ({ engine, locale, roleLabels, regionLabels, subjectName, caseHref, changes }), [engine, locale, roleLabels, regionLabels, subjectName, caseHref, changes]);
  return <EngineContext.Provider value={value}>{children}</EngineContext.Provider>;
}

export function useEngineContext(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('Nong\'an widgets must be placed inside <EngineProvider> / 农安组件须放在 <EngineProvider> 内');
  return value;
}

/** The provider's value, or null outside one (for widgets that also work standalone). */
export function useOptionalEngineContext(): EngineContextValue | null {
  return useContext(EngineContext);
}

export function useEngine(): Engine {
  return useEngineContext().engine;
}

export function useLocale(): Locale {
  return useEngineContext().locale;
}

/** Reloads every live widget, e.g. after the host moved a demo clock. */
export function useRefresh(): () => void {
  const { changes } = useEngineContext();
  return changes.refresh;
}
