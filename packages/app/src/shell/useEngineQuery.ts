/**
 * A query over the engine, re-run after every committed step of this engine and when the demo clock
 * moves. For lists and dashboards; single cases use @nongan/react's hooks.
 */
import { useEffect, useRef, useState } from 'react';
import { usePortal } from './PortalContext.js';

export type QueryResult<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

export function useEngineQuery<T>(key: string, load: () => Promise<T>): QueryResult<T> {
  const { runtime, clockTick } = usePortal();
  const [result, setResult] = useState<QueryResult<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let alive = true;
    let pending = false;
    const run = () => {
      if (pending) return;
      pending = true;
      // Coalesce a burst of steps (seeding, timers) into one reload.
      queueMicrotask(() => {
        pending = false;
        loadRef.current().then(
          (data) => alive && setResult({ status: 'ready', data }),
          (error: unknown) => alive && setResult({ status: 'error', error }),
        );
      });
    };
    run();
    const unsubscribe = runtime.engine.subscribe(run);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [runtime, key, clockTick]);
  return result;
}
