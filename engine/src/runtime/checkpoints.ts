/**
 * Making and checking signed checkpoints (`journal/checkpoint.ts`) over a store's checkpoint log.
 * `checkpoint()` anchors every head that moved since the last checkpoint; `verifyCheckpoints()` walks
 * the whole log (signatures, chain) and holds every case's journal to the last head anchored for it;
 * `caseAnchor()` is the same check for one case, inside `verify()`.
 */
import { EngineError, isEngineError } from '../errors.js';
import { checkpointProblem, sealCheckpoint, type CheckpointSigner, type HeadRef, type JournalCheckpoint } from '../journal/checkpoint.js';
import { GENESIS_HASH, type JournalProblem } from '../journal/journal.js';
import type { CheckpointLog } from '../store/store.js';
import type { JournalEntry } from '../types.js';
import type { EngineContext } from './context.js';

/** Heads anchored per checkpoint at most (a first checkpoint over a large store is made in several). */
const HEADS_PER_CHECKPOINT = 5_000;

export interface CheckpointReport {
  /** The checkpoints made (none when no head moved). */
  made: Array<Pick<JournalCheckpoint, 'seq' | 'at'> & { heads: number }>;
  /** Heads not anchored because the journal holds no such entry (a record pointing at a forged head). */
  refused: HeadRef[];
}

export interface CheckpointVerifyResult {
  ok: boolean;
  checkpoints: number;
  /** The last checkpoint whose signature, chain and heads all hold. */
  lastGood: Pick<JournalCheckpoint, 'seq' | 'at'> | null;
  /** A checkpoint that is not genuine, or a case (and its anchored entry `seq`) whose journal no longer holds it. */
  problems: Array<{ checkpoint: number; instanceId?: string; seq?: number; message: string; messageZh: string }>;
}

function setUp(ctx: EngineContext): { log: CheckpointLog; signer: CheckpointSigner } {
  const log = ctx.store.checkpoints;
  if (!log || !ctx.checkpointSigner) {
    throw new EngineError('invalid-input', {
      en: 'checkpoints need a store with a checkpoint log and createEngine({ checkpointSigner })',
      zh: '校验点需要支持校验点的存储和 createEngine({ checkpointSigner })',
    }, { path: 'checkpointSigner' });
  }
  return { log, signer: ctx.checkpointSigner };
}

export async function makeCheckpoints(ctx: EngineContext): Promise<CheckpointReport> {
  const { log, signer } = setUp(ctx);
  const report: CheckpointReport = { made: [], refused: [] };
  for (;;) {
    const moved = await log.unanchoredHeads(HEADS_PER_CHECKPOINT + report.refused.length);
    const heads: HeadRef[] = [];
    for (const { inJournal, ...head } of moved) {
      if (report.refused.some((r) => r.instanceId === head.instanceId)) continue;
      // Anchor only what the journal holds: a record whose head names no such entry is not vouched for.
      (inJournal ? heads : report.refused).push(head);
    }
    if (heads.length === 0) return report;
    const last = await log.last();
    const checkpoint = await sealCheckpoint(
      { seq: (last?.seq ?? 0) + 1, at: ctx.clock.now(), keyId: signer.keyId, prevHash: last?.hash ?? GENESIS_HASH, heads: heads.sort((a, b) => (a.instanceId < b.instanceId ? -1 : 1)) },
      signer,
    );
    await log.add(checkpoint);
    report.made.push({ seq: checkpoint.seq, at: checkpoint.at, heads: heads.length });
    if (moved.length < HEADS_PER_CHECKPOINT) return report;
  }
}

/** A problem if the journal no longer holds the anchored head `head` (cut, or re-written). */
function anchorProblem(head: HeadRef, entry: Pick<JournalEntry, 'hash'> | undefined, checkpoint: JournalCheckpoint): { en: string; zh: string } | null {
  const when = new Date(checkpoint.at).toISOString().slice(0, 10);
  if (!entry) {
    return {
      en: `entry ${head.seq} was anchored by signed checkpoint ${checkpoint.seq} (${when}) but is gone: the journal was cut`,
      zh: `第 ${head.seq} 条流水已由第 ${checkpoint.seq} 个签名校验点（${when}）锚定，现已不存在：流水被截断`,
    };
  }
  if (entry.hash !== head.hash) {
    return {
      en: `entry ${head.seq} differs from the one signed checkpoint ${checkpoint.seq} (${when}) anchored: the journal was re-written`,
      zh: `第 ${head.seq} 条流水与第 ${checkpoint.seq} 个签名校验点（${when}）锚定的不同：流水被改写`,
    };
  }
  return null;
}

/** The anchor check of one case: its latest checkpoint must be genuine and its head still in the journal. */
export async function caseAnchor(ctx: EngineContext, instanceId: string, entries: readonly JournalEntry[]): Promise<{ problems: JournalProblem[]; checkpoint?: Pick<JournalCheckpoint, 'seq' | 'at'> }> {
  const log = ctx.store.checkpoints;
  const signer = ctx.checkpointSigner;
  if (!log || !signer) return { problems: [] };
  const checkpoint = await log.latestOf(instanceId);
  if (!checkpoint) return { problems: [] };
  const head = checkpoint.heads.find((h) => h.instanceId === instanceId);
  const previous = checkpoint.seq > 1 ? ((await log.list(checkpoint.seq - 2, 1))[0] ?? null) : null;
  const broken = (await checkpointProblem(checkpoint, previous, signer)) ?? (head ? null : { message: `checkpoint ${checkpoint.seq} does not name this case`, messageZh: `第 ${checkpoint.seq} 个校验点未列出本案件` });
  if (broken) return { problems: [{ seq: head?.seq ?? 0, kind: 'checkpoint', message: broken.message, messageZh: broken.messageZh }] };
  const problem = anchorProblem(head!, entries.find((e) => e.seq === head!.seq), checkpoint);
  if (problem) return { problems: [{ seq: head!.seq, kind: 'checkpoint', message: problem.en, messageZh: problem.zh }] };
  return { problems: [], checkpoint: { seq: checkpoint.seq, at: checkpoint.at } };
}

/** The log's checkpoints in pages, in order. */
async function* pagesOf(log: CheckpointLog, size = 500): AsyncGenerator<JournalCheckpoint[]> {
  for (let after = 0; ; ) {
    const page = await log.list(after, size);
    yield page;
    if (page.length < size) return;
    after = page[page.length - 1]!.seq;
  }
}

/**
 * Checks checkpoints given in order (signature, chain) and holds each case's last anchored head to the
 * journal through `hashAt` (the hash of a case's entry, or undefined when it is gone). One walk for a
 * store's log and for a dump's list.
 */
export async function walkCheckpoints(
  pages: AsyncIterable<readonly JournalCheckpoint[]> | Iterable<readonly JournalCheckpoint[]>,
  signer: CheckpointSigner,
  hashAt: (instanceId: string, seq: number) => Promise<string | undefined>,
): Promise<CheckpointVerifyResult> {
  const problems: CheckpointVerifyResult['problems'] = [];
  const latest = new Map<string, { head: HeadRef; checkpoint: JournalCheckpoint }>();
  let previous: JournalCheckpoint | null = null;
  const times = new Map<number, number>();
  /** The first checkpoint that does not hold (itself, or a head it anchored). */
  let firstBad = Infinity;
  let count = 0;
  for await (const page of pages) {
    for (const checkpoint of page) {
      count += 1;
      times.set(checkpoint.seq, checkpoint.at);
      const broken = await checkpointProblem(checkpoint, previous, signer);
      if (broken) {
        problems.push(broken);
        firstBad = Math.min(firstBad, checkpoint.seq);
      } else for (const head of checkpoint.heads) latest.set(head.instanceId, { head, checkpoint });
      previous = checkpoint;
    }
  }
  for (const { head, checkpoint } of latest.values()) {
    const hash = await hashAt(head.instanceId, head.seq);
    const problem = anchorProblem(head, hash === undefined ? undefined : { hash }, checkpoint);
    if (problem) {
      problems.push({ checkpoint: checkpoint.seq, instanceId: head.instanceId, seq: head.seq, message: `case ${head.instanceId}: ${problem.en}`, messageZh: `案件 ${head.instanceId}：${problem.zh}` });
      firstBad = Math.min(firstBad, checkpoint.seq);
    }
  }
  const good = Math.min(firstBad - 1, count);
  const lastGood = good >= 1 && times.has(good) ? { seq: good, at: times.get(good)! } : null;
  return { ok: problems.length === 0, checkpoints: count, lastGood, problems };
}

export function verifyCheckpoints(ctx: EngineContext): Promise<CheckpointVerifyResult> {
  const { log, signer } = setUp(ctx);
  return walkCheckpoints(pagesOf(log), signer, async (id, seq) => (await ctx.store.getJournalEntry(id, seq))?.hash);
}

export interface Checkpointing {
  /** Stops the rounds and resolves when the one running (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Signs a checkpoint now and every `everyMs`, one round at a time. Two processes (or tabs) may take the
 * same number at once: the second's conflict is harmless (the first anchored the heads), so it waits
 * for its next round; other failures go to `onError`.
 */
export function startCheckpointing(ctx: EngineContext, everyMs: number, onError: (error: unknown) => void): Checkpointing {
  setUp(ctx);
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = running.then(() => makeCheckpoints(ctx)).then(
      () => undefined,
      (error) => void (isEngineError(error, 'conflict') || onError(error)),
    );
  };
  round();
  const timer = setInterval(round, everyMs);
  (timer as { unref?: () => void }).unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
