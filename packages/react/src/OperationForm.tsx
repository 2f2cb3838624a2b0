/**
 * The small form of one task operation: a person picker (转办, 委派, 指派, 加签, 减签, 抄送), the step to
 * return to with the reason, a confirmation to withdraw, the panel of a countersign (named or drawn),
 * a vote (agree / disagree, or the countersign's own vote form through FormView), an opinion to hand
 * back, a note to chase. What the engine requires is checked here first; its refusal is shown as
 * it states it.
 */
import { TASK_OPERATION_LABELS, type InstanceRecord, type TaskOperationName, type WorkflowDefinition } from '@nongan/engine';
import type { FormController, FormDefinition } from '@nongan/forms';
import { FormView } from '@nongan/forms/react';
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from './ErrorNotice.js';
import { statePathLabel } from './labels.js';
import { buildOperation, emptyDraft, incompleteForm, OPERATION_FORMS, OPINION_REQUIRED, type OperationDraft } from './operationForms.js';
import { candidateRoles, type FindPeople, type PersonOption } from './peopleModel.js';
import { PersonPicker } from './PersonPicker.js';
import { pick, say, type Locale, type UiKey } from './text.js';

export interface OperationFormProps {
  id: string;
  op: TaskOperationName;
  locale: Locale;
  workflow: WorkflowDefinition;
  record: InstanceRecord;
  actorId: string;
  returnTargets: readonly string[];
  people?: readonly PersonOption[] | undefined;
  findPeople?: FindPeople | undefined;
  /** The running countersign's vote form: declared (`hasForm`) and what the resolver returned. */
  voteForm: { hasForm: boolean; definition: FormDefinition | undefined };
  submitting: boolean;
  error: unknown;
  onSubmit: (fields: Record<string, unknown>) => void;
  onRefuse: (error: unknown) => void;
  onCancel: () => void;
}

const PICKER_LEGEND: Partial<Record<TaskOperationName, UiKey>> = { 'add-signer': 'pickSigner', 'remove-signer': 'pickSigner', copy: 'pickCopy', countersign: 'pickSigners' };

export function OperationForm(props: OperationFormProps) {
  const { id, op, locale, workflow, record, actorId, returnTargets, submitting, error, voteForm } = props;
  const [draft, setDraft] = useState<OperationDraft>(emptyDraft);
  const set = (change: Partial<OperationDraft>) => setDraft((d) => ({ ...d, ...change }));
  const controller = useRef<FormController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const kind = OPERATION_FORMS[op];
  const label = pick(TASK_OPERATION_LABELS[op], locale);
  const running = record.work?.countersign;
  const votesByForm = op === 'vote' && voteForm.hasForm;
  const blocked = votesByForm && !voteForm.definition;

  const submit = () => {
    let data: Record<string, unknown> | undefined;
    if (votesByForm) {
      const form = controller.current;
      if (!form || form.validateAll().length > 0) return;
      data = form.getSubmittable();
    }
    const built = buildOperation(op, { ...draft, ...(data ? { data } : {}) });
    if (!built.ok) return props.onRefuse(incompleteForm(built.problem));
    const { op: _op, ...fields } = built.operation;
    props.onSubmit(fields);
  };

  // People the operation cannot name: oneself, and for 加签 those already signing.
  const exclude = new Set([actorId, ...(op === 'add-signer' ? (running?.signers ?? []).map((s) => s.id) : [])]);
  const pendingSigners: PersonOption[] = (running?.signers ?? []).filter((s) => !s.vote).map((s) => ({ id: s.id, name: s.name ?? say('someone', locale) }));
  const picker = (multiple: boolean, options?: readonly PersonOption[]) => (
    <PersonPicker
      id={id}
      legend={say(PICKER_LEGEND[op] ?? 'pickTo', locale)}
      multiple={multiple}
      operation={op}
      instanceId={record.id}
      roles={candidateRoles(op, workflow, record)}
      options={options}
      people={props.people}
      findPeople={props.findPeople}
      exclude={options ? new Set() : exclude}
      selected={draft.people}
      onChange={(people) => set({ people })}
      locale={locale}
      disabled={submitting}
    />
  );
  const required = OPINION_REQUIRED.has(op);
  const opinionLabel: UiKey = op === 'return' ? 'returnReason' : kind === 'note' || op === 'copy' ? 'note' : required ? 'opinion' : 'opinionOptional';

  return (
    <section className="nw-op-panel" id={id} aria-labelledby={`${id}-title`} aria-busy={submitting} data-op={op}>
      <h4 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {label}
      </h4>
      {blocked && (
        <p className="nw-error" role="alert">
          {say('voteFormMissing', locale)}
        </p>
      )}
      {(kind === 'person' && picker(false)) || (kind === 'people' && picker(true)) || (kind === 'signer' && picker(false, pendingSigners))}
      {op === 'return' && (
        <div className="nw-field">
          <label htmlFor={`${id}-target`}>{say('returnTo', locale)}</label>
          <select id={`${id}-target`} value={draft.target} onChange={(e) => set({ target: e.target.value })} disabled={submitting}>
            <option value="">{say('chooseOne', locale)}</option>
            {returnTargets.map((target) => (
              <option key={target} value={target}>
                {statePathLabel(workflow, target, locale)}
              </option>
            ))}
          </select>
        </div>
      )}
      {op === 'withdraw' && <p>{say('withdrawConfirm', locale)}</p>}
      {op === 'countersign' && (
        <>
          <fieldset className="nw-choice" disabled={submitting}>
            <legend>{say('signersHow', locale)}</legend>
            {(['named', 'drawn'] as const).map((how) => (
              <label key={how}>
                <input type="radio" name={`${id}-how`} value={how} checked={draft.how === how} onChange={() => set({ how, people: [] })} /> {say(how === 'named' ? 'signersNamed' : 'signersDrawn', locale)}
              </label>
            ))}
          </fieldset>
          {draft.how === 'named' ? (
            picker(true)
          ) : (
            <div className="nw-field">
              <label htmlFor={`${id}-draw`}>{say('drawCount', locale)}</label>
              <input id={`${id}-draw`} type="number" min={1} max={50} step={1} value={draft.draw} onChange={(e) => set({ draw: e.target.value })} disabled={submitting} />
            </div>
          )}
        </>
      )}
      {op === 'vote' && !votesByForm && (
        <fieldset className="nw-choice" disabled={submitting}>
          <legend>{say('voteDecision', locale)}</legend>
          {(['agree', 'disagree'] as const).map((decision) => (
            <label key={decision}>
              <input type="radio" name={`${id}-decision`} value={decision} checked={draft.decision === decision} onChange={() => set({ decision })} /> {say(decision, locale)}
            </label>
          ))}
        </fieldset>
      )}
      {votesByForm && voteForm.definition && (
        <>
          <p className="nw-muted">{say('voteByForm', locale)}</p>
          <FormView
            definition={voteForm.definition}
            locale={locale}
            onController={(c) => {
              controller.current = c;
            }}
          />
        </>
      )}
      {!blocked && kind !== 'one-click' && (
        <div className="nw-field">
          <label htmlFor={`${id}-opinion`}>{say(opinionLabel, locale)}</label>
          <textarea id={`${id}-opinion`} rows={3} maxLength={2000} required={required} aria-required={required} value={draft.opinion} onChange={(e) => set({ opinion: e.target.value })} disabled={submitting} />
          {required && <p className="nw-muted">{say('opinionRequired', locale)}</p>}
        </div>
      )}
      {error !== null && error !== undefined && <ErrorNotice error={error} {...((error as { code?: unknown }).code === 'incomplete' ? { title: 'widgetRefused' as const } : { title: 'engineRefused' as const })} />}
      <div className="nw-action-buttons">
        <button type="button" className="nw-primary" onClick={submit} disabled={blocked || submitting}>
          {submitting ? say('submitting', locale) : label}
        </button>
        <button type="button" onClick={props.onCancel} disabled={submitting}>
          {say('cancel', locale)}
        </button>
      </div>
    </section>
  );
}
