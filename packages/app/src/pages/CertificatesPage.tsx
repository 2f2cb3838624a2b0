/**
 * A producer's certificates for a day (issue 14 item 5): the batches ready to issue, issued together
 * with one commitment, and the day's issued certificates printed together, on A4 or on a label
 * printer's 100×70 mm or 60×40 mm labels. On the server each QR carries the server-signed address.
 */
import { toChinaDate, type InstanceRecord } from '@nongan/engine';
import { CertificateSheet, ErrorNotice, SHEET_SIZES, type CertificateData, type SheetSize } from '@nongan/react';
import type { BatchContext } from '@nongan/workflows';
import { useEffect, useState } from 'react';
import { local } from '../shell/i18n.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { actsForFarm } from '../shell/session.js';
import { useEngineQuery } from '../shell/useEngineQuery.js';
import { verifyUrlHere } from '../shell/verifyLink.js';
import { certificateOf, unitName } from './certificates.js';
import { signedCertificatesOf } from './serverCertificates.js';

const SIZE_NAMES: Record<SheetSize, { zh: string; en: string }> = {
  a4: { zh: 'A4 纸（每页一张）', en: 'A4 (one per page)' },
  '100x70': { zh: '标签 100×70 毫米', en: 'Label 100×70 mm' },
  '60x40': { zh: '标签 60×40 毫米', en: 'Label 60×40 mm' },
};

const batchOf = (c: InstanceRecord) => (c.context as BatchContext).batch;

export function CertificatesPage() {
  const { session, actor, runtime, locale } = usePortal();
  const t = useText();
  const farmId = session && actsForFarm(session.role) ? session.farmId : undefined;
  const [day, setDay] = useState(() => toChinaDate(runtime.clock.now()));
  const [size, setSize] = useState<SheetSize>('a4');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [committed, setCommitted] = useState(false);
  const [issuing, setIssuing] = useState<{ done: number; of: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const cases = useEngineQuery(`certificates:${farmId ?? ''}`, async () =>
    farmId ? runtime.engine.query({ workflowId: 'selfInspectToCertificate', subject: farmId, limit: 2000 }) : [],
  );
  const all = cases.status === 'ready' ? cases.data : [];
  const ready = all.filter((c) => c.stateKey === 'readyToIssue');
  // Only certificates in force are printed: a revoked or fake one is not.
  const issued = all.filter((c) => c.stateKey === 'certified' && (c.context as BatchContext).certificate?.issuedOn === day).sort((a, b) => a.createdAt - b.createdAt);
  const sheet = useSheet(issued);

  if (!session || !actor || !farmId) return <p className="portal-card">{t('needSignIn')}</p>;

  const choose = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function issueChosen() {
    const targets = ready.filter((c) => chosen.has(c.id));
    setFailure(null);
    setIssuing({ done: 0, of: targets.length });
    try {
      for (const [i, c] of targets.entries()) {
        // One command id per batch: a retry after a lost reply issues nothing twice.
        await runtime.engine.send(c.id, { type: 'ISSUE_CERTIFICATE', data: { issuedOn: day, quantity: batchOf(c).quantity, commitmentAccepted: true } }, { actor: actor!, commandId: `issue-${c.id}-${day}` });
        setIssuing({ done: i + 1, of: targets.length });
      }
      setChosen(new Set());
    } catch (error) {
      setFailure(error);
    } finally {
      setIssuing(null);
    }
  }

  const l = (text: { zh: string; en: string }) => local(text, locale);
  return (
    <div className="portal-certificates" data-testid="certificates-page">
      <section className="portal-card nw-no-print" aria-labelledby="cert-day-title">
        <h1 id="cert-day-title">{t('certificatesTitle')}</h1>
        <label>
          {t('certificatesDay')}{' '}
          <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
      </section>

      <section className="portal-card nw-no-print" aria-labelledby="cert-ready-title">
        <h2 id="cert-ready-title">{t('certificatesReady', { n: ready.length })}</h2>
        {cases.status === 'error' && <ErrorNotice error={cases.error} />}
        {ready.length === 0 ? (
          <p>{t('certificatesNoneReady')}</p>
        ) : (
          <form onSubmit={(e) => { e.preventDefault(); void issueChosen(); }}>
            <p>
              <label>
                <input type="checkbox" checked={chosen.size === ready.length} onChange={(e) => setChosen(new Set(e.target.checked ? ready.map((c) => c.id) : []))} /> {t('certificatesAll')}
              </label>
            </p>
            <ul className="portal-ready-list">
              {ready.map((c) => {
                const b = batchOf(c);
                return (
                  <li key={c.id}>
                    <label>
                      <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => choose(c.id, e.target.checked)} />{' '}
                      {b.productName} · {b.quantity.toLocaleString(locale)} {unitName(b.unit)} · {b.origin}
                    </label>
                  </li>
                );
              })}
            </ul>
            <p>
              <label>
                <input type="checkbox" checked={committed} onChange={(e) => setCommitted(e.target.checked)} /> {t('certificatesCommitment')}
              </label>
            </p>
            <button type="submit" disabled={chosen.size === 0 || !committed || issuing !== null}>
              {issuing ? t('certificatesIssuing', { done: issuing.done, of: issuing.of }) : t('certificatesIssue', { n: chosen.size })}
            </button>
            {chosen.size > 0 && !committed && <p className="nw-hint">{t('certificatesCommitFirst')}</p>}
            {failure !== null && <ErrorNotice error={failure} />}
          </form>
        )}
      </section>

      <section className="portal-card" aria-labelledby="cert-issued-title">
        <h2 id="cert-issued-title" className="nw-no-print">{t('certificatesIssued', { n: issued.length, day })}</h2>
        <fieldset className="nw-no-print">
          <legend>{t('certificatesSize')}</legend>
          {SHEET_SIZES.map((s) => (
            <label key={s} className="portal-size-choice">
              <input type="radio" name="sheet-size" value={s} checked={size === s} onChange={() => setSize(s)} /> {l(SIZE_NAMES[s])}
            </label>
          ))}
        </fieldset>
        {sheet.status === 'error' && <ErrorNotice error={sheet.error} />}
        {sheet.status === 'ready' && sheet.certificates.length > 0 && <CertificateSheet certificates={sheet.certificates} size={size} locale={locale} />}
        {issued.length === 0 && <p>{t('certificatesNoneIssued')}</p>}
      </section>
    </div>
  );
}

type Sheet = { status: 'loading' } | { status: 'ready'; certificates: CertificateData[] } | { status: 'error'; error: unknown };

/** The day's certificates as printed: on the server with their signed addresses (signed in bulk). */
function useSheet(issued: readonly InstanceRecord[]): Sheet {
  const { runtime } = usePortal();
  const [sheet, setSheet] = useState<Sheet>({ status: 'loading' });
  const key = issued.map((c) => c.id).join(',');
  useEffect(() => {
    const connection = runtime.server?.connection;
    if (!connection) {
      setSheet({ status: 'ready', certificates: issued.map((c) => certificateOf(c, verifyUrlHere)).filter((c): c is CertificateData => c !== null) });
      return;
    }
    if (issued.length === 0) return setSheet({ status: 'ready', certificates: [] });
    let live = true;
    signedCertificatesOf(connection, issued, `${window.location.origin}${window.location.pathname}`).then(
      (certificates) => live && setSheet({ status: 'ready', certificates }),
      (error: unknown) => live && setSheet({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-signed when the day's cases change
  }, [runtime, key]);
  return sheet;
}
