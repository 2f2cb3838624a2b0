/**
 * The server's live stream of committed steps (`GET /api/events`, Server-Sent Events) as engine
 * change notices. EventSource reconnects by itself and sends `Last-Event-ID`, so the server resumes
 * after the last batch this page received: nothing is missed across a dropped connection. A `reset`
 * (too much happened while away) and every reconnect are passed on as `null`: "reload everything".
 */
import type { EngineChange } from '@nongan/engine';

export type StepListener = (change: EngineChange | null) => void;

/** The part of EventSource this uses (the browser's, or a package's in Node). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: string }) => void): void;
  close(): void;
  onerror: ((event: unknown) => void) | null;
  readonly readyState: number;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveSteps {
  subscribe(listener: StepListener): () => void;
  /** True while the stream is open (the portal's "live" indicator). */
  readonly connected: boolean;
  onConnection(listener: (connected: boolean) => void): () => void;
  close(): void;
}

export function createLiveSteps(url: string, open: EventSourceFactory): LiveSteps {
  const listeners = new Set<StepListener>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: EventSourceLike | null = null;
  let connected = false;
  let everConnected = false;

  const setConnected = (next: boolean) => {
    if (next === connected) return;
    connected = next;
    for (const listener of [...connectionListeners]) listener(next);
  };
  const emit = (change: EngineChange | null) => {
    for (const listener of [...listeners]) listener(change);
  };

  const connect = () => {
    source = open(url);
    const opened = () => {
      // After a reconnect the views reload once: steps of other processes may have been caught up
      // in one batch, and anything read while offline came from the device's cache.
      if (everConnected) emit(null);
      everConnected = true;
      setConnected(true);
    };
    source.addEventListener('ready', opened);
    source.addEventListener('open', opened);
    source.addEventListener('steps', (event) => {
      setConnected(true);
      let steps: unknown;
      try {
        steps = JSON.parse(event.data ?? '[]');
      } catch {
        return emit(null);
      }
      if (!Array.isArray(steps)) return emit(null);
      for (const step of steps as EngineChange[]) emit(step);
    });
    source.addEventListener('reset', () => emit(null));
    source.addEventListener('signed-out', () => {
      setConnected(false);
      source?.close();
      source = null;
    });
    source.onerror = () => setConnected(false);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
          setConnected(false);
        }
      };
    },
    get connected() {
      return connected;
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      source?.close();
      source = null;
      listeners.clear();
      setConnected(false);
    },
  };
}
