/**
 * Moving running cases to another workflow version. Cases pin their version at start, so nothing
 * moves unless someone asks; a dry run reports what would move and what cannot, with the reason.
 */
import type { StateValue } from 'xstate';
import { EngineError, isEngineError } from '../errors.js';
import type { Actor } from '../types.js';
import { leafPaths, stateKeyOf, stateNodesByPath } from '../workflow/introspect.js';
import { commitChange } from './commit.js';
import type { EngineContext } from './context.js';
import { loadInstance } from './commands.js';
import { buildMigration } from './transition.js';
import { assertActor } from './validateInput.js';

export interface MigrateOptions {
  actor: Actor;
  /** Old state path → new state path, for states renamed or removed in the target version. */
  stateMap?: Record<string, string>;
  dryRun?: boolean;
}

export interface MigrationReport {
  dryRun: boolean;
  toVersion: number;
  moved: Array<{ instanceId: string; fromVersion: number; from: string; to: string }>;
  cannot: Array<{ instanceId: string; reason: string; reasonZh: string }>;
}

function valueOfPaths(paths: string[]): StateValue {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let node = root;
    parts.slice(0, -1).forEach((part) => {
      node = (node[part] ??= {}) as Record<string, unknown>;
    });
    node[parts[parts.length - 1]!] = {};
  }
  const collapse = (node: Record<string, unknown>): StateValue => {
    const entries = Object.entries(node);
    if (entries.length === 1 && Object.keys(entries[0]![1] as object).length === 0) return entries[0]![0];
    return Object.fromEntries(entries.map(([k, v]) => [k, Object.keys(v as object).length === 0 ? {} : collapse(v as Record<string, unknown>)])) as StateValue;
  };
  return collapse(root);
}

export async function migrateInstances(
  ctx: EngineContext,
  ids: readonly string[],
  toVersion: number,
  options: MigrateOptions,
  migrateRoles: readonly string[],
): Promise<MigrationReport> {
  assertActor(options?.actor);
  const role = options.actor.roles.find((r) => migrateRoles.includes(r));
  if (!role) {
    throw new EngineError(
      'forbidden',
      { en: `migration needs one of the roles ${migrateRoles.join(', ')}`, zh: `迁移需要以下角色之一：${migrateRoles.join('、')}` },
      { reason: 'role', allowedRoles: migrateRoles },
    );
  }
  if (!Array.isArray(ids) || !Number.isInteger(toVersion)) {
    throw new EngineError('invalid-input', { en: 'migrate(ids: string[], toVersion: integer, options)', zh: 'migrate 参数应为 (编号列表, 整数版本, 选项)' });
  }
  const report: MigrationReport = { dryRun: options.dryRun ?? false, toVersion, moved: [], cannot: [] };
  const refuse = (instanceId: string, en: string, zh: string) => report.cannot.push({ instanceId, reason: en, reasonZh: zh });

  for (const instanceId of ids) {
    try {
      const { record } = await loadInstance(ctx, instanceId, { forWrite: true });
      if (record.status !== 'active') {
        refuse(instanceId, 'the case has finished', '案件已办结');
        continue;
      }
      if (record.workflowVersion === toVersion) {
        refuse(instanceId, `the case already runs version ${toVersion}`, `案件已在版本 ${toVersion}`);
        continue;
      }
      const target = ctx.registry.get(record.workflowId, toVersion);
      const nodes = stateNodesByPath(target.machine);
      const mapped = leafPaths(record.state).map((p) => options.stateMap?.[p] ?? p);
      const missing = mapped.filter((p) => !nodes.has(p));
      if (missing.length > 0) {
        refuse(instanceId, `state ${missing.join(', ')} does not exist in version ${toVersion}; map it with stateMap`, `版本 ${toVersion} 中没有状态 ${missing.join('、')}，请在 stateMap 中指定对应状态`);
        continue;
      }
      const snapshot = target.machine.resolveState({ value: valueOfPaths(mapped), context: record.context as Record<string, unknown> });
      const to = stateKeyOf(snapshot.value);
      if (!report.dryRun) {
        const { change, result } = await buildMigration(
          ctx,
          {
            workflow: target,
            kind: 'migrate',
            actor: { id: options.actor.id, role },
            // The state map is journalled: a replay renames the same deadlines.
            event: { type: 'migrate', data: { fromVersion: record.workflowVersion, toVersion, from: record.stateKey, to, stateMap: options.stateMap ?? {} } },
            commandId: ctx.newId(),
            at: ctx.clock.now(),
          },
          record,
          snapshot,
          options.stateMap ?? {},
          await ctx.store.timersOf(record.id),
        );
        await commitChange(ctx, change, result);
      }
      report.moved.push({ instanceId, fromVersion: record.workflowVersion, from: record.stateKey, to });
    } catch (error) {
      if (!isEngineError(error)) throw error;
      refuse(instanceId, error.message, error.messageZh);
    }
  }
  return report;
}
