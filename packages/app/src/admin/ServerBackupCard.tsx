/**
 * The whole server's backup for an administrator whose scope is everything: download one file, or
 * restore one (the server checks it in full and replaces the cases in one transaction; nothing
 * changes when it refuses, and the refusal lists what is wrong).
 */
import { shownError } from '@nongan/react';
import { useState } from 'react';
import { usePortal } from '../shell/PortalContext.js';
import type { AdminApi, RestoreSummary } from './adminApi.js';
import { adminText, type AdminTextKey } from './adminText.js';

interface Problem {
  path: string;
  message: string;
  messageZh: string;
}

export function ServerBackupCard({ api, onRestored }: { api: AdminApi; onRestored: () => void }) {
  const { locale } = usePortal();
  const a = (key: AdminTextKey, vars?: Record<string, string | number>) => adminText(locale, key, vars);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);

  const download = async () => {
    setBusy(true);
    setStatus(null);
    setRefusal(null);
    try {
      const backup = await api.backup();
      const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `nongan-server-backup-${backup.exportedAt.slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(a('backupDownloaded', { instances: backup.engine.instances.length }));
    } catch (error) {
      refuse(error);
    } finally {
      setBusy(false);
    }
  };

  const refuse = (error: unknown) => {
    const shown = shownError(error);
    const details = (error as { details?: { problems?: Problem[] } }).details;
    setRefusal({ message: locale === 'en' ? shown.message : shown.messageZh, problems: details?.problems ?? [] });
  };

  const restore = async (file: File | undefined) => {
    if (!file || !window.confirm(a('restoreConfirm'))) return;
    setBusy(true);
    setStatus(null);
    setRefusal(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        setRefusal({ message: a('notJson'), problems: [] });
        return;
      }
      const summary: RestoreSummary = await api.restore(parsed);
      setStatus(a('restored', { instances: summary.instances, journal: summary.journal, forms: summary.designs.added, organisations: summary.organisations.added, farms: summary.subjects.added }));
      onRestored();
    } catch (error) {
      refuse(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="portal-card" aria-labelledby="admin-backup-title" data-testid="server-backup">
      <h2 id="admin-backup-title">{a('serverBackup')}</h2>
      <p>{a('serverBackupHelp')}</p>
      <button type="button" className="portal-primary" onClick={download} disabled={busy}>
        {a('downloadBackup')}
      </button>
      <label className="portal-file">
        {a('restoreLabel')}
        <input type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void restore(e.target.files?.[0])} />
      </label>
      {busy && <p aria-busy="true">{a('working')}</p>}
      {status && <p role="status">{status}</p>}
      {refusal && (
        <div role="alert" className="portal-error" data-testid="restore-problems">
          <p>{refusal.message}</p>
          {refusal.problems.length > 1 && (
            <ul>
              {refusal.problems.map((p, i) => (
                <li key={i}>{locale === 'en' ? p.message : `${p.messageZh} / ${p.message}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
