/**
 * One action being taken: its form (the caller's resolver picks the region's variant) rendered by
 * FormView, or a confirmation when the event carries no data. Returns and rejections must carry a
 * non-blank reason before they are sent; the engine then validates the data itself and its refusal
 * is shown as it states it. A decision also takes an optional opinion (审批意见), journaled with the
 * signer's name beside the data.
 */
import type { Opinion } from '@nongan/engine';
import type { FieldAccess, FormDefinition, FormController } from '@nongan/forms';
import { FormView } from '@nongan/forms/react';
import { useEffect, useRef, useState } from 'react';
import { shownError } from './engineErrors.js';
import { ErrorNotice } from './ErrorNotice.js';
import { isBlank, reasonFieldOf } from './reasons.js';
import { say, type Locale } from './text.js';

export interface ActionPanelProps {
  id: string;
  label: string;
  locale: Locale;
  /** The event names a form; `definition` is what the resolver returned for it (undefined: not found). */
  hasForm: boolean;
  definition: FormDefinition | undefined;
  needsReason: boolean;
  /** Offer the optional opinion (审批意见) field: for an official's decision, not a farm's own submission. */
  withOpinion?: boolean;
  submitting: boolean;
  error: unknown;
  /** The filler's field permissions at this step, and the values its read-only fields keep. */
  access?: Readonly<Record<string, FieldAccess>>;
  kept?: Record<string, unknown>;
  onSubmit: (data: Record<string, unknown> | undefined, opinion?: Opinion) => void;
  onRefuse: (error: unknown) => void;
  onCancel: () => void;
}

const REASON_REQUIRED = 'reason-required';

/** The widget's own refusal (before the engine is asked), shaped like an engine error. */
function reasonMissing(field: string) {
  return { name: 'EngineError', code: REASON_REQUIRED, message: say('reasonRequired', 'en'), messageZh: say('reasonRequired', 'zh-CN'), details: { issues: [{ path: `/${field}`, message: 'is required', messageZh: '必填' }] } };
}

export function ActionPanel(props: ActionPanelProps) {
  const { id, label, locale, hasForm, definition, needsReason, submitting, error, withOpinion = false } = props;
  const controller = useRef<FormController | null>(null);
  const [opinionText, setOpinionText] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const blocked = blockReason(hasForm, definition, needsReason);
  useEffect(() => headingRef.current?.focus(), []);
  // FormView runs onController inside an effect and returns its result as the cleanup: return nothing.
  const keepController = (c: FormController) => {
    controller.current = c;
  };
  const reasonKey = definition ? reasonFieldOf(Object.keys(definition.fields)) : undefined;

  const opinion = withOpinion && opinionText.trim() !== '' ? { text: opinionText.trim() } : undefined;
  const submit = () => {
    if (!hasForm) return props.onSubmit(undefined, opinion);
    const form = controller.current;
    if (!form) return;
    if (form.validateAll().length > 0) return;
    const data = form.getSubmittable();
    if (needsReason && reasonKey && isBlank(data[reasonKey])) return props.onRefuse(reasonMissing(reasonKey));
    props.onSubmit(data, opinion);
  };

  return (
    <section className="nw-action-panel" id={id} aria-labelledby={`${id}-title`} aria-busy={submitting}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {label}
      </h3>
      {needsReason && !blocked && <p className="nw-muted">{say('reasonRequired', locale)}</p>}
      {blocked && (
        <p className="nw-error" role="alert">
          {say(blocked, locale)}
        </p>
      )}
      {!blocked && !hasForm && <p>{say('confirmNoData', locale)}</p>}
      {!blocked && hasForm && definition && props.access && Object.values(props.access).includes('readOnly') && <p className="nw-muted">{say('keptReadOnly', locale)}</p>}
      {!blocked && hasForm && definition && (
        <FormView definition={definition} locale={locale} onController={keepController} {...(props.access ? { access: props.access } : {})} {...(props.kept ? { value: props.kept } : {})} />
      )}
      {!blocked && withOpinion && (
        <div className="nw-field">
          <label htmlFor={`${id}-opinion`}>{say('opinionOptional', locale)}</label>
          <textarea id={`${id}-opinion`} rows={3} maxLength={2000} value={opinionText} onChange={(e) => setOpinionText(e.target.value)} disabled={submitting} />
        </div>
      )}
      {error !== null && error !== undefined && <ErrorNotice error={error} {...(shownError(error).code === REASON_REQUIRED ? {} : { title: 'engineRefused' as const })} />}
      <div className="nw-action-buttons">
        <button type="button" className="nw-primary" onClick={submit} disabled={blocked !== null || submitting}>
          {submitting ? say('submitting', locale) : hasForm ? say('submit', locale) : say('confirm', locale)}
        </button>
        <button type="button" onClick={props.onCancel} disabled={submitting}>
          {say('cancel', locale)}
        </button>
      </div>
    </section>
  );
}

function blockReason(hasForm: boolean, definition: FormDefinition | undefined, needsReason: boolean): 'formMissing' | 'reasonFieldMissing' | null {
  if (hasForm && !definition) return 'formMissing';
  if (needsReason && (!definition || !reasonFieldOf(Object.keys(definition.fields ?? {})))) return 'reasonFieldMissing';
  return null;
}
