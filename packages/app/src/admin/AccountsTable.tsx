/** The accounts an administrator manages, with what they may do to each. */
import { shownError } from '@nongan/react';
import type { ServerAccount } from '@nongan/client';
import { useState } from 'react';
import { usePortal } from '../shell/PortalContext.js';
import { local } from '../shell/i18n.js';
import { labelOf, passwordLinkAddress, type AdminApi, type AdminData } from './adminApi.js';
import { adminText, type AdminTextKey } from './adminText.js';

export function AccountsTable({ api, data, onChanged }: { api: AdminApi; data: AdminData; onChanged(): Promise<void> }) {
  const { locale, serverSession } = usePortal();
  const a = (key: AdminTextKey, vars?: Record<string, string | number>) => adminText(locale, key, vars);
  const [notice, setNotice] = useState<{ text: string; link?: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const organisationName = (id: string | null) => {
    const org = id ? data.organisations.find((o) => o.id === id) : undefined;
    return org ? local(org.name, locale) : a('none');
  };

  const act = async (work: () => Promise<{ text: string; link?: string } | null>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const resetLink = (account: ServerAccount) =>
    act(async () => {
      const link = await api.passwordReset(account.id);
      return { text: a('linkFor', { name: account.displayName, until: new Date(link.expiresAt).toLocaleString(locale) }), link: passwordLinkAddress(window.location.origin, window.location.pathname, link) };
    });

  const shown = error ? shownError(error) : null;
  return (
    <section className="portal-card" aria-labelledby="admin-accounts-title">
      <h2 id="admin-accounts-title">{a('accounts')}</h2>
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
      <table className="portal-table">
        <thead>
          <tr>
            <th>{a('name')}</th>
            <th>{a('login')}</th>
            <th>{a('roles')}</th>
            <th>{a('organisation')}</th>
            <th>{a('dataScope')}</th>
            <th>{a('status')}</th>
            <th>{a('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data.accounts.map((account) => {
            const self = account.id === serverSession?.account.id;
            return (
              <tr key={account.id} data-login={account.login}>
                <td>{account.displayName}</td>
                <td>{account.login}</td>
                <td>{account.roles.map((r) => labelOf(data.catalogue.roles, r, locale, r)).join('、')}</td>
                <td>{organisationName(account.organisationId)}</td>
                <td>{labelOf(data.catalogue.dataScopes, account.dataScope, locale, account.dataScope)}</td>
                <td>
                  {account.disabled ? a('disabled') : a('active')}
                  {account.mustChangePassword && <div className="portal-muted">{a('mustChange')}</div>}
                  {account.totpEnabled && <div className="portal-muted">{a('totp')}</div>}
                </td>
                <td>
                  {!self && (
                    <span className="portal-buttons">
                      <button type="button" onClick={() => act(async () => (await api.setDisabled(account.id, !account.disabled), null))}>
                        {account.disabled ? a('enable') : a('disable')}
                      </button>
                      <button type="button" onClick={() => act(async () => (await api.unlock(account.id), { text: a('unlocked', { name: account.displayName }) }))}>
                        {a('unlock')}
                      </button>
                      <button type="button" onClick={() => resetLink(account)}>
                        {a('reset')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
