/**
 * Background work every server process does: fire due deadlines and deliver cross-case messages. On
 * a database shared by several processes the engine claims each timer and message (SKIP LOCKED), so
 * no two do the same one; a notification from any process's commit wakes every worker at once, and
 * a slow poll catches up whatever a lost notification or a downtime left behind (late timers fire
 * with their own due time as the step time).
 */
import { isEngineError, type Engine, type Scheduler } from '@nongan/engine';
import type { PostgresStore } from '@nongan/engine/postgres';

export interface Workers {
  stop(): Promise<void>;
  /** Resolves when the current run has finished (tests). */
  idle(): Promise<void>;
}

export async function startWorkers(engine: Engine, store: PostgresStore, pollMs = 10_000, checkpointEveryMs = 60_000, onError: (error: unknown) => void = console.error): Promise<Workers> {
  const scheduler: Scheduler = engine.startScheduler({ pollMs });
  const unlisten = await Promise.all([store.onNotice('timers', () => scheduler.wake()), store.onNotice('outbox', () => scheduler.wake())]);
  // Signed checkpoints of the heads that moved. Two processes may try the same number at once: the
  // second's conflict is harmless (the first anchored the heads), so it waits for the next round.
  let checkpointing: Promise<void> = Promise.resolve();
  const checkpoint = () => {
    checkpointing = checkpointing.then(() => engine.checkpoint()).then(
      () => undefined,
      (error) => void (isEngineError(error, 'conflict') || onError(error)),
    );
  };
  checkpoint();
  const timer = setInterval(checkpoint, checkpointEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await checkpointing;
      await Promise.all(unlisten.map((stop) => stop()));
      scheduler.stop();
      await scheduler.idle();
      await engine.idle();
    },
    idle: () => scheduler.idle(),
  };
}
