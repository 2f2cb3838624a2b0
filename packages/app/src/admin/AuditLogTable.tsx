/** The latest audit entries, with names instead of ids (an administrator with a narrower scope is told it is not theirs). */
import { shownError } from '@nongan/react';
import { useEffect, useState } from 'react';
import { usePortal } from '../shell/PortalContext.js';
import { labelOf, type AdminApi, type AdminData, type AuditRow } from './adminApi.js';
import { adminText, type AdminTextKey } from './adminText.js';

export function AuditLogTable({ api, data, version }: { api: AdminApi; data: AdminData; version: number }) {
  const { locale } = usePortal();
  const a = (key: AdminTextKey, vars?: Record<string, string | number>) => adminText(locale, key, vars);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.audit(50).then(
      (list) => live && (setRows(list), setError(null)),
      (failure) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const nameOf = (accountId: unknown, login: string | null) => {
    const account = typeof accountId === 'string' ? data.accounts.find((x) => x.id === accountId) : undefined;
    return account ? account.displayName : login ?? a('none');
  };
  const shown = error ? shownError(error) : null;
  return (
    <section className="portal-card" aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title">{a('audit')}</h2>
      {shown ? (
        <p className="portal-muted" role="status">
          {locale === 'en' ? shown.message : shown.messageZh}
        </p>
      ) : !rows ? (
        <p aria-busy="true">{a('loading')}</p>
      ) : (
        <table className="portal-table">
          <thead>
            <tr>
              <th>{a('when')}</th>
              <th>{a('what')}</th>
              <th>{a('who')}</th>
              <th>{a('by')}</th>
              <th>{a('address')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.at}-${i}`}>
                <td>{new Date(row.at).toLocaleString(locale)}</td>
                <td>{labelOf(data.catalogue.auditKinds, row.kind, locale, a('none'))}</td>
                <td>{nameOf(row.accountId, row.login)}</td>
                <td>{row.detail['by'] !== undefined ? nameOf(row.detail['by'], null) : a('none')}</td>
                <td>{row.address ?? a('none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
