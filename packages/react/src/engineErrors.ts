/**
 * An error from the engine as people read it: the engine's own Chinese and English messages and its
 * field issues, unchanged. Anything that is not an EngineError is shown by its message.
 */
import { isEngineError } from '@nongan/engine';

export interface ShownError {
  code: string;
  message: string;
  messageZh: string;
  issues: Array<{ path: string; message: string; messageZh?: string }>;
  /** The rule a business-rule refusal names (`seed 002 §二`). */
  rule?: string;
  /** The case that stands in the way of a refused start, to link to. */
  existing?: { instanceId: string; caseNumber?: string };
}

function ruleParts(details: Record<string, unknown>): Pick<ShownError, 'rule' | 'existing'> {
  const existing = details.existing as { instanceId?: unknown; caseNumber?: unknown } | undefined;
  return {
    ...(typeof details.rule === 'string' ? { rule: details.rule } : {}),
    ...(existing && typeof existing.instanceId === 'string'
      ? { existing: { instanceId: existing.instanceId, ...(typeof existing.caseNumber === 'string' ? { caseNumber: existing.caseNumber } : {}) } }
      : {}),
  };
}

function issuesOf(details: Record<string, unknown>): ShownError['issues'] {
  const raw = details.issues;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((i): i is { path: unknown; message: unknown; messageZh?: unknown } => typeof i === 'object' && i !== null)
    .map((i) => ({
      path: typeof i.path === 'string' ? i.path : '',
      message: typeof i.message === 'string' ? i.message : String(i.message),
      ...(typeof i.messageZh === 'string' ? { messageZh: i.messageZh } : {}),
    }));
}

export function shownError(error: unknown): ShownError {
  if (isEngineError(error)) return { code: error.code, message: error.message, messageZh: error.messageZh, issues: issuesOf(error.details), ...ruleParts(error.details) };
  // An EngineError from another copy of the engine module (e.g. two bundles) still has the same shape.
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'EngineError') {
    const e = error as { code?: unknown; message?: unknown; messageZh?: unknown; details?: unknown };
    return {
      code: String(e.code),
      message: String(e.message),
      messageZh: typeof e.messageZh === 'string' ? e.messageZh : String(e.message),
      issues: issuesOf((e.details ?? {}) as Record<string, unknown>),
      ...ruleParts((e.details ?? {}) as Record<string, unknown>),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'error', message, messageZh: message, issues: [] };
}
