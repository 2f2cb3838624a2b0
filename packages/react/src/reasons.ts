/**
 * Returns and rejections must say why (seed 002: 资料不全、不实 → 退回). The engine does not mark such
 * events, so the widgets recognise them by name (RETURN…, REJECT…, …_RETURN, DENY, REFUSE); a host
 * can pass its own rule. The reason travels in the event's form, in a field whose key names a reason.
 */
const REASON_EVENT = /(^|_)(RETURN|REJECT|DENY|REFUSE|OBJECT)(_|$)/;

export type ReasonRule = (workflowId: string, eventType: string) => boolean;

export const defaultReasonRule: ReasonRule = (_workflowId, eventType) => REASON_EVENT.test(eventType.toUpperCase());

/** The field of a form that holds the reason: `reason`, or a key ending in `Reason` / `_reason`. */
export function reasonFieldOf(fieldKeys: readonly string[]): string | undefined {
  return fieldKeys.find((key) => key === 'reason') ?? fieldKeys.find((key) => /(Reason|_reason)$/.test(key));
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
