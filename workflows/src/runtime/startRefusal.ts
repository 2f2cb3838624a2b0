/**
 * A start rule's refusal: a business rule (`rule-refused`), not a form problem. It names the rule,
 * its numbers and the case in the way, so the portal can link to that case.
 */
import { EngineError, type InstanceRecord } from '@nongan/engine';

export interface StartRefusal {
  /** The seed and section the rule comes from. */
  rule: string;
  message: string;
  messageZh: string;
  /** The case that stands in the way, for a link to it. */
  existing?: { instanceId: string; caseNumber?: string };
}

/** The refusal as the engine's error: `rule-refused`, with the rule and the existing case in its details. */
export function refusalError(refusal: StartRefusal): EngineError {
  return new EngineError('rule-refused', { en: refusal.message, zh: refusal.messageZh }, { rule: refusal.rule, ...(refusal.existing ? { existing: refusal.existing } : {}) });
}

export function existingOf(record: InstanceRecord): StartRefusal['existing'] {
  return { instanceId: record.id, ...(record.caseNumber ? { caseNumber: record.caseNumber } : {}) };
}

/** `（受理编号 北京-2026-000012）` when the case has a number. */
export function numbered(record: InstanceRecord, locale: 'zh' | 'en'): string {
  if (!record.caseNumber) return '';
  return locale === 'zh' ? `（受理编号 ${record.caseNumber}）` : ` (case ${record.caseNumber})`;
}
