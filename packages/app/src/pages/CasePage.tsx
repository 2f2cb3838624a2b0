/**
 * One case: the case view with the actions the engine allows this actor now (each opening the region's
 * form, or the designer-published replacement the case pinned), the certificate it issued, its
 * history with the hash-chain check, and the lifecycle diagram with the current state highlighted.
 */
import type { FormRef, InstanceRecord } from '@nongan/engine';
import { CaseView, CertificateCard, ErrorNotice, LifecycleDiagram, Timeline, useInstance, type FormResolver } from '@nongan/react';
import { useCallback, useEffect, useState } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';
import { verifyUrlHere } from '../shell/verifyLink.js';
import { certificateOf } from './certificates.js';
import { PendingCommands } from './PendingCommands.js';

export function CasePage({ instanceId }: { instanceId: string }) {
  const { actor, runtime, locale } = usePortal();
  const t = useText();
  const instance = useInstance(instanceId);
  const pins = instance.data?.pins;
  // A form published elsewhere after this page loaded its catalogue is fetched before the case needs it.
  const [formsRead, setFormsRead] = useState(0);
  useEffect(() => {
    if (!pins) return;
    let live = true;
    runtime.forms.ensure(pins).then(
      (reread) => live && reread && setFormsRead((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [runtime, pins]);
  const formFor: FormResolver = useCallback(
    (_workflowId: string, _eventType: string, record: InstanceRecord, form: FormRef) => runtime.forms.definition(record.region, form.id, record.pins),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a re-read catalogue resolves anew
    [runtime, formsRead],
  );
  if (!actor) return null;
  const record = instance.data;
  const certificate = record ? certificateOf(record, verifyUrlHere) : null;
  return (
    <div className="portal-case" data-testid="case-page" data-state-key={record?.stateKey} data-status={record?.status}>
      <p>
        <a href="#/cases">← {t('casesTitle')}</a>
      </p>
      {instance.status === 'error' && !record && <ErrorNotice error={instance.error} />}
      {runtime.server && <PendingCommands engine={runtime.server.engine} instanceId={instanceId} {...(record ? { region: record.region } : {})} />}
      <CaseView key={`${instanceId}:${actor.id}`} instanceId={instanceId} actor={actor} formFor={formFor} />
      {certificate && (
        <section className="portal-card" aria-label={t('certificateTitle')}>
          <CertificateCard certificate={certificate} locale={locale} />
          <p>
            <a href={certificate.verifyUrl} data-testid="verify-link">
              {t('verifyTitle')}
            </a>
          </p>
        </section>
      )}
      <div className="portal-columns">
        <section className="portal-card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timelineTitle')}</h2>
          <Timeline instanceId={instanceId} />
        </section>
        {record && (
          <section className="portal-card" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{t('diagramTitle')}</h2>
            <LifecycleDiagram workflow={runtime.engine.workflow(record.workflowId, record.workflowVersion)} instance={record} locale={locale} />
          </section>
        )}
      </div>
    </div>
  );
}
