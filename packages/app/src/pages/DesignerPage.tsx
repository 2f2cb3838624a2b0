/**
 * Configuration staff: the form designer on the portal's designer store, opened on one of the forms
 * the region's lifecycles use (the built-in base forms and regional variants are in the store from the
 * first run). A base form or regional variant published here replaces the built-in one for new cases
 * from its effective date on (boot/formCatalog.ts); running cases keep the versions they pinned. The
 * table lists what is published and whether it is in force on the demo date.
 */
import { toChinaDate } from '@nongan/engine';
import { Designer } from '@nongan/designer/react';
import { ErrorNotice } from '@nongan/react';
import { BASE_FORMS, BUILT_IN_NOTE, formIdsOfRegion, isRegionId, replacedFormId } from '@nongan/workflows';
import { useCallback, useMemo, useState } from 'react';
import { local } from '../shell/i18n.js';
import { regionName } from '../shell/labels.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { useEngineQuery } from '../shell/useEngineQuery.js';
import { permissionSteps } from './permissionSteps.js';

/** The lifecycles' data contracts by base form id: publishing is blocked while a form breaks one. */
const CONTRACTS = Object.fromEntries([...BASE_FORMS].map(([id, form]) => [id, form.contract]));

export function DesignerPage() {
  const { runtime, session, locale } = usePortal();
  const t = useText();
  const region = session && isRegionId(session.region) ? session.region : 'jiyuan';
  const formIds = useMemo(() => formIdsOfRegion(region), [region]);
  const [formId, setFormId] = useState(formIds[0] ?? '');
  const [reloads, setReloads] = useState(0);
  const published = useEngineQuery(`published:${reloads}`, async () => {
    const out = [];
    for (const doc of await runtime.designs.listDocuments()) out.push(...(await runtime.designs.listVersions(doc.docId)));
    return out.filter((v) => v.note !== BUILT_IN_NOTE);
  });
  const today = toChinaDate(runtime.clock.now());
  // The designer dates publications by the demo clock, and its publications refresh the list at once.
  const demoToday = useCallback(() => toChinaDate(runtime.clock.now()), [runtime.clock]);
  const onPublish = useCallback(() => setReloads((n) => n + 1), []);
  const chosen = formIds.includes(formId) ? formId : (formIds[0] ?? '');
  const base = BASE_FORMS.get(chosen);

  return (
    <div className="portal-designer" data-testid="designer-page">
      <section className="portal-card" aria-labelledby="designer-title">
        <h1 id="designer-title">
          {t('designerTitle')} · {regionName(region, locale)}
        </h1>
        <label>
          {t('formToEdit')}
          <select name="designer-form" value={chosen} onChange={(e) => setFormId(e.target.value)}>
            {formIds.map((id) => (
              <option key={id} value={id}>
                {BASE_FORMS.get(id) ? local(BASE_FORMS.get(id)!.definition.title, locale) : id}
              </option>
            ))}
          </select>
        </label>
      </section>
      {chosen && (
        <section className="portal-card portal-designer-host">
          <Designer key={`${region}:${chosen}`} store={runtime.designs} formId={chosen} {...(base ? { initialDefinition: base.definition } : {})} region={region} contracts={CONTRACTS} locale={locale} today={demoToday} onPublish={onPublish} permissionSteps={permissionSteps(chosen, region)} />
        </section>
      )}
      <section className="portal-card" aria-labelledby="published-title">
        <h2 id="published-title">{t('publishedTitle')}</h2>
        <button type="button" onClick={() => setReloads((n) => n + 1)}>
          {t('refresh')}
        </button>
        {published.status === 'error' && <ErrorNotice error={published.error} />}
        {published.status === 'ready' && published.data.length === 0 && <p>{t('nothingPublished')}</p>}
        {published.status === 'ready' && published.data.length > 0 && (
          <table className="portal-table">
            <thead>
              <tr>
                <th scope="col">{t('formToEdit')}</th>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('effectiveFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {published.data.map((v) => {
                const target = replacedFormId(v);
                return (
                  <tr key={`${v.docId}@${v.version}`} data-published={`${v.docId}@${v.version}`}>
                    <td>{BASE_FORMS.get(target.formId) ? local(BASE_FORMS.get(target.formId)!.definition.title, locale) : target.formId}</td>
                    <td>{v.version}</td>
                    <td>{target.region ? regionName(target.region, locale) : t('allRegions')}</td>
                    <td>
                      {v.effectiveFrom} {v.effectiveFrom <= today ? `· ${t('inForce')}` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
