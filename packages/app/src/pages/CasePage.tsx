/**
 * One case: the case view with the actions the engine allows this actor now (each opening the region's
 * form, or the designer-published replacement the case pinned), the certificate it issued, its
 * history with the hash-chain check, and the lifecycle diagram with the current state highlighted.
 */
import type { FormRef, InstanceRecord } from '@nongan/engine';
import { CaseView, CertificateCard, ErrorNotice, LifecycleDiagram, Timeline, useInstance, type CertificateData, type FindPeople, type FormResolver, type PeopleQuery, type PersonOption } from '@nongan/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { demoPeople } from '../boot/demoPeople.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { verifyUrlHere } from '../shell/verifyLink.js';
import { certificateOf } from './certificates.js';
import { signedCertificateOf } from './serverCertificates.js';
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
  const record = instance.data;
  const certificate = useCertificate(record);
  const people = usePeople(record?.region);
  if (!actor) return null;
  return (
    <div className="portal-case" data-testid="case-page" data-state-key={record?.stateKey} data-status={record?.status}>
      <p>
        <a href="#/cases">← {t('casesTitle')}</a>
      </p>
      {instance.status === 'error' && !record && <ErrorNotice error={instance.error} />}
      {runtime.server && <PendingCommands engine={runtime.server.engine} instanceId={instanceId} {...(record ? { region: record.region } : {})} />}
      <CaseView key={`${instanceId}:${actor.id}`} instanceId={instanceId} actor={actor} formFor={formFor} {...people} />
      {certificate && (
        <section className="portal-card" aria-label={t('certificateTitle')}>
          <CertificateCard certificate={certificate} locale={locale} />
          {certificate.verifyUrl && (
            <p>
              <a href={certificate.verifyUrl} data-testid="verify-link">
                {t('verifyTitle')}
              </a>
            </p>
          )}
        </section>
      )}
      <div className="portal-columns">
        <section className="portal-card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timelineTitle')}</h2>
          <Timeline instanceId={instanceId} {...(record ? { formOf: (form: { id: string }) => runtime.forms.definition(record.region, form.id, record.pins) } : {})} />
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

/**
 * The people a task operation may name: on the server, asked per case and role (names of accounts
 * that may act on or see it); in the browser-only portal, the demo people of the case's region.
 */
function usePeople(region: string | undefined): { findPeople: FindPeople } | { people: PersonOption[] } {
  const { runtime } = usePortal();
  const connection = runtime.server?.connection;
  const findPeople: FindPeople = useCallback(
    async (query: PeopleQuery) => {
      const roles = query.roles ?? [undefined];
      const found = new Map<string, PersonOption>();
      for (const role of roles) {
        const params = { for: query.purpose, ...(role !== undefined ? { role } : {}) };
        const listed = await connection!.request<PersonOption[]>('GET', `/api/cases/${encodeURIComponent(query.instanceId)}/people`, undefined, { query: params });
        for (const person of listed) found.set(person.id, person);
      }
      const text = query.text.trim();
      return [...found.values()].filter((p) => text === '' || p.name.includes(text));
    },
    [connection],
  );
  const local = useMemo(() => demoPeople().filter((p) => p.region === region).map((p) => ({ id: p.id, name: p.name ?? p.id, roles: p.roles })), [region]);
  return connection ? { findPeople } : { people: local };
}

/**
 * The certificate the case issued: on the server with the QR on its signed verification address
 * (asked once the case has one), in the browser-only portal with the local code.
 */
function useCertificate(record: InstanceRecord | undefined): CertificateData | null {
  const { runtime } = usePortal();
  const connection = runtime.server?.connection;
  const local = record ? certificateOf(record, verifyUrlHere) : null;
  const [signed, setSigned] = useState<{ instanceId: string; certificate: CertificateData | null } | null>(null);
  const number = local?.number;
  useEffect(() => {
    if (!connection || !record || !number) return;
    let live = true;
    signedCertificateOf(connection, record, `${window.location.origin}${window.location.pathname}`).then(
      (certificate) => live && setSigned({ instanceId: record.id, certificate }),
      // Not signed yet (offline): the printed fields, with the number in the QR for a typed lookup.
      () => live && setSigned({ instanceId: record.id, certificate: withoutAddress(certificateOf(record, () => '')) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- signed once per case and number
  }, [connection, record?.id, number]);
  if (!connection) return local;
  return signed && signed.instanceId === record?.id ? signed.certificate : null;
}

function withoutAddress(certificate: CertificateData | null): CertificateData | null {
  if (!certificate) return null;
  const { verifyUrl: _url, ...printed } = certificate;
  return printed;
}
