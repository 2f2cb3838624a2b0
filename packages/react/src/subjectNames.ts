/**
 * What a case's subject (the farm, the producer) is called on screen. The host knows its register
 * (`EngineProvider subjectName`); otherwise the case's own data names it (the application's farm
 * name, a batch's producer). The subject id is only the last resort, for a case that names nobody.
 */
import type { InstanceRecord } from '@nongan/engine';
import { useOptionalEngineContext } from './EngineProvider.js';

/** The name a case's data gives its subject (`farmName`, `subjectName`, `batch.producerName`), if any. */
export function subjectNameInCase(instance: Pick<InstanceRecord, 'context'>): string | null {
  const context = (typeof instance.context === 'object' && instance.context !== null ? instance.context : {}) as Record<string, unknown>;
  const batch = (typeof context.batch === 'object' && context.batch !== null ? context.batch : {}) as Record<string, unknown>;
  const named = [context.farmName, context.subjectName, batch.producerName].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return named ?? null;
}

/** `(subject, nameInCase)` → the name to show: the host's register first, then the case's own. */
export function useSubjectName(): (subject: string, nameInCase?: string | null) => string {
  const lookup = useOptionalEngineContext()?.subjectName;
  return (subject, nameInCase) => lookup?.(subject) ?? nameInCase ?? subject;
}
