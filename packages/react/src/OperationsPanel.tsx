/**
 * The task operations beside a case's actions: exactly what `engine.allowedOperations` offers the
 * actor now, each a button; 认领, 释放认领 and 已阅 are sent at one click, the others open their small
 * form. Each intended operation gets a fresh commandId, kept across a retry of the same form (the
 * engine applies a command once); refusals are shown as the engine states them. Operations that name
 * people from the host's list are offered only when the host supplies one.
 */
import { TASK_OPERATION_LABELS, type Actor, type AllowedOperations, type InstanceRecord, type TaskOperation, type TaskOperationName, type WorkflowDefinition } from '@nongan/engine';
import { useMachine } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { FormResolver } from './CaseView.js';
import { caseViewMachine, type SendEvent } from './caseViewMachine.js';
import { voteFormOfCase } from './countersignForm.js';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import type { LiveResult } from './hooks.js';
import { NEEDS_PEOPLE, OPERATION_FORMS } from './operationForms.js';
import { OperationForm } from './OperationForm.js';
import type { FindPeople, PersonOption } from './peopleModel.js';
import { pick, say } from './text.js';

export interface OperationsPanelProps {
  id: string;
  /** What the engine allows the actor now (the case view's live query). */
  allowed: LiveResult<AllowedOperations>;
  record: InstanceRecord;
  workflow: WorkflowDefinition;
  actor: Actor;
  formFor: FormResolver;
  people?: readonly PersonOption[] | undefined;
  findPeople?: FindPeople | undefined;
  onDone?: ((operation: TaskOperationName) => void) | undefined;
}

export function OperationsPanel({ id, allowed, record, workflow, actor, formFor, people, findPeople, onDone }: OperationsPanelProps) {
  const { engine, locale } = useEngineContext();
  const latest = useRef({ engine, actor, instanceId: record.id, onDone });
  latest.current = { engine, actor, instanceId: record.id, onDone };
  // The case view's machine, reused: its "event type" is the operation, its data the operation's fields.
  const operate: SendEvent = async ({ eventType, data, commandId }) => {
    const { engine, actor, instanceId, onDone } = latest.current;
    const result = await engine.operate(instanceId, { op: eventType, ...(data ?? {}) } as TaskOperation, { actor, commandId });
    onDone?.(eventType as TaskOperationName);
    return result;
  };
  const [ui, send] = useMachine(caseViewMachine, { input: { sendEvent: operate } });
  const done = useRef<HTMLParagraphElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const { eventType: chosen, error, lastDone } = ui.context;
  useEffect(() => {
    if (lastDone !== null) done.current?.focus();
  }, [lastDone]);

  const hasPeople = people !== undefined || findPeople !== undefined;
  const operations = (allowed.data?.operations ?? []).filter((op) => hasPeople || !NEEDS_PEOPLE.has(op));
  const op = chosen as TaskOperationName | null;
  const submitting = ui.matches('submitting');
  const open = (ui.matches('editing') || submitting) && op !== null;
  const vote = voteFormOfCase(workflow, record);
  const label = (name: TaskOperationName) => pick(TASK_OPERATION_LABELS[name], locale);
  // A workflow's own return event is often called 退回 too: the operation, which picks the step, reads "退回至…".
  const buttonLabel = (name: TaskOperationName) => (name === 'return' ? say('returnToButton', locale) : label(name));

  const choose = (name: TaskOperationName) => {
    send({ type: 'CHOOSE', eventType: name, commandId: globalThis.crypto.randomUUID() });
    if (OPERATION_FORMS[name] === 'one-click') send({ type: 'SUBMIT', data: {} });
  };
  const cancel = () => {
    send({ type: 'CANCEL' });
    if (op) buttons.current.get(op)?.focus();
  };

  return (
    <div className="nw-operations">
      <h3>{say('operations', locale)}</h3>
      {allowed.status === 'error' && <ErrorNotice error={allowed.error} />}
      {allowed.data && operations.length === 0 && <p>{say('noOperations', locale)}</p>}
      {operations.length > 0 && (
        <ul className="nw-ops">
          {operations.map((name) => (
            <li key={name}>
              <button
                type="button"
                data-op={name}
                aria-expanded={OPERATION_FORMS[name] === 'one-click' ? undefined : open && op === name}
                aria-controls={open && op === name && OPERATION_FORMS[name] !== 'one-click' ? `${id}-form` : undefined}
                disabled={submitting}
                ref={(b) => {
                  if (b) buttons.current.set(name, b);
                  else buttons.current.delete(name);
                }}
                onClick={() => choose(name)}
              >
                {submitting && op === name && OPERATION_FORMS[name] === 'one-click' ? say('submitting', locale) : buttonLabel(name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && OPERATION_FORMS[op] === 'one-click' && error !== null && (
        <section className="nw-op-panel" aria-label={label(op)} data-op={op}>
          <ErrorNotice error={error} title="engineRefused" />
          <button type="button" onClick={cancel}>
            {say('cancel', locale)}
          </button>
        </section>
      )}
      {open && OPERATION_FORMS[op] !== 'one-click' && (
        <OperationForm
          key={`${op}:${ui.context.commandId}`}
          id={`${id}-form`}
          op={op}
          locale={locale}
          workflow={workflow}
          record={record}
          actorId={actor.id}
          returnTargets={allowed.data?.returnTargets ?? []}
          people={people}
          findPeople={findPeople}
          voteForm={{ hasForm: vote !== undefined, definition: vote ? formFor(record.workflowId, vote.eventType, record, vote.form) : undefined }}
          submitting={submitting}
          error={error}
          onSubmit={(fields) => send({ type: 'SUBMIT', data: fields })}
          onRefuse={(refusal) => send({ type: 'REFUSE', error: refusal })}
          onCancel={cancel}
        />
      )}
      {lastDone !== null && ui.matches('idle') && (
        <p className="nw-success" role="status" tabIndex={-1} ref={done} data-op={lastDone}>
          {say('done', locale)}: {label(lastDone as TaskOperationName)}
        </p>
      )}
    </div>
  );
}
