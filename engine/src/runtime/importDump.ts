/**
 * `engine.checkDump` and `engine.importAll`: a dump is checked in full — shape, ownership, every hash
 * chain, then every case replayed through its workflow against its record and timer rows — before the
 * store sees any of it.
 */
import { EngineError } from '../errors.js';
import { checkDumpShape } from '../journal/checkDumpShape.js';
import { verifyDump, type DumpProblem } from '../journal/verifyDump.js';
import type { StoreDump } from '../store/store.js';
import type { JournalEntry, TimerRecord } from '../types.js';
import type { EngineContext } from './context.js';
import { replayCase } from './replayCase.js';
import { walkCheckpoints } from './checkpoints.js';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Everything wrong with `dump` (empty when nothing is), at most `maxProblems`, paths relative to the dump. */
export async function checkDump(ctx: EngineContext, dump: unknown, maxProblems = 50): Promise<DumpProblem[]> {
  const shape = checkDumpShape(dump, maxProblems);
  if (shape.length > 0) return shape;
  const valid = dump as StoreDump;
  const chains = await verifyDump(valid, maxProblems);
  if (chains.length > 0) return chains;
  const problems: DumpProblem[] = [];
  const journals = groupBy<JournalEntry>(valid.journal, (e) => e.instanceId);
  const timers = groupBy<TimerRecord>(valid.timers, (t) => t.instanceId);
  problems.push(...(await checkpointsOfDump(ctx, valid)));
  const now = ctx.clock.now();
  for (const instance of valid.instances) {
    if (problems.length >= maxProblems) break;
    const entries = (journals.get(instance.id) ?? []).sort((a, b) => a.seq - b.seq);
    for (const p of await replayCase(ctx, instance, entries, timers.get(instance.id) ?? [], now)) {
      problems.push({ path: `/instances/${instance.id}${p.field ? `/${p.field.split(',')[0]}` : ''}`, message: `case ${instance.id}: ${p.message}`, messageZh: `案件 ${instance.id}：${p.messageZh}` });
    }
  }
  return problems.slice(0, maxProblems);
}

/**
 * The dump's signed checkpoints, when this engine can check them: each genuine and following the one
 * before, and each case's last anchored head still in the dump's journal (a cut or re-written history,
 * or a case removed from the dump, is refused).
 */
async function checkpointsOfDump(ctx: EngineContext, dump: StoreDump): Promise<DumpProblem[]> {
  const signer = ctx.checkpointSigner;
  const checkpoints = dump.checkpoints ?? [];
  if (!signer || checkpoints.length === 0) return [];
  const hashes = new Map(dump.journal.map((e) => [`${e.instanceId}#${e.seq}`, e.hash]));
  const walked = await walkCheckpoints([checkpoints], signer, async (id, seq) => hashes.get(`${id}#${seq}`));
  return walked.problems.map(({ checkpoint, instanceId, seq, message, messageZh }) => ({
    path: instanceId === undefined ? `/checkpoints/${checkpoint - 1}` : `/journal/${instanceId}/${seq}`,
    message,
    messageZh,
  }));
}

function refused(problems: readonly DumpProblem[]): EngineError {
  const first = problems[0]!;
  const more = problems.length > 1 ? { en: ` (and ${problems.length - 1} more)`, zh: `（另有 ${problems.length - 1} 处）` } : { en: '', zh: '' };
  return new EngineError(
    'invalid-input',
    { en: `the dump was refused, nothing was written: ${first.path ? `${first.path} ` : ''}${first.message}${more.en}`, zh: `导入数据未通过校验，未写入任何数据：${first.messageZh}${more.zh}` },
    { path: first.path || 'dump', problems },
  );
}

export async function importVerified(ctx: EngineContext, dump: StoreDump): Promise<{ instances: number; journal: number }> {
  const problems = await checkDump(ctx, dump);
  if (problems.length > 0) throw refused(problems);
  await ctx.store.importAll(dump);
  return { instances: dump.instances.length, journal: dump.journal.length };
}
