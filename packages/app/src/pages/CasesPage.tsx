/**
 * Every case of the signed-in region (for officials: to follow cases without a task of theirs), and
 * the cases an official may open (e.g. a Beijing expert office opening a warning case on a farm).
 */
import { ErrorNotice, subjectNameInCase, useSubjectName } from '@nongan/react';
import { workflowsFor } from '@nongan/workflows';
import { useState } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';
import { useEngineQuery } from '../shell/useEngineQuery.js';
import { CaseList } from './CaseList.js';
import { StartCase } from './StartCase.js';

export function CasesPage() {
  const { runtime, session, actor, farms, navigate } = usePortal();
  const t = useText();
  const region = session?.region ?? '';
  const cases = useEngineQuery(`cases:${region}`, async () => (await runtime.engine.query({ region, limit: 1000 })).sort((a, b) => b.updatedAt - a.updatedAt));
  const subjects = [...new Set([...farms.filter((f) => f.region === region).map((f) => f.id), ...(cases.status === 'ready' ? cases.data.map((c) => c.subject) : [])])].sort();
  const subjectName = useSubjectName();
  const nameInCases = (s: string) => {
    const held = cases.status === 'ready' ? cases.data.find((c) => c.subject === s) : undefined;
    return held ? subjectNameInCase(held) : null;
  };
  const [subject, setSubject] = useState('');
  const chosen = subjects.includes(subject) ? subject : (subjects[0] ?? '');
  const startable = session && actor && !actor.subjects ? workflowsFor(region).filter((w) => w.start.roles.includes(session.role)) : [];
  return (
    <>
      {startable.length > 0 && (
        <section className="portal-card" aria-labelledby="open-title">
          <h2 id="open-title">{t('startTitle')}</h2>
          <label>
            {t('subject')}
            <select name="subject" value={chosen} onChange={(e) => setSubject(e.target.value)}>
              {subjects.map((s) => (
                <option key={s} value={s}>
                  {subjectName(s, nameInCases(s))}
                </option>
              ))}
            </select>
          </label>
          <div className="portal-start-list">
            {actor &&
              chosen &&
              startable.map((w) => <StartCase key={w.id} workflow={w} actor={actor} region={region} subject={chosen} onStarted={(instanceId) => navigate({ page: 'case', instanceId })} />)}
          </div>
        </section>
      )}
      <section className="portal-card" aria-labelledby="cases-title">
        <h1 id="cases-title">{t('casesTitle')}</h1>
        {cases.status === 'error' && <ErrorNotice error={cases.error} />}
        {cases.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
        {cases.status === 'ready' && <CaseList cases={cases.data} caption={t('casesTitle')} />}
      </section>
    </>
  );
}
