/** `engine.importAll`: a dump is checked in full (shape, ownership, every hash chain) before the store sees it. */
import { EngineError } from '../errors.js';
import { verifyDump } from '../journal/verifyDump.js';
import type { StoreDump } from '../store/store.js';
import type { EngineContext } from './context.js';

function assertDumpShape(dump: unknown): asserts dump is StoreDump {
  const d = dump as Partial<Record<keyof StoreDump, unknown>> | null;
  const missing = (['instances', 'journal', 'timers', 'outbox'] as const).filter((k) => !Array.isArray(d?.[k]));
  if (typeof dump !== 'object' || dump === null || missing.length > 0) {
    throw new EngineError(
      'invalid-input',
      { en: `a dump needs the lists instances, journal, timers and outbox; missing or not a list: ${missing.join(', ')}`, zh: `导入数据须包含 instances、journal、timers、outbox 列表；缺少或不是列表：${missing.join('、')}` },
      { path: 'dump', missing },
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
