/**
 * The committed steps of every server process on the database, as one stream for this process's
 * subscribers (the SSE connections). The store's step feed says exactly what was committed since the
 * last look (a late-committing transaction is never skipped). It is read every POLL_MS, and soon after
 * a step this process made. Steps send no PostgreSQL notification: NOTIFY would serialise every
 * commit on one lock (migration 0002), so another process's step arrives within one poll instead.
 */
import type { Engine, EngineChange } from '@nongan/engine';
import type { PostgresStore, StepPage } from '@nongan/engine/postgres';

export type StepListener = (page: StepPage) => void;

const POLL_MS = 250;
/** After a step of this process, the feed is read this soon (steps in between share one read). */
const AFTER_OWN_STEP_MS = 20;
const PAGE_LIMIT = 2_000;

export class LiveSteps {
  private cursor: string | null = null;
  private readonly listeners = new Set<StepListener>();
  private pulling: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: PostgresStore,
    private readonly engine: Engine,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.cursor = (await this.store.stepsSince(null)).cursor;
    this.unsubscribe = this.engine.subscribe(() => {
      this.soon ??= setTimeout(() => {
        this.soon = undefined;
        void this.pull();
      }, AFTER_OWN_STEP_MS);
    });
    this.poll = setInterval(() => void this.pull(), POLL_MS);
    this.poll.unref?.();
  }

  /** The position of the stream now: a client that starts here misses nothing after it. */
  get position(): string {
    if (this.cursor === null) throw new Error('LiveSteps.start() has not completed');
    return this.cursor;
  }

  subscribe(listener: StepListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** What was committed after `cursor` (a client reconnecting with its last event id). */
  since(cursor: string): Promise<StepPage> {
    return this.store.stepsSince(cursor, PAGE_LIMIT);
  }

  /** Reads what was committed since the last read and hands it to every subscriber; calls coalesce. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        try {
          if (this.cursor === null) return;
          const page = await this.store.stepsSince(this.cursor, PAGE_LIMIT);
          this.cursor = page.cursor;
          if (page.steps.length > 0 || page.overflow) for (const listener of [...this.listeners]) listener(page);
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
    })().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    if (this.soon) clearTimeout(this.soon);
    this.unsubscribe?.();
    await this.pulling;
    this.listeners.clear();
  }
}

export type { EngineChange };
