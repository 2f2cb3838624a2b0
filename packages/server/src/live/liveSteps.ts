/**
 * The committed steps of every server process on the database, as one stream for this process's
 * subscribers (the SSE connections). A PostgreSQL notification says "something was committed"; the
 * store's step feed then says exactly what since the last look, so a lost notification only delays a
 * step until the next poll and a late-committing transaction is never skipped.
 */
import type { EngineChange } from '@nongan/engine';
import type { PostgresStore, StepPage } from '@nongan/engine/postgres';

export type StepListener = (page: StepPage) => void;

const POLL_MS = 2_000;
const PAGE_LIMIT = 2_000;

export class LiveSteps {
  private cursor: string | null = null;
  private readonly listeners = new Set<StepListener>();
  private pulling: Promise<void> | null = null;
  private again = false;
  private stopListening: (() => Promise<void>) | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: PostgresStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.cursor = (await this.store.stepsSince(null)).cursor;
    this.stopListening = await this.store.onNotice('steps', () => void this.pull());
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
    await this.stopListening?.();
    await this.pulling;
    this.listeners.clear();
  }
}

export type { EngineChange };
