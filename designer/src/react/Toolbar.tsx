/** Toolbar: undo/redo (also Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z), JSON import/export, variant mode switch. */
import { useId, useRef, useState } from 'react';
import type { Issue } from '@nongan/forms';
import { DICTIONARIES } from '../core/dictionaries.js';
import { exportDefinition, exportVariant, importFile } from '../core/importExport.js';
import { useDesignerEnv, useDesignerSelector } from './context.js';
import { DocumentMenu } from './DocumentMenu.js';
import { IssueList } from './inputs.js';
import { pick, say } from './text.js';
import { useWorkspace } from './workspace.js';

export function Toolbar({ onImported }: { onImported: (definitionId: string) => void }) {
  const { session, locale, report } = useDesignerEnv();
  const workspace = useWorkspace();
  const undoLabel = useDesignerSelector((s) => s.stack.done.at(-1)?.label ?? null);
  const redoLabel = useDesignerSelector((s) => s.stack.undone.at(-1)?.label ?? null);
  const inVariant = useDesignerSelector((s) => s.state.variant !== null);
  const [importIssues, setImportIssues] = useState<Issue[]>([]);
  const [region, setRegion] = useState(workspace?.region ?? 'beijing');
  const fileId = useId();
  const regionId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const doExport = () => {
    const state = session.getSnapshot().state;
    const result = state.variant ? exportVariant(state.variant.variant) : exportDefinition(state.definition);
    if (!result.ok) return setImportIssues(result.issues);
    setImportIssues([]);
    const url = URL.createObjectURL(new Blob([result.json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${state.variant ? state.variant.variant.id : state.definition.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="ngd-toolbar" role="toolbar" aria-label={say(locale, '工具栏', 'Toolbar')}>
      <button type="button" disabled={!undoLabel} onClick={() => session.undo()} aria-keyshortcuts="Control+Z">
        {say(locale, '撤销', 'Undo')}
        {undoLabel ? `：${pick(undoLabel, locale)}` : ''}
      </button>
      <button type="button" disabled={!redoLabel} onClick={() => session.redo()} aria-keyshortcuts="Control+Y Control+Shift+Z">
        {say(locale, '重做', 'Redo')}
        {redoLabel ? `：${pick(redoLabel, locale)}` : ''}
      </button>
      {!inVariant && <DocumentMenu />}
      {!inVariant && (
        <>
          <label htmlFor={fileId}>{say(locale, '导入 JSON', 'Import JSON')}</label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void importFile(file).then((result) => {
                if (fileInput.current) fileInput.current.value = '';
                if (!result.ok) return setImportIssues(result.issues);
                setImportIssues([]);
                session.open(result.definition);
                onImported(result.definition.id);
              }, report);
            }}
          />
        </>
      )}
      <button type="button" onClick={doExport}>
        {say(locale, '导出 JSON', 'Export JSON')}
      </button>
      {workspace &&
        (inVariant ? (
          <button type="button" onClick={() => void workspace.exitVariant()}>
            {say(locale, '返回基础表单', 'Back to the base form')}
          </button>
        ) : (
          <>
            <label htmlFor={regionId}>{say(locale, '地区', 'Region')}</label>
            <select id={regionId} value={region} onChange={(e) => setRegion(e.target.value)}>
              {workspace.region && !DICTIONARIES.regions!.options.some((o) => o.value === workspace.region) && <option value={workspace.region}>{workspace.region}</option>}
              {DICTIONARIES.regions!.options.map((o) => (
                <option key={String(o.value)} value={String(o.value)}>
                  {pick(o.label, locale)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void workspace.enterVariant(region)}>
              {say(locale, '编辑区域变体', 'Edit regional variant')}
            </button>
          </>
        ))}
      {importIssues.length > 0 && (
        <div className="ngd-import-issues">
          <p>{say(locale, '导入/导出失败，当前文档未改变：', 'Import/export failed; the open document is unchanged:')}</p>
          <IssueList issues={importIssues.slice(0, 20)} locale={locale} />
          <button type="button" onClick={() => setImportIssues([])}>
            {say(locale, '关闭', 'Dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
