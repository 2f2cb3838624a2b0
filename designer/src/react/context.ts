/**
 * React binding of the framework-free session: one context, and `useDesignerSelector` — a
 * useSyncExternalStore subscription to a SLICE of the snapshot. A component re-renders only when
 * its slice changes (by `equals`, reference equality by default), which is what keeps a label edit
 * in a 300-field form down to one field card and the property panel.
 */
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Locale } from '@nongan/forms';
import type { DesignerSession, DesignerSnapshot } from '../core/session.js';
import type { DesignerStore } from '../store/types.js';
import type { Contracts } from '../core/publishCheck.js';

export interface DesignerEnv {
  session: DesignerSession;
  store: DesignerStore | null;
  locale: Locale;
  contracts: Contracts;
  /** True while the open form is a published version: edits are disabled until a new version is started. */
  locked: boolean;
  /** Report a refused edit to the user (the status line). */
  report: (error: unknown) => void;
  /** Field-card render counter (benchmarks, tests). */
  onFieldRender?: ((key: string) => void) | undefined;
  /** Today's date (YYYY-MM-DD) for the publish form's effective date; the host's clock, if it has one. */
  today?: (() => string) | undefined;
}

export const DesignerContext = createContext<DesignerEnv | null>(null);

export function useDesignerEnv(): DesignerEnv {
  const env = useContext(DesignerContext);
  if (!env) throw new Error('设计器组件必须放在 <Designer> 或 <DesignerProvider> 内 / designer parts must be inside <Designer> or <DesignerProvider>');
  return env;
}

export function useDesignerSelector<T>(selector: (snapshot: DesignerSnapshot) => T, deps: readonly unknown[] = [], equals: (a: T, b: T) => boolean = Object.is): T {
  const { session } = useDesignerEnv();
  const cache = useRef<{ snapshot: DesignerSnapshot; deps: readonly unknown[]; value: T } | null>(null);
  const get = (): T => {
    const snapshot = session.getSnapshot();
    const c = cache.current;
    const sameDeps = c !== null && c.deps.length === deps.length && c.deps.every((d, i) => Object.is(d, deps[i]));
    if (c && sameDeps && c.snapshot === snapshot) return c.value;
    const value = selector(snapshot);
    if (c && sameDeps && equals(c.value, value)) {
      cache.current = { snapshot, deps, value: c.value };
      return c.value;
    }
    cache.current = { snapshot, deps, value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, get, get);
}

/** Run a command, reporting (not throwing) a refusal. Returns whether it applied. */
export function useRun(): (make: () => import('../core/types.js').Command, coalesce?: string) => boolean {
  const { session, report, locked } = useDesignerEnv();
  return (make, coalesce) => {
    if (locked) {
      report(new Error('已发布版本不可修改，请先“创建新版本” / A published version cannot be edited: start a new version first'));
      return false;
    }
    try {
      session.execute(make(), coalesce === undefined ? undefined : { coalesce });
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };
}

export const shallowEqualArrays = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The session state, but only once edits pause for `delayMs`: for the costly views (live preview,
 * publish checks) that must not run on every keystroke. The component does not re-render while
 * typing — the subscription only (re)arms a timer.
 */
export function useSettledState(delayMs: number): DesignerSnapshot['state'] {
  const { session } = useDesignerEnv();
  const [state, setState] = useState(() => session.getSnapshot().state);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState(session.getSnapshot().state);
    const unsubscribe = session.subscribe(() => {
      if (timer) clearTimeout(timer);
      // Only the document matters to these views: a selection change does not wake them.
      timer = setTimeout(() => {
        const next = session.getSnapshot().state;
        setState((prev) => (prev.definition === next.definition && prev.variant === next.variant ? prev : next));
      }, delayMs);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [session, delayMs]);
  return state;
}
