/**
 * `<Timeline instanceId>`: the case's journal as readable history — who, in which role, did what,
 * when, the state before → after, the opinion with its signer and the data sent — headed by the
 * hash-chain check from `engine.verify`, with every problem it found listed. Task operations read as
 * sentences ("李审核 认领"), with a countersign's outcome. People are named, never shown by account id.
 */
import { useId } from 'react';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { useHistory, useInstance } from './hooks.js';
import { timelineRows, type FieldLabeler } from './timelineModel.js';
import type { FormPresentation } from './fieldValues.js';
import { say } from './text.js';

export interface TimelineProps {
  instanceId: string;
  /** Labels for data keys (e.g. from the event's form); keys are shown otherwise. */
  fieldLabel?: FieldLabeler;
  /** The form an entry was filled on: fields and options by their labels, the form by its title. */
  formOf?: (form: { id: string; version: string }) => FormPresentation | undefined;
  /** People's names for actor ids (the journal keeps ids, and names where people signed); the role is shown for a person never named. */
  actorName?: (actorId: string) => string | undefined;
  /** Newest first (default: oldest first, as the journal reads). */
  newestFirst?: boolean;
}

export function Timeline({ instanceId, fieldLabel, formOf, actorName, newestFirst = false }: TimelineProps) {
  const { engine, locale, roleLabels } = useEngineContext();
  const history = useHistory(instanceId);
  const instance = useInstance(instanceId);
  const id = useId();
  const data = history.data;

  const heading = (
    <h2 id={`${id}-title`}>
      {say('timeline', locale)}
      {instance.data?.caseNumber && <span className="nw-visually-hidden"> {instance.data.caseNumber}</span>}
    </h2>
  );
  if (!data || !instance.data) {
    return (
      <section className="nw nw-timeline" aria-labelledby={`${id}-title`}>
        {heading}
        {history.status === 'error' || instance.status === 'error' ? <ErrorNotice error={history.error ?? instance.error} /> : <p aria-busy="true">{say('verifying', locale)}</p>}
      </section>
    );
  }

  const workflowId = instance.data.workflowId;
  const rows = timelineRows(data.entries, (version) => engine.workflow(workflowId, version), locale, {
    roleLabels,
    ...(fieldLabel ? { fieldLabel } : {}),
    ...(formOf ? { formOf } : {}),
    ...(actorName ? { actorName } : {}),
    ...(instance.data.work ? { work: instance.data.work } : {}),
  });
  const ordered = newestFirst ? [...rows].reverse() : rows;
  const { verification } = data;

  return (
    <section className="nw nw-timeline" aria-labelledby={`${id}-title`} lang={locale}>
      {heading}
      <div className={`nw-verify ${verification.ok ? 'nw-verify--ok' : 'nw-verify--bad'}`} role="status" data-verified={verification.ok}>
        {verification.ok ? '✔ ' : '✘ '}
        {say(verification.ok ? 'verifyOk' : 'verifyFailed', locale, { n: verification.ok ? verification.entries : verification.problems.length })}
        {!verification.ok && (
          <ul>
            {verification.problems.map((p, i) => (
              <li key={i}>{locale === 'en' ? p.message : p.messageZh}</li>
            ))}
          </ul>
        )}
      </div>
      {history.status === 'error' && <ErrorNotice error={history.error} />}
      {ordered.length === 0 ? (
        <p>{say('timelineEmpty', locale)}</p>
      ) : (
        <ol>
          {ordered.map((row) => (
            <li key={row.seq} data-seq={row.seq} data-kind={row.kind}>
              <div className="nw-entry-head">
                {row.seq}. {row.what}
              </div>
              {row.effects.map((line) => (
                <p key={line} className="nw-entry-effect">
                  {line}
                </p>
              ))}
              <dl>
                <dt>{say('when', locale)}</dt>
                <dd>
                  <time dateTime={`${row.when.replace(' ', 'T')}+08:00`}>{row.when}</time>
                  {row.recordedLate && <span className="nw-muted"> ({row.recordedLate})</span>}
                </dd>
                <dt>{say('by', locale)}</dt>
                <dd data-actor={row.actorId}>{row.actorName === null ? row.roleText : `${row.actorName} · ${row.roleText}`}</dd>
                <dt>{say('transition', locale)}</dt>
                <dd>
                  {row.before === null ? '' : `${row.before} → `}
                  {row.after}
                </dd>
                {row.opinion && (
                  <>
                    <dt>{say('opinion', locale)}</dt>
                    <dd className="nw-opinion">{say('opinionBy', locale, { signer: row.opinion.signer, text: row.opinion.text })}</dd>
                  </>
                )}
                {row.data.length > 0 && (
                  <>
                    <dt>{say('data', locale)}</dt>
                    <dd>
                      <ul>
                        {row.data.map((d) => (
                          <li key={d.key}>
                            {d.key}: {d.value}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {row.withheld > 0 && <dd className="nw-muted nw-withheld">{say('withheld', locale, { n: row.withheld })}</dd>}
                {row.form && (
                  <>
                    <dt>{say('form', locale)}</dt>
                    <dd>{row.form}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
