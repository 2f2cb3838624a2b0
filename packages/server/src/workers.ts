/**
 * Background work every server process does: fire due deadlines and deliver cross-case messages. On
 * a database shared by several processes the engine claims each timer and message (SKIP LOCKED), so
 * no two do the same one; a notification from any process's commit wakes every worker at once, and
 * a slow poll catches up whatever a lost notification or a downtime left behind (late timers fire
 * with their own due time as the step time).
 */
import type { Engine, Scheduler } from '@nongan/engine';
import type { PostgresStore } from '@nongan/engine/postgres';

export interface Workers {
  stop(): Promise<void>;
  /** Resolves when the current run has finished (tests). */
  idle(): Promise<void>;
}

export async function startWorkers(engine: Engine, store: PostgresStore, pollMs = 10_000, checkpointEveryMs = 60_000): Promise<Workers> {
  const scheduler: Scheduler = engine.startScheduler({ pollMs });
  const unlisten = await Promise.all([store.onNotice('timers', () => scheduler.wake()), store.onNotice('outbox', () => scheduler.wake())]);
  // Signed checkpoints of the heads that moved (several processes may run them; see startCheckpoints).
  const checkpoints = engine.startCheckpoints({ everyMs: checkpointEveryMs });
  return {
    async stop() {
      await checkpoints.stop();
      await Promise.all(unlisten.map((stop) => stop()));
      scheduler.stop();
      await scheduler.idle();
      await engine.idle();
    },
    idle: () => scheduler.idle(),
  };
}
