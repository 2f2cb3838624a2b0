/**
 * A region's dashboard: cases by state, overdue deadlines, certificate coverage vs targets, monitoring
 * quota progress, pass rates, subsidy totals vs the budget cap. Figures come from `figures.ts` over an
 * engine query of the region; each is printed (with `data-figure` for tests) and drawn.
 */
import { toChinaDate, type InstanceRecord } from '@nongan/engine';
import { ErrorNotice, statePathLabel, useSubjectName, workflowTitle } from '@nongan/react';
import { fenToYuan, REGION_IDS, REGION_PROFILES, isRegionId, parametersInForce, runsLifecycle } from '@nongan/workflows';
import { CertificateChecks } from './CertificateChecks.js';
import { useMemo } from 'react';
import { local, type Locale } from '../shell/i18n.js';
import { regionName } from '../shell/labels.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { routeHash } from '../shell/routes.js';
import { useEngineQuery } from '../shell/useEngineQuery.js';
import { Chart } from './Chart.js';
import { barsOption, capOption } from './chartOptions.js';
import { casesByState, certificateCoverage, dueSoon, overdueDeadlines, passRates, quotaProgress, subsidyTotals, type PassRate, type OverdueItem } from './figures.js';

const PASS_KINDS: Record<PassRate['kind'], { zh: string; en: string }> = {
  rapidTest: { zh: '快速检测', en: 'Rapid tests' },
  selfInspection: { zh: '自检', en: 'Self-inspections' },
  enforcementSample: { zh: '执法抽检', en: 'Enforcement samples' },
  antibody: { zh: '免疫抗体评价', en: 'Antibody evaluations' },
  evaluationScore: { zh: '达标评估/再评价', en: 'Evaluations and re-evaluations' },
};
const OVERDUE_KINDS: Record<OverdueItem['kind'], { zh: string; en: string }> = {
  deadline: { zh: '期限已过、待处理', en: 'Deadline passed, not yet processed' },
  resultsOverdue: { zh: '检测结果录入超期', en: 'Test results overdue' },
  paymentOverdue: { zh: '补助拨付超期', en: 'Subsidy payment overdue' },
  reportMissing: { zh: '整改报告逾期未交', en: 'Rectification report missing' },
};

const yuan = (fen: number) => fenToYuan(fen, { grouped: true });

export function DashboardPage({ region: routeRegion }: { region: string | null }) {
  const { runtime, session, locale, farms, clockTick } = usePortal();
  const t = useText();
  const region = routeRegion && isRegionId(routeRegion) ? routeRegion : (session?.region ?? 'jiyuan');
  const cases = useEngineQuery(`dashboard:${region}`, () => runtime.engine.query({ region, limit: 100_000 }));
  const now = runtime.clock.now();
  void clockTick;

  return (
    <div className="portal-dashboard" data-testid="dashboard" data-region={region}>
      <h1>
        {t('dashboardTitle')} · {regionName(region, locale)}
      </h1>
      <nav aria-label={t('region')}>
        <ul className="portal-region-links">
          {REGION_IDS.map((r) => (
            <li key={r}>
              <a href={routeHash({ page: 'dashboard', region: r })} aria-current={r === region ? 'page' : undefined}>
                {regionName(r, locale)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {cases.status === 'error' && <ErrorNotice error={cases.error} />}
      {cases.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {cases.status === 'ready' && (
        <Figures region={region} instances={cases.data} now={now} locale={locale} registered={farms.filter((f) => f.region === region).map((f) => f.id)} />
      )}
      {runtime.server && runsLifecycle(region, 'selfInspectToCertificate') && <CertificateChecks connection={runtime.server.connection} region={region} locale={locale} />}
    </div>
  );
}

function Figures({ region, instances, now, locale, registered }: { region: string; instances: InstanceRecord[]; now: number; locale: Locale; registered: string[] }) {
  const { runtime } = usePortal();
  const subjectName = useSubjectName();
  const t = useText();
  const profile = REGION_PROFILES[region as keyof typeof REGION_PROFILES];
  const year = Number(toChinaDate(now).slice(0, 4));
  const figures = useMemo(() => {
    const budgetFen = parametersInForce(region, now).values.qualification?.budgetFen;
    return {
      states: casesByState(instances),
      overdue: overdueDeadlines(instances, now),
      dueSoon: dueSoon(instances, now, runtime.engine.calendar, 5),
      coverage: profile.lifecycles.includes('selfInspectToCertificate') ? certificateCoverage(instances, registered, profile.targets, year) : null,
      quotas: quotaProgress(instances, profile.targets, year),
      passes: passRates(instances, profile.targets),
      subsidy: budgetFen ? subsidyTotals(instances, budgetFen) : null,
    };
  }, [instances, now, region, registered, profile, year, runtime]);

  const stateName = (workflowId: string, state: string) => {
    const workflow = runtime.engine.workflow(workflowId);
    return `${workflowTitle(workflow, locale)} · ${statePathLabel(workflow, state, locale)}`;
  };

  return (
    <div className="portal-figures">
      <section className="portal-card" aria-labelledby="fig-states">
        <h2 id="fig-states">{t('casesByState')}</h2>
        <Chart label={t('casesByState')} option={barsOption(figures.states.map((s) => statePathLabel(runtime.engine.workflow(s.workflowId), s.state, locale)), [{ name: t('casesByState'), values: figures.states.map((s) => s.count) }])} />
        <table className="portal-table">
          <tbody>
            {figures.states.map((s) => (
              <tr key={`${s.workflowId}:${s.state}`}>
                <th scope="row">{stateName(s.workflowId, s.state)}</th>
                <td data-figure={`state:${s.workflowId}:${s.state}`}>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="portal-card" aria-labelledby="fig-overdue">
        <h2 id="fig-overdue">
          {t('overdue')}: <span data-figure="overdue">{figures.overdue.length}</span>
        </h2>
        {figures.overdue.length === 0 ? (
          <p>{t('overdueNone')}</p>
        ) : (
          <ul>
            {figures.overdue.map((o, i) => (
              <li key={`${o.instanceId}:${o.kind}:${i}`}>
                <a href={routeHash({ page: 'case', instanceId: o.instanceId })}>{subjectName(o.subject)}</a> · {local(OVERDUE_KINDS[o.kind], locale)}
                {o.dueAt !== null ? ` · ${toChinaDate(o.dueAt - 1)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="portal-card" aria-labelledby="fig-due-soon">
        <h2 id="fig-due-soon">
          {t('dueSoon')}: <span data-figure="due-soon">{figures.dueSoon.length}</span>
        </h2>
        <ul>
          {figures.dueSoon.slice(0, 12).map((d) => (
            <li key={`${d.instanceId}:${d.statePath}`}>
              <a href={routeHash({ page: 'case', instanceId: d.instanceId })}>{subjectName(d.subject)}</a> · {statePathLabel(runtime.engine.workflow(d.workflowId), d.statePath, locale)} · {toChinaDate(d.dueAt - 1)} ({t('workingDaysLeft', { n: d.workingDaysLeft })})
            </li>
          ))}
        </ul>
      </section>

      {figures.coverage && (
        <section className="portal-card" aria-labelledby="fig-coverage">
          <h2 id="fig-coverage">{t('coverage')}</h2>
          <Chart
            label={t('coverage')}
            option={barsOption(
              [t('actual'), ...figures.coverage.targets.map((tg) => `${t('target')} ${tg.year ?? ''}${tg.countyClass ? ` (${tg.countyClass})` : ''}`)],
              [{ name: t('coverage'), values: [figures.coverage.percent ?? 0, ...figures.coverage.targets.map((tg) => tg.value)] }],
              '%',
            )}
          />
          <p>
            {t('certificates')}: <span data-figure="coverage-issuing">{figures.coverage.issuing}</span> / {t('producers')}: <span data-figure="coverage-producers">{figures.coverage.producers}</span> ={' '}
            <span data-figure="coverage-percent">{figures.coverage.percent ?? '—'}</span>%
          </p>
        </section>
      )}

      {figures.quotas.length > 0 && (
        <section className="portal-card" aria-labelledby="fig-quotas">
          <h2 id="fig-quotas">{t('monitoring')}</h2>
          <Chart label={t('monitoring')} option={barsOption(figures.quotas.map((q) => local(q.label, locale)), [{ name: t('actual'), values: figures.quotas.map((q) => q.actual) }, { name: t('target'), values: figures.quotas.map((q) => q.target), target: true }])} />
          <table className="portal-table">
            <tbody>
              {figures.quotas.map((q) => (
                <tr key={q.metric}>
                  <th scope="row">
                    {local(q.label, locale)} {q.year ?? ''}
                  </th>
                  <td data-figure={`quota:${q.metric}`}>{q.actual}</td>
                  <td>/ {q.target}</td>
                  <td>{q.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="portal-card" aria-labelledby="fig-pass">
        <h2 id="fig-pass">{t('passRate')}</h2>
        {figures.passes.length > 0 && (
          <Chart label={t('passRate')} option={barsOption(figures.passes.map((p) => local(PASS_KINDS[p.kind], locale)), [{ name: t('actual'), values: figures.passes.map((p) => p.percent) }, { name: t('target'), values: figures.passes.map((p) => p.targetPercent), target: true }], '%')} />
        )}
        <table className="portal-table">
          <tbody>
            {figures.passes.map((p) => (
              <tr key={p.kind}>
                <th scope="row">{local(PASS_KINDS[p.kind], locale)}</th>
                <td data-figure={`pass:${p.kind}`}>
                  {p.passed}/{p.total}
                </td>
                <td>{p.percent ?? '—'}%</td>
                <td>{p.targetPercent !== null ? `≥ ${p.targetPercent}%` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {figures.subsidy && (
        <section className="portal-card" aria-labelledby="fig-subsidy">
          <h2 id="fig-subsidy">{t('subsidy')}</h2>
          <Chart
            label={t('subsidy')}
            option={capOption(
              locale === 'en' ? ['Claimed', 'Approved', 'Paid'] : ['申报', '核定', '已拨付'],
              [figures.subsidy.claimedFen / 100, figures.subsidy.approvedFen / 100, figures.subsidy.paidFen / 100],
              figures.subsidy.capFen / 100,
              locale === 'en' ? 'Cap' : '上限',
            )}
          />
          <p>
            {locale === 'en' ? 'Claimed' : '申报'} <span data-figure="subsidy-claimed">{yuan(figures.subsidy.claimedFen)}</span> · {locale === 'en' ? 'approved' : '核定'}{' '}
            <span data-figure="subsidy-approved">{yuan(figures.subsidy.approvedFen)}</span> · {locale === 'en' ? 'paid' : '已拨付'} <span data-figure="subsidy-paid">{yuan(figures.subsidy.paidFen)}</span> /{' '}
            {yuan(figures.subsidy.capFen)} {locale === 'en' ? 'CNY' : '元'}
            {figures.subsidy.overCap && ` · ${locale === 'en' ? 'over the cap: each farm receives' : '超出上限：按比例发放'} ${figures.subsidy.payablePercent}%`}
          </p>
        </section>
      )}
    </div>
  );
}
