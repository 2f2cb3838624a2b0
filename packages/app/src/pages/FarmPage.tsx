/**
 * The farm's page: register, open applications / batches of the region's lifecycles, and follow its
 * cases (returns show as their state; opening a case shows the reason and the actions to fix it).
 */
import { ErrorNotice, TaskInbox } from '@nongan/react';
import { workflowsFor } from '@nongan/workflows';
import { usePortal, useText } from '../shell/PortalContext.js';
import { useEngineQuery } from '../shell/useEngineQuery.js';
import { CaseList } from './CaseList.js';
import { RegisterFarm } from './RegisterFarm.js';
import { actsForFarm } from '../shell/session.js';
import { PendingCommands } from './PendingCommands.js';
import { StartCase } from './StartCase.js';

export function FarmPage() {
  const { session, actor, runtime, farms, navigate } = usePortal();
  const t = useText();
  const farmId = session && actsForFarm(session.role) ? session.farmId : undefined;
  const cases = useEngineQuery(`farm:${farmId ?? ''}`, async () =>
    farmId ? (await runtime.engine.query({ subject: farmId, limit: 500 })).sort((a, b) => b.updatedAt - a.updatedAt) : [],
  );
  if (!session || !actor || !farmId) return runtime.server ? <p className="portal-card">{t('farmsByAdmin')}</p> : <RegisterFarm />;
  const farm = farms.find((f) => f.id === farmId);
  const startable = workflowsFor(session.region).filter((w) => w.start.roles.includes(session.role));
  return (
    <div className="portal-farm">
      <section className="portal-card" aria-labelledby="farm-title">
        <h1 id="farm-title">
          {t('farmTitle')}: {farm?.name ?? farmId}
        </h1>
        <h2>{t('startTitle')}</h2>
        <div className="portal-start-list">
          {startable.map((w) => (
            <StartCase key={w.id} workflow={w} actor={actor} region={session.region} subject={farmId} onStarted={(instanceId) => navigate({ page: 'case', instanceId })} />
          ))}
        </div>
      </section>
      <section className="portal-card" aria-labelledby="farm-todo-title">
        <h2 id="farm-todo-title">{t('inboxTitle')}</h2>
        {/* What the engine lets this farm do now: returned applications to fix, reports due, certificates to issue. */}
        <TaskInbox key={actor.id} actor={actor} onOpen={(instanceId) => navigate({ page: 'case', instanceId })} />
      </section>
      <section className="portal-card" aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">{t('myCases')}</h2>
        {cases.status === 'error' && <ErrorNotice error={cases.error} />}
        {cases.status === 'ready' && <CaseList cases={cases.data} caption={t('myCases')} />}
      </section>
      {runtime.server ? (
        <PendingCommands engine={runtime.server.engine} region={session.region} />
      ) : (
        <details className="portal-card">
          <summary>{t('registerTitle')}</summary>
          <RegisterFarm />
        </details>
      )}
    </div>
  );
}
