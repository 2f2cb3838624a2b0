/**
 * The regulators' view of public certificate checks (issue 14 item 6): how often the region's
 * certificates were checked and with what outcome, and each forged, revoked or superseded code met,
 * with when and where. Shown on the server to the region's regulators; others are not asked.
 */
import type { ServerConnection } from '@nongan/client';
import { useEffect, useState } from 'react';
import { local, type Locale } from '../shell/i18n.js';

interface Label {
  zh: string;
  en: string;
}
interface ChecksReply {
  since: number;
  counts: Array<{ outcome: string; label: Label; count: number }>;
  problems: Array<{ at: number; number: string | null; outcome: string; label: Label; place: string | null }>;
}

const DAYS = 30;
const T = {
  title: { zh: `合格证扫码核验（近 ${DAYS} 天）`, en: `Certificate checks (last ${DAYS} days)` },
  none: { zh: '近期没有核验记录。', en: 'No checks recently.' },
  problems: { zh: '疑似伪造、已撤销或已作废的合格证', en: 'Forged, revoked or superseded certificates met' },
  noProblems: { zh: '没有发现问题合格证。', en: 'No problem certificates met.' },
  at: { zh: '时间', en: 'When' },
  outcome: { zh: '核验结果', en: 'Outcome' },
  place: { zh: '地点', en: 'Where' },
  number: { zh: '所称合格证编号', en: 'Number claimed' },
  unknownPlace: { zh: '未填写', en: 'not given' },
};

export function CertificateChecks({ connection, region, locale }: { connection: ServerConnection; region: string; locale: Locale }) {
  const [reply, setReply] = useState<ChecksReply | null>(null);
  useEffect(() => {
    let live = true;
    setReply(null);
    // Refused (not a regulator of this region) or offline: the card is simply not shown.
    connection.request<ChecksReply>('GET', `/api/certificates/checks?region=${encodeURIComponent(region)}&days=${DAYS}`).then(
      (r) => live && setReply(r),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [connection, region]);
  if (!reply) return null;
  const l = (text: Label) => local(text, locale);
  return (
    <section className="portal-card" aria-labelledby="fig-checks" data-testid="certificate-checks">
      <h2 id="fig-checks">{l(T.title)}</h2>
      {reply.counts.length === 0 ? (
        <p>{l(T.none)}</p>
      ) : (
        <ul>
          {reply.counts.map((c) => (
            <li key={c.outcome} data-figure={`checks-${c.outcome}`}>
              {l(c.label)}：{c.count.toLocaleString(locale)}
            </li>
          ))}
        </ul>
      )}
      <h3>{l(T.problems)}</h3>
      {reply.problems.length === 0 ? (
        <p>{l(T.noProblems)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{l(T.at)}</th>
              <th scope="col">{l(T.outcome)}</th>
              <th scope="col">{l(T.place)}</th>
              <th scope="col">{l(T.number)}</th>
            </tr>
          </thead>
          <tbody>
            {reply.problems.map((p, i) => (
              <tr key={`${p.at}-${i}`} data-outcome={p.outcome}>
                <td>{new Date(p.at).toLocaleString(locale)}</td>
                <td>{l(p.label)}</td>
                <td>{p.place ?? l(T.unknownPlace)}</td>
                <td>{p.number ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
