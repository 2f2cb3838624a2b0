/**
 * `<ApprovalSheet instanceId>`: the case's approval sheet (审批单) — every decision and countersign
 * vote in order, with the step, what was decided, the signer's name, the opinion and the time — as a
 * table that prints alone on A4 (the certificate sheet's print helper), headed by the case and the
 * journal's hash-chain check the rows were read from.
 */
import { useId } from 'react';
import { approvalRows } from './approvalSheetModel.js';
import { useEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { useHistory, useInstance } from './hooks.js';
import type { NameOf } from './journalNames.js';
import { workflowTitle } from './labels.js';
import { printAlone } from './printAlone.js';
import type { FieldLabeler } from './timelineModel.js';
import { say } from './text.js';
import { subjectNameInCase, useSubjectName } from './subjectNames.js';

export interface ApprovalSheetProps {
  instanceId: string;
  /** People's names for account ids, where the journal did not record one. */
  actorName?: NameOf;
  /** Labels of the votes' form fields (e.g. `formFieldLabeler`): a score sheet's fields show by label. */
  fieldLabel?: FieldLabeler;
  /** Show the print button (default true). */
  printable?: boolean;
}

/** Prints the approval sheet alone. */
export const printApprovalSheet = (): void => printAlone('nw-printing-approval');

export function ApprovalSheet({ instanceId, actorName, fieldLabel, printable = true }: ApprovalSheetProps) {
  const { engine, locale, roleLabels } = useEngineContext();
  const subjectName = useSubjectName();
  const history = useHistory(instanceId);
  const instance = useInstance(instanceId);
  const id = useId();
  const failure = history.status === 'error' ? history.error : instance.status === 'error' ? instance.error : undefined;
  if (!history.data || !instance.data) {
    return (
      <section className="nw nw-approval" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{say('approvalSheet', locale)}</h2>
        {failure !== undefined ? <ErrorNotice error={failure} /> : <p aria-busy="true">{say('loading', locale)}</p>}
      </section>
    );
  }
  const record = instance.data;
  const workflow = engine.workflow(record.workflowId, record.workflowVersion);
  const rows = approvalRows(history.data.entries, (version) => engine.workflow(record.workflowId, version), locale, {
    roleLabels,
    ...(actorName ? { actorName } : {}),
    ...(fieldLabel ? { fieldLabel } : {}),
    ...(record.work ? { work: record.work } : {}),
  });
  const { verification } = history.data;

  return (
    <section className="nw nw-approval" aria-labelledby={`${id}-title`} lang={locale} data-rows={rows.length}>
      {printable && (
        <button type="button" className="nw-no-print" onClick={printApprovalSheet}>
          {say('printApproval', locale)}
        </button>
      )}
      <h2 id={`${id}-title`}>{say('approvalSheet', locale)}</h2>
      <div className="nw-approval-head">
        <span>
          {workflowTitle(workflow, locale)} · {subjectName(record.subject, subjectNameInCase(record))}
        </span>
        {record.caseNumber && (
          <span>
            {say('caseNumber', locale)}: {record.caseNumber}
          </span>
        )}
      </div>
      <p className={`nw-verify ${verification.ok ? 'nw-verify--ok' : 'nw-verify--bad'}`} data-verified={verification.ok}>
        {verification.ok ? '✔ ' : '✘ '}
        {say(verification.ok ? 'verifyOk' : 'verifyFailed', locale, { n: verification.ok ? verification.entries : verification.problems.length })}
      </p>
      {rows.length === 0 ? (
        <p>{say('sheetEmpty', locale)}</p>
      ) : (
        <table className="nw-table">
          <caption className="nw-visually-hidden">{say('approvalSheet', locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{say('colStep', locale)}</th>
              <th scope="col">{say('colDecision', locale)}</th>
              <th scope="col">{say('colSigner', locale)}</th>
              <th scope="col">{say('colOpinion', locale)}</th>
              <th scope="col">{say('colTime', locale)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.seq}-${i}`} data-seq={row.seq} data-kind={row.kind}>
                <td>{row.step}</td>
                <td>
                  {row.decision}
                  {row.data && <div className="nw-muted">{row.data}</div>}
                </td>
                <td>
                  {row.signer}
                  {row.kind !== 'outcome' && row.signer !== row.role && <div className="nw-muted">{row.role}</div>}
                </td>
                <td className="nw-approval-opinion">{row.opinion}</td>
                <td>
                  <time dateTime={`${row.when.replace(' ', 'T')}+08:00`}>{row.when}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
