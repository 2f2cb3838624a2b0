/** Event data against the event's form, through the validator the host injected. */
import { EngineError } from '../errors.js';
import type { FormRef, InstanceRecord } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import type { EngineContext } from './context.js';

export async function checkEventData(
  ctx: EngineContext,
  workflow: WorkflowDefinition,
  eventType: string,
  form: FormRef | undefined,
  data: Record<string, unknown> | undefined,
  scope: Pick<InstanceRecord, 'region' | 'subject' | 'pins'> & { id?: string; stateKey?: string },
  role: string,
): Promise<{ id: string; version: string } | undefined> {
  if (!form) {
    if (data !== undefined && Object.keys(data).length > 0) {
      throw new EngineError(
        'invalid-data',
        { en: `${eventType} carries no data, but data was sent`, zh: `${eventType} 不接收数据，但提交了数据` },
        { eventType, issues: [{ path: '', message: 'unexpected data', messageZh: '不应提交数据' }] },
      );
    }
    return undefined;
  }
  if (!ctx.validate) {
    throw new EngineError('invalid-definition', {
      en: `${workflow.id} needs form ${form.id}, but the engine was created without a validate function`,
      zh: `${workflow.id} 需要表单 ${form.id}，但创建引擎时未提供 validate 校验函数`,
    });
  }
  let outcome;
  try {
    outcome = await ctx.validate(form, data ?? {}, {
      workflowId: workflow.id,
      workflowVersion: workflow.version,
      region: scope.region,
      subject: scope.subject,
      eventType,
      pins: scope.pins,
      // A case not yet started has no state and nothing earlier.
      state: scope.id === undefined ? null : (scope.stateKey ?? null),
      role,
      earlier: () => (scope.id === undefined ? Promise.resolve({}) : earlierValues(ctx, scope.id, form.id)),
    });
  } catch (error) {
    if (error instanceof EngineError) throw error;
    // The validator could not use the form (a broken definition): the form's fault, said as such.
    const issues = (error as { issues?: unknown }).issues;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'invalid-definition',
      { en: `form ${form.id} cannot be used: ${reason}`, zh: `表单 ${form.id} 无法使用：${reason}` },
      { eventType, form: form.id, issues: Array.isArray(issues) ? issues : [] },
    );
  }
  if (!outcome.ok) {
    const first = outcome.issues[0];
    throw new EngineError(
      'invalid-data',
      {
        // People read this: the issue's own text names the field by its label (the path and form id stay in details).
        en: `${outcome.issues.length} problem(s) in the data sent${first ? `, first: ${first.message}` : ''}`,
        zh: `提交的数据有 ${outcome.issues.length} 处问题${first ? `，首个：${first.messageZh ?? first.message}` : ''}`,
      },
      { eventType, form: form.id, formVersion: outcome.formVersion, issues: outcome.issues },
    );
  }
  return { id: form.id, version: outcome.formVersion };
}

/** What the case's earlier entries of `formId` hold, the latest value of each field. */
async function earlierValues(ctx: EngineContext, instanceId: string, formId: string): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const entry of await ctx.store.getJournal(instanceId)) {
    if (entry.form?.id === formId && entry.event.data) Object.assign(values, entry.event.data);
  }
  return values;
}
