/**
 * `<CaseView instanceId actor formFor>`: the case's current state in plain words, its deadlines in
 * working days, and the actions this actor may take now (asked of the engine: role, region, subject
 * and state). Each action opens its form; the engine's answer — accepted, or refused with its
 * reasons — is shown as it gives it; an official's decision may carry an opinion (审批意见). Beside
 * the actions, the task operations the engine allows the actor (claim, transfer, return, countersign,
 * copy …) and the work on the task (holder, delegate, the countersign's votes, copies, reminders).
 * The interaction runs on a small XState machine.
 */
import type { Actor, FormRef, InstanceRecord, TaskOperationName, WorkflowDefinition } from '@nongan/engine';
import type { FormDefinition } from '@nongan/forms';
import { useMachine } from '@xstate/react';
import { useEffect, useId, useRef } from 'react';
import { ActionPanel } from './ActionPanel.js';
import { caseViewMachine, type SendEvent } from './caseViewMachine.js';
import { voteFormOfCase } from './countersignForm.js';
import { dueText, describeDue } from './due.js';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { assertActor, useAllowedEvents, useAllowedOperations, useInstance, useJournal } from './hooks.js';
import { actingRole, keptValues, readOnlyKeys, stepAccess } from './stepAccess.js';
import { describeState, eventLabel, isDraft, workflowTitle } from './labels.js';
import { OperationsPanel } from './OperationsPanel.js';
import type { FindPeople, PersonOption } from './peopleModel.js';
import { defaultReasonRule, type ReasonRule } from './reasons.js';
import { pick, say, type Locale, type LocalText } from './text.js';
import { WorkStatus } from './WorkStatus.js';
import { CaseReceipt } from './CaseReceipt.js';
import { receiptOf } from './receiptModel.js';
import { chinaDateTime } from './timelineModel.js';
import { subjectNameInCase, useSubjectName } from './subjectNames.js';

/** Picks the form for an event of a case: the portal passes the region's variant here. */
export type FormResolver = (workflowId: string, eventType: string, instance: InstanceRecord, form: FormRef) => FormDefinition | undefined;

export interface CaseViewProps {
  instanceId: string;
  actor: Actor;
  formFor: FormResolver;
  /** Which events are returns or rejections (need a reason); default: by event name. */
  reasonRule?: ReasonRule;
  /** Called after the engine accepted an action. */
  onDone?: (eventType: string) => void;
  /**
   * The people task operations may name (转办, 委派, 指派, 会签, 抄送), by name: the engine has no people
   * listing for the client, so the app supplies its accounts, as a list or a search.
   */
  people?: readonly PersonOption[];
  findPeople?: FindPeople;
  /** Called after the engine accepted a task operation. */
  onOperated?: (operation: TaskOperationName) => void;
}

/** An official's decision (not a farm's own submission): it may carry an opinion, signed. */
function isDecision(workflow: WorkflowDefinition, eventType: string, actor: Actor): boolean {
  const roles = workflow.events[eventType]?.roles ?? [];
  return actor.roles.some((r) => roles.includes(r) && r !== 'system' && !workflow.access.subjectRoles.includes(r));
}

export function CaseView({ instanceId, actor, formFor, reasonRule = defaultReasonRule, onDone, people, findPeople, onOperated }: CaseViewProps) {
  assertActor(actor, 'CaseView');
  if (typeof formFor !== 'function') throw new TypeError('CaseView: formFor must be a function / formFor 须为函数');
  const { engine, locale, regionLabels, roleLabels } = useEngineContext();
  const subjectName = useSubjectName();
  const instance = useInstance(instanceId);
  const allowed = useAllowedEvents(instanceId, actor);
  const operations = useAllowedOperations(instanceId, actor);
  const latest = useRef({ engine, actor, instanceId, onDone });
  latest.current = { engine, actor, instanceId, onDone };
  const sendEvent: SendEvent = async ({ eventType, data, commandId, opinion }) => {
    const { engine, actor, instanceId, onDone } = latest.current;
    const result = await engine.send(instanceId, { type: eventType, ...(data ? { data } : {}) }, { actor, commandId, ...(opinion ? { opinion } : {}) });
    onDone?.(eventType);
    return result;
  };
  const [ui, send] = useMachine(caseViewMachine, { input: { sendEvent } });
  const id = useId();
  // Keyboard users keep their place: back to the action's button on cancel, to the result when done.
  const actionButtons = useRef(new Map<string, HTMLButtonElement>());
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const { lastDone: acceptedEvent } = ui.context;
  // The chosen step's form and the actor's permissions in it; read-only fields show what the case holds.
  const chosen = ui.matches('editing') || ui.matches('submitting') ? ui.context.eventType : null;
  const step = chosen !== null && instance.data ? stepFormOf(engine.workflow(instance.data.workflowId, instance.data.workflowVersion), formFor, instance.data, chosen, actor) : { definition: undefined, access: {} };
  const journal = useJournal(readOnlyKeys(step.access).length > 0 ? instanceId : null);
  useEffect(() => {
    if (acceptedEvent !== null) doneMessage.current?.focus();
  }, [acceptedEvent]);

  if (instance.status === 'error' && !instance.data) return <section className="nw nw-case"><ErrorNotice error={instance.error} /></section>;
  if (!instance.data) return <p className="nw" aria-busy="true">{say('loading', locale)}</p>;

  const record = instance.data;
  const workflow = engine.workflow(record.workflowId, record.workflowVersion);
  const events = record.status === 'done' ? [] : (allowed.data ?? []);
  const { eventType, error, lastDone, lastQueued } = ui.context;
  const open = ui.matches('editing') || ui.matches('submitting');
  const now = engine.clock.now();
  const vote = voteFormOfCase(workflow, record);
  const voteForm = vote ? formFor(record.workflowId, vote.eventType, record, vote.form) : undefined;
  const { definition, access } = step;
  const readOnly = readOnlyKeys(access);
  const kept = definition && readOnly.length > 0 && journal.data ? keptValues(journal.data, definition.id, readOnly) : undefined;

  return (
    <section className="nw nw-case" aria-labelledby={`${id}-title`} lang={locale}>
      <h2 id={`${id}-title`}>
        {workflowTitle(workflow, locale)} · {subjectName(record.subject, subjectNameInCase(record))}
      </h2>
      <dl>
        {record.caseNumber && (
          <>
            <dt>{say('caseNumber', locale)}</dt>
            <dd className="nw-case-number" data-testid="case-number">{record.caseNumber}</dd>
          </>
        )}
        <dt>{say('openedOn', locale)}</dt>
        <dd>{chinaDateTime(record.createdAt)}</dd>
        <dt>{say('currentState', locale)}</dt>
        <dd>
          <span className="nw-state">{describeState(workflow, record.state, locale)}</span>{' '}
          {isDraft(workflow, record) ? (
            <span className="nw-badge nw-badge--draft">{say('draft', locale)}</span>
          ) : (
            <span className={`nw-badge ${record.status === 'done' ? 'nw-badge--done' : ''}`}>{say(record.status === 'done' ? 'caseDone' : 'caseActive', locale)}</span>
          )}
        </dd>
        <dt>{say('region', locale)}</dt>
        <dd>{regionName(regionLabels, record.region, locale)}</dd>
        {record.timers.length > 0 && (
          <>
            <dt>{say('deadlines', locale)}</dt>
            <dd>
              <ul>
                {record.timers.map((timer) => {
                  const spec = workflow.deadlines.get(timer.statePath)?.[0];
                  const name = spec?.label ? pick(spec.label, locale) : spec ? eventLabel(workflow, spec.send, locale) : timer.statePath;
                  const due = describeDue(timer.dueAt, now, engine.calendar);
                  return (
                    <li key={timer.id} className={due.overdue ? 'nw-overdue' : undefined}>
                      {name}: {due.overdue && <span className="nw-badge nw-badge--overdue">{say('overdue', locale)}</span>}
                      <span className="nw-due">{dueText(due, locale)}</span>
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {instance.status === 'error' && <ErrorNotice error={instance.error} />}
      <WorkStatus record={record} claimable={operations.data?.operations.includes('claim') === true} locale={locale} voteForm={voteForm} roleLabels={roleLabels} />
      <div className="nw-case-columns">
        <div className="nw-case-actions">
          <h3>{say('actions', locale)}</h3>
          {allowed.status === 'error' && <ErrorNotice error={allowed.error} />}
          {events.length === 0 && allowed.status !== 'loading' && <p>{say('noActions', locale)}</p>}
          {events.length > 0 && (
            <ul className="nw-actions">
              {events.map((type) => (
                <li key={type}>
                  <button
                    type="button"
                    aria-expanded={open && eventType === type}
                    aria-controls={open && eventType === type ? `${id}-panel` : undefined}
                    disabled={ui.matches('submitting')}
                    ref={(button) => {
                      if (button) actionButtons.current.set(type, button);
                      else actionButtons.current.delete(type);
                    }}
                    onClick={() => send({ type: 'CHOOSE', eventType: type, commandId: globalThis.crypto.randomUUID() })}
                  >
                    {eventLabel(workflow, type, locale)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {open && eventType !== null && readOnly.length > 0 && !kept && <p aria-busy="true">{say('loading', locale)}</p>}
          {open && eventType !== null && (readOnly.length === 0 || kept) && (
            <ActionPanel
              key={`${eventType}:${ui.context.commandId}`}
              id={`${id}-panel`}
              label={eventLabel(workflow, eventType, locale)}
              locale={locale}
              hasForm={workflow.events[eventType]?.form !== undefined}
              definition={definition}
              {...(Object.keys(access).length > 0 ? { access } : {})}
              {...(kept ? { kept } : {})}
              needsReason={reasonRule(record.workflowId, eventType)}
              withOpinion={isDecision(workflow, eventType, actor)}
              submitting={ui.matches('submitting')}
              error={error}
              onSubmit={(data, opinion) => send({ type: 'SUBMIT', data, ...(opinion ? { opinion } : {}) })}
              onRefuse={(refusal) => send({ type: 'REFUSE', error: refusal })}
              onCancel={() => {
                send({ type: 'CANCEL' });
                actionButtons.current.get(eventType)?.focus();
              }}
            />
          )}
          {lastDone !== null && ui.matches('idle') && (
            <p className="nw-success" role="status" tabIndex={-1} ref={doneMessage} data-queued={lastQueued || undefined}>
              {say(lastQueued ? 'queued' : 'done', locale)}: {eventLabel(workflow, lastDone, locale)}
            </p>
          )}
          {lastDone !== null && !lastQueued && ui.matches('idle') && (
            <CaseReceipt receipt={receiptOf(workflow, record, { eventType: lastDone, at: record.updatedAt }, { locale, roleLabels, now, calendar: engine.calendar })} locale={locale} />
          )}
        </div>
        <OperationsPanel id={`${id}-ops`} allowed={operations} record={record} workflow={workflow} actor={actor} formFor={formFor} people={people} findPeople={findPeople} onDone={onOperated} />
      </div>
    </section>
  );
}

function stepFormOf(workflow: WorkflowDefinition, formFor: FormResolver, record: InstanceRecord, eventType: string, actor: Actor) {
  const definition = formOf(formFor, record, eventType, workflow.events[eventType]?.form);
  return { definition, access: stepAccess(definition, record, actingRole(workflow, eventType, actor)) };
}

function formOf(formFor: FormResolver, record: InstanceRecord, eventType: string, form: FormRef | undefined): FormDefinition | undefined {
  return form ? formFor(record.workflowId, eventType, record, form) : undefined;
}

function regionName(labels: Readonly<Record<string, LocalText>>, region: string, locale: Locale): string {
  const label = Object.hasOwn(labels, region) ? labels[region] : undefined;
  return label ? pick(label, locale) : region;
}
