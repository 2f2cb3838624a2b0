/**
 * Queries that stay current: a query loads once someone listens, and loads again after each engine
 * change it cares about (a send, a fired deadline, a delivered message) or after a manual refresh
 * (the host moved its demo clock). Loads never overlap; a change during a load triggers one more.
 * Framework-free: the React hooks read it with useSyncExternalStore.
 */
import type { Engine, EngineChange } from '@nongan/engine';

/** A change, or `null` for "anything may have changed" (refresh). */
export type ChangeListener = (change: EngineChange | null) => void;

export interface ChangeSource {
  subscribe(listener: ChangeListener): () => void;
  /** Tells every listener to reload, e.g. after the clock moved. */
  refresh(): void;
}

/**
 * An engine that can also ask its views to reload everything (a remote engine after a reconnect, or
 * when its offline queue changed): optional, so any `Engine` will do.
 */
export interface ReloadingEngine {
  onReload?(listener: () => void): () => void;
}

/** The engine's commit notifications plus a manual refresh (and the engine's own reload requests). */
export function createChangeSource(engine: Pick<Engine, 'subscribe'> & ReloadingEngine): ChangeSource {
  if (typeof engine?.subscribe !== 'function') {
    throw new TypeError('createChangeSource needs an engine with subscribe() / 需要支持 subscribe() 的引擎');
  }
  const listeners = new Set<ChangeListener>();
  let detach: (() => void) | null = null;
  const emit = (change: EngineChange | null) => {
    for (const listener of [...listeners]) listener(change);
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!detach) {
        const stopChanges = engine.subscribe(emit);
        const stopReloads = typeof engine.onReload === 'function' ? engine.onReload(() => emit(null)) : undefined;
        detach = () => {
          stopChanges();
          stopReloads?.();
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && detach) {
          detach();
          detach = null;
        }
      };
    },
    refresh: () => emit(null),
  };
}

export type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown };

export interface LiveQuery<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): QueryState<T>;
  reload(): void;
}

export function createLiveQuery<T>(source: ChangeSource, load: () => Promise<T>, relevant: (change: EngineChange) => boolean = () => true): LiveQuery<T> {
  let state: QueryState<T> = { status: 'loading', data: undefined, error: undefined };
  const listeners = new Set<() => void>();
  let detach: (() => void) | null = null;
  let running = false;
  let again = false;

  const set = (next: QueryState<T>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      try {
        const data = await load();
        if (!again) set({ status: 'ready', data, error: undefined });
      } catch (error) {
        if (!again) set({ status: 'error', data: state.data, error });
      }
    } while (again && listeners.size > 0);
    running = false;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!detach) {
        detach = source.subscribe((change) => {
          if (change === null || relevant(change)) void run();
        });
        void run();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && detach) {
          detach();
          detach = null;
        }
      };
    },
    getSnapshot: () => state,
    reload: () => void run(),
  };
}
