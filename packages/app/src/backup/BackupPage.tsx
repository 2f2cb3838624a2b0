/**
 * Backup and restore of everything this browser holds. Export downloads one JSON file; import checks
 * the whole file (shape, cross references, every journal's hash chain) before replacing anything, and
 * lists what is wrong in Chinese and English when it refuses. After a restore the page reloads so the
 * engine starts from the restored data.
 */
import { useState } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';
import type { BackupProblem } from './backupFormat.js';
import { backupFileName, createBackup, importBackup } from './backupIO.js';
import { deletePortalData, type LocalPortalRuntime, type PortalRuntime } from '../boot/runtime.js';
import type { BackupSources } from './backupIO.js';

export function BackupPage() {
  const { runtime, locale } = usePortal();
  const t = useText();
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<BackupProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const sources = localSources(runtime);

  const exportFile = async () => {
    setBusy(true);
    try {
      const backup = await createBackup(sources);
      const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = backupFileName(runtime.clock.now());
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t('exported', { instances: backup.engine.instances.length }));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setStatus(null);
    setProblems([]);
    try {
      const outcome = await importBackup(sources, await file.text());
      if (!outcome.ok) {
        setProblems(outcome.problems);
        return;
      }
      setStatus(t('importDone', { instances: outcome.instances, journal: outcome.journal }));
      await runtime.close();
      window.location.reload();
    } catch (error) {
      setProblems([{ path: '', message: error instanceof Error ? error.message : String(error), messageZh: '导入时出错' }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="portal-card" aria-labelledby="backup-title" data-testid="backup-page">
      <h1 id="backup-title">{t('backupTitle')}</h1>
      <p>{t('backupHelp')}</p>
      <button type="button" className="portal-primary" onClick={exportFile} disabled={busy}>
        {t('exportButton')}
      </button>
      <label className="portal-file">
        {t('importLabel')}
        <input type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            if (!window.confirm(t('resetConfirm'))) return;
            setBusy(true);
            await deletePortalData(runtime);
            window.location.reload();
          }}
        >
          {t('resetDemo')}
        </button>
      </p>
      {status && <p role="status">{status}</p>}
      {problems.length > 0 && (
        <div role="alert" className="portal-error" data-testid="import-problems">
          <p>{t('importFailed')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {locale === 'en' ? p.message : p.messageZh}
                {locale === 'en' ? '' : ` / ${p.message}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** What a browser-only portal backs up; a server's data is backed up by its administrator instead. */
function localSources(runtime: PortalRuntime): BackupSources {
  if (runtime.mode !== 'local' || !runtime.store || !runtime.demoClock) throw new Error('the local backup needs the browser-only mode / 本地备份仅用于单机模式');
  return { engine: runtime.engine, checkpointKeyId: (runtime as LocalPortalRuntime).checkpointKeyId, store: runtime.store, designs: runtime.designs, storage: runtime.storage, clock: runtime.demoClock };
}
