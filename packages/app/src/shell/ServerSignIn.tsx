/**
 * Sign-in with a server account: login and password (and the authenticator code when the account has
 * one), then a forced password change when an administrator set a temporary one. In demo mode the
 * server lists its demo accounts with their password, and a click fills the form.
 */
import type { ServerConnection, ServerSession } from '@nongan/client';
import { shownError } from '@nongan/react';
import { useEffect, useState } from 'react';
import { local } from './i18n.js';
import { regionName, roleName } from './labels.js';
import { usePortal, useText } from './PortalContext.js';

interface DemoAccount {
  login: string;
  displayName: string;
  region: string | null;
  roles: string[];
}

export function ServerSignIn({ connection, demo, onSignedIn }: { connection: ServerConnection; demo: boolean; onSignedIn(session: ServerSession): void }) {
  const { locale } = usePortal();
  const t = useText();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [demoAccounts, setDemoAccounts] = useState<{ password: string; accounts: DemoAccount[] } | null>(null);

  useEffect(() => {
    if (!demo) return;
    let live = true;
    connection.request<{ password: string; accounts: DemoAccount[] }>('GET', '/api/demo/accounts').then((list) => live && setDemoAccounts(list), () => {});
    return () => {
      live = false;
    };
  }, [connection, demo]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await connection.signIn(login.trim(), password, needsTotp ? totp.trim() : undefined));
    } catch (failure) {
      if ((failure as { details?: { reason?: unknown } }).details?.reason === 'totp-required') setNeedsTotp(true);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const shown = error ? shownError(error) : null;
  return (
    <div className="portal-signin-server">
      <form className="portal-card portal-signin" onSubmit={submit} aria-labelledby="signin-title">
        <h2 id="signin-title">{t('serverSignInTitle')}</h2>
        <label>
          {t('signInLogin')}
          <input name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required />
        </label>
        <label>
          {t('signInPassword')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {needsTotp && (
          <label>
            {t('signInTotp')}
            <input name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" value={totp} onChange={(e) => setTotp(e.target.value)} required autoFocus />
            <span className="portal-muted">{t('signInTotpHelp')}</span>
          </label>
        )}
        {shown && (
          <p className="portal-error" role="alert">
            {locale === 'en' ? shown.message : shown.messageZh}
          </p>
        )}
        <button type="submit" className="portal-primary" disabled={busy}>
          {busy ? t('signingIn') : t('signInButton')}
        </button>
      </form>
      {demoAccounts && (
        <section className="portal-card portal-demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('demoAccountsTitle')}</h2>
          <p className="portal-muted">{t('demoAccountsHelp', { password: demoAccounts.password })}</p>
          <table>
            <tbody>
              {demoAccounts.accounts.map((a) => (
                <tr key={a.login}>
                  <td>{a.displayName}</td>
                  <td>{a.region ? regionName(a.region, locale) : ''}</td>
                  <td>{a.roles.map((r) => (r === 'admin' ? local({ zh: '系统管理员', en: 'Administrator' }, locale) : roleName(r, a.region ?? '', locale))).join('、')}</td>
                  <td>
                    <code>{a.login}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`${t('useAccount')} ${a.displayName}`}
                      onClick={() => {
                        setLogin(a.login);
                        setPassword(demoAccounts.password);
                      }}
                    >
                      {t('useAccount')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** An administrator's temporary password must be replaced before anything else. */
export function PasswordChange({ connection, onChanged }: { connection: ServerConnection; onChanged(): void }) {
  const { locale } = usePortal();
  const t = useText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await connection.request('POST', '/api/session/password-change', { currentPassword: current, newPassword: next });
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const shown = error ? shownError(error) : null;
  return (
    <form className="portal-card portal-signin" onSubmit={submit} aria-labelledby="password-change-title">
      <h2 id="password-change-title">{t('mustChangeTitle')}</h2>
      <p className="portal-muted">{t('mustChangeHelp')}</p>
      <label>
        {t('currentPassword')}
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label>
        {t('newPassword')}
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      {shown && (
        <p className="portal-error" role="alert">
          {locale === 'en' ? shown.message : shown.messageZh}
        </p>
      )}
      <button type="submit" className="portal-primary">
        {t('changePassword')}
      </button>
    </form>
  );
}
