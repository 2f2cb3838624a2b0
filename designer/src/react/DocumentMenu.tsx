/** Open a stored form or variant, or start a blank form: the toolbar's document menu. */
import { useEffect, useId, useState } from 'react';
import type { DocumentSummary } from '../store/types.js';
import { useDesignerEnv } from './context.js';
import { uncommittedProps } from './inputs.js';
import { pick, say } from './text.js';
import { useWorkspace } from './workspace.js';

export function DocumentMenu() {
  const { locale } = useDesignerEnv();
  const workspace = useWorkspace();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [newId, setNewId] = useState('');
  const openId = useId();
  const newIdId = useId();
  const docId = workspace?.docId;
  const versionCount = workspace?.versions.length;
  const reload = () => void workspace?.listDocuments().then(setDocuments);
  // Drafts are saved in the background: the list is read again whenever the menu is used.
  useEffect(reload, [docId, versionCount]);
  if (!workspace) return null;
  return (
    <>
      <label htmlFor={openId}>{say(locale, '文档', 'Document')}</label>
      <select id={openId} value={chosen} onFocus={reload} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{say(locale, '（选择要打开的文档）', '(choose a document)')}</option>
        {documents.map((d) => (
          <option key={d.docId} value={d.docId}>
            {pick(d.title, locale)} · {d.docId}
            {d.latestVersion ? ` · v${d.latestVersion}` : ''}
            {d.hasDraft ? say(locale, ' · 有草稿', ' · draft') : ''}
          </option>
        ))}
      </select>
      <button type="button" disabled={!chosen} onClick={() => void workspace.openDocument(chosen)}>
        {say(locale, '打开', 'Open')}
      </button>
      <label htmlFor={newIdId}>{say(locale, '新表单编号', 'New form id')}</label>
      <input id={newIdId} type="text" size={12} value={newId} onChange={(e) => setNewId(e.target.value)} {...uncommittedProps(true)} />
      <button type="button" disabled={!newId} onClick={() => void workspace.newForm(newId).then(() => setNewId(''))}>
        {say(locale, '新建空白表单', 'New blank form')}
      </button>
    </>
  );
}
