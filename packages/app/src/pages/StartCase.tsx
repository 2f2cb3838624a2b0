/**
 * A farm opens a case of one of its region's lifecycles: the start form (the region's variant, or the
 * designer-published replacement in force today), then `engine.start` with the parameter version and
 * form versions in force pinned. The engine validates the data and applies the start rules (one open
 * certification per farm, the re-application ban); its refusal is shown as it states it.
 */
import type { Actor, WorkflowDefinition } from '@nongan/engine';
import type { FormController } from '@nongan/forms';
import { FormView } from '@nongan/forms/react';
import { ErrorNotice, workflowTitle } from '@nongan/react';
import { pinsFor } from '@nongan/workflows';
import { useRef, useState } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';

export interface StartCaseProps {
  workflow: WorkflowDefinition;
  actor: Actor;
  region: string;
  subject: string;
  onStarted: (instanceId: string) => void;
}

export function StartCase({ workflow, actor, region, subject, onStarted }: StartCaseProps) {
  const { runtime, locale } = usePortal();
  const t = useText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<FormController | null>(null);
  // One commandId per opened form (set when it opens): a retry after a lost reply starts one case.
  const commandId = useRef('');
  const formId = workflow.start.form?.id;
  const definition = open && formId ? runtime.forms.startDefinition(region, formId) : undefined;

  const submit = async () => {
    setError(null);
    let data: Record<string, unknown> | undefined;
    if (formId) {
      const form = controller.current;
      if (!form || form.validateAll().length > 0) return;
      data = form.getSubmittable();
    }
    setBusy(true);
    try {
      const now = runtime.clock.now();
      const result = await runtime.engine.start(workflow.id, {
        actor,
        region,
        subject,
        ...(data ? { data } : {}),
        pins: { ...pinsFor(region, now), ...runtime.forms.pinsForNewCase(region) },
        commandId: commandId.current,
      });
      setOpen(false);
      onStarted(result.instanceId);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = workflowTitle(workflow, locale);
  if (!open) {
    return (
      <button
        type="button"
        data-start={workflow.id}
        onClick={async () => {
          // Forms published a moment ago in the designer are used at once by this new case.
          await runtime.forms.reload();
          commandId.current = crypto.randomUUID();
          setOpen(true);
        }}
      >
        {t('startButton')}: {title}
      </button>
    );
  }
  return (
    <section className="portal-start" aria-label={title} data-start-form={workflow.id}>
      <h3>{title}</h3>
      {formId && definition && <FormView definition={definition} locale={locale} onController={(c) => {
            controller.current = c;
          }} />}
      {formId && !definition && <p role="alert">{formId}: form missing / 表单缺失</p>}
      {error !== null && <ErrorNotice error={error} />}
      <div className="portal-buttons">
        <button type="button" className="portal-primary" onClick={submit} disabled={busy}>
          {t('startButton')}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          ✕
        </button>
      </div>
    </section>
  );
}
