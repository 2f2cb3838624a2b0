/** Creating an account: its name, login, roles and organisation, with a temporary password or an invitation link. */
import { shownError } from '@nongan/react';
import { useState } from 'react';
import { usePortal } from '../shell/PortalContext.js';
import { local } from '../shell/i18n.js';
import { passwordLinkAddress, type AdminApi, type AdminData } from './adminApi.js';
import { adminText, type AdminTextKey } from './adminText.js';

export function NewAccountForm({ api, data, onCreated }: { api: AdminApi; data: AdminData; onCreated(): Promise<void> }) {
  const { locale } = usePortal();
  const a = (key: AdminTextKey, vars?: Record<string, string | number>) => adminText(locale, key, vars);
  const [displayName, setDisplayName] = useState('');
  const [login, setLogin] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ text: string; link?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { account, invitation } = await api.createAccount({
        login: login.trim(),
        displayName: displayName.trim(),
        roles,
        ...(organisationId ? { organisationId } : {}),
        ...(temporaryPassword ? { temporaryPassword } : {}),
      });
      const created = a('created', { name: account.displayName });
      setNotice(
        invitation
          ? { text: `${created} ${a('linkFor', { name: account.displayName, until: new Date(invitation.expiresAt).toLocaleString(locale) })}`, link: passwordLinkAddress(window.location.origin, window.location.pathname, invitation) }
          : { text: created },
      );
      setDisplayName('');
      setLogin('');
      setRoles([]);
      setTemporaryPassword('');
      await onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (role: string, on: boolean) => setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  const shown = error ? shownError(error) : null;
  return (
    <form className="portal-card portal-admin-new" onSubmit={submit} aria-labelledby="admin-new-title">
      <h2 id="admin-new-title">{a('create')}</h2>
      <label>
        {a('name')}
        <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {a('login')}
        <input name="login" value={login} onChange={(e) => setLogin(e.target.value)} required minLength={2} maxLength={100} pattern="[A-Za-z0-9._@\-]+" autoComplete="off" />
      </label>
      <fieldset>
        <legend>{a('roles')}</legend>
        {data.catalogue.roles.map((role) => (
          <label key={role.key} className="portal-check">
            <input type="checkbox" checked={roles.includes(role.key)} onChange={(e) => toggle(role.key, e.target.checked)} />
            {local(role.label, locale)}
          </label>
        ))}
      </fieldset>
      <label>
        {a('organisation')}
        <select name="organisationId" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{a('noOrganisation')}</option>
          {data.organisations.map((org) => (
            <option key={org.id} value={org.id}>
              {local(org.name, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {a('temporaryPassword')}
        <input name="temporaryPassword" type="password" autoComplete="new-password" value={temporaryPassword} onChange={(e) => setTemporaryPassword(e.target.value)} />
      </label>
      {shown && (
        <p className="portal-error" role="alert">
          {locale === 'en' ? shown.message : shown.messageZh}
        </p>
      )}
      {notice && (
        <p role="status">
          {notice.text} {notice.link && <input readOnly className="portal-link-field" value={notice.link} aria-label={notice.text} onFocus={(e) => e.target.select()} />}
        </p>
      )}
      <button type="submit" className="portal-primary" disabled={busy}>
        {a('createButton')}
      </button>
    </form>
  );
}
