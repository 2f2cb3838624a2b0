/** `engine.importAll`: a dump is checked in full (shape, ownership, every hash chain) before the store sees it. */
import { EngineError } from '../errors.js';
import { checkDumpShape } from '../journal/checkDumpShape.js';
import { verifyDump } from '../journal/verifyDump.js';
import type { StoreDump } from '../store/store.js';
import type { EngineContext } from './context.js';

function assertDumpShape(dump: unknown): asserts dump is StoreDump {
  const problems = checkDumpShape(dump);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new EngineError(
      'invalid-input',
      { en: `the dump was refused, nothing was written: ${first.path || 'dump'} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, zh: `导入数据未通过校验，未写入任何数据：${first.path || 'dump'} ${first.messageZh}${problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : ''}` },
      { path: 'dump', problems },
    );
  }
}

export async function importVerified(ctx: EngineContext, dump: StoreDump): Promise<{ instances: number; journal: number }> {
  assertDumpShape(dump);
  const problems = await verifyDump(dump);
  if (problems.length > 0) {
    throw new EngineError(
      'invalid-input',
      { en: `the dump was refused, nothing was written: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, zh: `导入数据未通过校验，未写入任何数据：${problems[0]!.messageZh}${problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : ''}` },
      { problems },
    );
  }
  await ctx.store.importAll(dump);
  return { instances: dump.instances.length, journal: dump.journal.length };
}
