/**
 * Administration on the server: the accounts an administrator manages (with unlock, disable and
 * password reset), creating an account, and the audit log. Browser-only, there is nothing to administer.
 */
import { shownError } from '@nongan/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { text } from '../shell/i18n.js';
import { usePortal } from '../shell/PortalContext.js';
import { ADMIN_ROLE } from '../shell/serverSession.js';
import { AccountsTable } from './AccountsTable.js';
import { adminApi, type AdminData } from './adminApi.js';
import { adminText, type AdminTextKey } from './adminText.js';
import { AuditLogTable } from './AuditLogTable.js';
import { NewAccountForm } from './NewAccountForm.js';
import { ServerBackupCard } from './ServerBackupCard.js';


export function AdminPage() {
  const { runtime, locale, serverSession } = usePortal();
  const a = (key: AdminTextKey, vars?: Record<string, string | number>) => adminText(locale, key, vars);
  if (!runtime.server) {
    return (
      <section className="portal-card">
        <h1>{a('title')}</h1>
        <p>{a('localOnly')}</p>
      </section>
    );
  }
  // The server refuses anyone else anyway; this only spares them a page of refusals.
  if (!serverSession?.account.roles.includes(ADMIN_ROLE)) return <p role="alert">{text(locale, 'adminOnly')}</p>;
  return <ServerAdmin />;
}

function ServerAdmin() {
  const { runtime, locale, serverSession } = usePortal();
  const api = useMemo(() => adminApi(runtime.server!.connection), [runtime]);
  const [data, setData] = useState<AdminData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [auditVersion, setAuditVersion] = useState(0);

  const reload = useCallback(async () => {
    try {
      const [catalogue, accounts, organisations] = await Promise.all([api.catalogue(), api.accounts(), api.organisations()]);
      setData({ catalogue, accounts, organisations });
      setError(null);
    } catch (failure) {
      setError(failure);
    }
    setAuditVersion((v) => v + 1);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = error ? shownError(error) : null;
  return (
    <div className="portal-admin">
      <h1>{adminText(locale, 'title')}</h1>
      {shown && (
        <p className="portal-error" role="alert">
          {locale === 'en' ? shown.message : shown.messageZh}
        </p>
      )}
      {!data ? (
        !shown && <p aria-busy="true">{adminText(locale, 'loading')}</p>
      ) : (
        <>
          <AccountsTable api={api} data={data} onChanged={reload} />
          <NewAccountForm api={api} data={data} onCreated={reload} />
          {serverSession?.account.dataScope === 'all' && <ServerBackupCard api={api} onRestored={reload} />}
          <AuditLogTable api={api} data={data} version={auditVersion} />
        </>
      )}
    </div>
  );
}
