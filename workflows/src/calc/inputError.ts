/** Bilingual input errors of the pure calculations (EngineError `invalid-input`, as the engine's own). */
import { EngineError } from '@nongan/engine';

export function inputError(path: string, en: string, zh: string): EngineError {
  return new EngineError('invalid-input', { en, zh }, { path });
}

export function assertCount(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw inputError(path, `${path} must be a non-negative integer, got ${String(value)}`, `${path} 须为非负整数，实际为 ${String(value)}`);
  }
}
