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
import { PasswordChange, ServerSignIn } from './ServerSignIn.js';
import { sessionOfAccount } from './serverSession.js';
import type { Route } from './routes.js';

/** Where a role starts after signing in. */
export function landing(role: PortalRole | 'admin'): Route {
  if (actsForFarm(role)) return { page: 'farm' };
  if (role === 'public') return { page: 'verify', code: '' };
  if (role === 'config') return { page: 'designer' };
  if (role === 'admin') return { page: 'admin' };
  return { page: 'inbox' };
}

/** The sign-in of the portal's mode: a server account, or the browser-only demo's region and role. */
export function SignIn() {
  const { runtime } = usePortal();
  return runtime.server ? <AccountSignIn /> : <DemoSignIn />;
}

function AccountSignIn() {
  const { runtime, serverSession, onServerSession, navigate } = usePortal();
  const t = useText();
  const server = runtime.server!;
  if (!serverSession) {
    return (
      <ServerSignIn
        connection={server.connection}
        demo={server.demo}
        onSignedIn={(session) => {
          onServerSession(session);
          void server.engine.queue?.replay();
          if (!session.account.mustChangePassword) navigate(landing(sessionOfAccount(session.account).role));
        }}
      />
    );
  }
  if (serverSession.account.mustChangePassword) {
    return <PasswordChange connection={server.connection} onChanged={() => void server.connection.session().then(onServerSession)} />;
  }
  return (
    <section className="portal-card" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">
        {t('signedInAs')}: {serverSession.account.displayName}
      </h2>
    </section>
  );
}

function DemoSignIn() {
  const { locale, session, signIn, navigate, farms } = usePortal();
  const t = useText();
  const [region, setRegion] = useState<PortalRegion>(session?.region ?? 'jiyuan');
  const [role, setRole] = useState<PortalRole>(session && isPortalRole(session.role) ? session.role : 'producer');
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
