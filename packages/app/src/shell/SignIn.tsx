/**
 * Demo sign-in: a region, a role, and for a producer the farm it acts for (or a new registration on
 * the farm page). Every role of DOMAIN.md is offered in every region; the engine refuses what a role
 * may not do there.
 */
import { useState } from 'react';
import { roleName } from './labels.js';
import { usePortal, useText } from './PortalContext.js';
import { RegionSelect } from './RegionSelect.js';
import { PORTAL_ROLES, actsForFarm, isPortalRole, type PortalRegion, type PortalRole } from './session.js';

/** Where a role starts after signing in. */
function landing(role: PortalRole) {
  if (actsForFarm(role)) return { page: 'farm' } as const;
  if (role === 'public') return { page: 'verify', code: '' } as const;
  if (role === 'config') return { page: 'designer' } as const;
  return { page: 'inbox' } as const;
}

export function SignIn() {
  const { locale, session, signIn, navigate, farms } = usePortal();
  const t = useText();
  const [region, setRegion] = useState<PortalRegion>(session?.region ?? 'jiyuan');
  const [role, setRole] = useState<PortalRole>(session?.role ?? 'producer');
  const regionFarms = farms.filter((f) => f.region === region);
  const [farmId, setFarmId] = useState<string>(session?.farmId ?? '');
  const chosenFarm = regionFarms.some((f) => f.id === farmId) ? farmId : (regionFarms[0]?.id ?? '');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (actsForFarm(role)) {
      if (!chosenFarm) {
        // No farm yet: sign in to the farm page without one, where it can be registered.
        signIn(null);
        navigate({ page: 'farm' });
        return;
      }
      signIn({ region, role, farmId: chosenFarm });
    } else signIn({ region, role });
    navigate(landing(role));
  };

  return (
    <form className="portal-card portal-signin" onSubmit={submit} aria-labelledby="signin-title">
      <h2 id="signin-title">{t('signIn')}</h2>
      <p className="portal-muted">{t('signInHelp')}</p>
      <label>
        {t('region')}
        <RegionSelect name="region" value={region} onChange={setRegion} />
      </label>
      <label>
        {t('role')}
        <select name="role" value={role} onChange={(e) => isPortalRole(e.target.value) && setRole(e.target.value)}>
          {PORTAL_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r, region, locale)} ({r})
            </option>
          ))}
        </select>
      </label>
      {actsForFarm(role) && (
        <label>
          {t('chooseFarm')}
          <select name="farm" value={chosenFarm} onChange={(e) => setFarmId(e.target.value)}>
            {regionFarms.length === 0 && <option value="">{t('noFarms')}</option>}
            {regionFarms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.id})
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="portal-primary">
        {t('enter')}
      </button>
    </form>
  );
}
