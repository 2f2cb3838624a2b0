/** A table of cases with their state in plain words; each row opens the case. */
import type { InstanceRecord } from '@nongan/engine';
import { describeState, isDraft, subjectNameInCase, useSubjectName, workflowTitle } from '@nongan/react';
import { toChinaDate } from '@nongan/engine';
import { usePortal, useText } from '../shell/PortalContext.js';
import { routeHash } from '../shell/routes.js';

export function CaseList({ cases, caption }: { cases: readonly InstanceRecord[]; caption: string }) {
  const { runtime, locale } = usePortal();
  const subjectName = useSubjectName();
  const t = useText();
  if (cases.length === 0) return <p>{t('noCases')}</p>;
  return (
    <table className="portal-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workflow')}</th>
          <th scope="col">{t('caseNumber')}</th>
          <th scope="col">{t('subject')}</th>
          <th scope="col">{t('state')}</th>
          <th scope="col">{t('updated')}</th>
          <th scope="col">
            <span className="nw-visually-hidden">{t('openCase')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const workflow = runtime.engine.workflow(c.workflowId, c.workflowVersion);
          const draft = isDraft(workflow, c);
          return (
            <tr key={c.id} data-case-id={c.id} data-state={c.stateKey}>
              <td>{workflowTitle(workflow, locale)}</td>
              <td className="nw-case-number">{c.caseNumber ?? '—'}</td>
              <td>{subjectName(c.subject, subjectNameInCase(c))}</td>
              <td>
                {describeState(workflow, c.state, locale)}
                {draft && <span className="nw-badge nw-badge--draft">{t('draftBadge')}</span>}
              </td>
              <td>{toChinaDate(c.updatedAt)}</td>
              <td>
                <a href={routeHash({ page: 'case', instanceId: c.id })}>{t('openCase')}</a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
