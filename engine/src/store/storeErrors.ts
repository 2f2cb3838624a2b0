/** Errors every store adapter raises the same way, so the conformance suite can check them. */
import { EngineError } from '../errors.js';

export function conflictError(instanceId: string, expected: number | null, actual: number | null): EngineError {
  return new EngineError(
    'conflict',
    {
      en: `instance ${instanceId} is at revision ${actual ?? 'none'}, the change was made against ${expected ?? 'none (new)'}`,
      zh: `案件 ${instanceId} 当前版本为 ${actual ?? '无'}，提交所依据的版本为 ${expected ?? '无（新建）'}`,
    },
    { instanceId, expectedRevision: expected, actualRevision: actual, reason: 'stale-revision' },
  );
}

export function duplicateCommandError(commandId: string): EngineError {
  return new EngineError(
    'conflict',
    { en: `command ${commandId} was already applied`, zh: `指令 ${commandId} 已执行过` },
    { commandId, reason: 'duplicate-command' },
  );
}

export function duplicateKeyError(table: string, key: string): EngineError {
  return new EngineError(
    'conflict',
    { en: `${table} already holds ${key}`, zh: `${table} 中已存在 ${key}` },
    { table, key, reason: 'duplicate-key' },
  );
}
