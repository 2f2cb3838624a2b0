/**
 * Governed publishing: the publish form (version, effective date, change note) with what blocks
 * publishing (invalid definition, unresolved variant, open rebase conflicts, a failed lifecycle
 * contract), the version list with what supersedes what, and readable diffs between versions.
 */
import { useId, useMemo, useState } from 'react';
import { checkPublishable } from '../core/publishCheck.js';
import { diffDocs } from '../store/diff.js';
import { useDesignerEnv, useSettledState } from './context.js';
import { IssueList, TextInput, uncommittedProps } from './inputs.js';
import { say } from './text.js';
import { useWorkspace } from './workspace.js';

const realToday = () => new Date().toISOString().slice(0, 10);

export function VersionList() {
  const { locale, contracts, locked, today = realToday } = useDesignerEnv();
  const workspace = useWorkspace();
  const state = useSettledState(200);
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [note, setNote] = useState('');
  const [diffPair, setDiffPair] = useState<[string, string] | null>(null);
  const dateId = useId();
  const check = useMemo(() => checkPublishable(state, contracts), [state.definition, state.variant, contracts]);
  const version = state.variant ? state.variant.variant.version : state.definition.version;
  if (!workspace) return null;
  const versions = workspace.versions;
  const a = diffPair && versions.find((v) => v.version === diffPair[0]);
  const b = diffPair && versions.find((v) => v.version === diffPair[1]);
  return (
    <section className="ngd-panel ngd-versions" aria-label={say(locale, '版本', 'Versions')}>
      <h2>{say(locale, '发布与版本', 'Publishing and versions')}</h2>
      {check.contract && (
        <p className={check.contract.ok ? 'ngd-status--ok' : 'ngd-status'} role="status">
          {check.contract.ok ? say(locale, '✓ 满足流程数据契约', '✓ Meets the lifecycle data contract') : say(locale, '✗ 不满足流程数据契约，不能发布', '✗ Does not meet the lifecycle data contract; publishing is blocked')}
        </p>
      )}
      {locked ? (
        <>
          <p>{say(locale, `版本 ${version} 已发布，不可修改；可基于它创建新版本。`, `Version ${version} is published and cannot be edited; start a new version from it.`)}</p>
          <button type="button" onClick={() => workspace.startNewVersion()}>
            {say(locale, '创建新版本', 'Start a new version')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void workspace.publish({ effectiveFrom, note }).then((ok) => ok && setNote(''));
          }}
        >
          <p>
            {say(locale, '将发布版本', 'Will publish version')} <strong>{version}</strong>
          </p>
          <label htmlFor={dateId}>{say(locale, '生效日期', 'Effective from')}</label>
          <input id={dateId} type="date" value={effectiveFrom} required onChange={(e) => setEffectiveFrom(e.target.value)} {...uncommittedProps(true)} />
          <TextInput label={say(locale, '变更说明', 'Change note')} multiline value={note} onChange={setNote} uncommitted />
          <IssueList issues={check.issues.slice(0, 20)} locale={locale} />
          <button type="submit" disabled={!check.ok || note.trim() === ''}>
            {say(locale, '发布', 'Publish')}
          </button>
        </form>
      )}
      <h3 className="ngd-page-title">{say(locale, '已发布版本', 'Published versions')}</h3>
      {versions.length === 0 ? (
        <p>{say(locale, '尚无已发布版本', 'No published version yet')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{say(locale, '版本', 'Version')}</th>
              <th scope="col">{say(locale, '生效日期', 'Effective')}</th>
              <th scope="col">{say(locale, '说明', 'Note')}</th>
              <th scope="col">{say(locale, '状态', 'Status')}</th>
              <th scope="col">{say(locale, '对比', 'Diff')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.version} data-version={v.version}>
                <td>{v.version}</td>
                <td>{v.effectiveFrom}</td>
                <td>{v.note}</td>
                <td>{v.supersededBy ? say(locale, `已被 ${v.supersededBy} 取代`, `superseded by ${v.supersededBy}`) : say(locale, '现行', 'current')}</td>
                <td>
                  {i > 0 && (
                    <button type="button" onClick={() => setDiffPair([versions[i - 1]!.version, v.version])}>
                      {say(locale, `对比 ${versions[i - 1]!.version}`, `Diff with ${versions[i - 1]!.version}`)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a && b && (
        <div aria-label={say(locale, '版本差异', 'Version differences')} role="region">
          <h3 className="ngd-page-title">
            {a.version} → {b.version}
          </h3>
          <ul className="ngd-diff">
            {diffDocs(a.doc, b.doc).map((c, i) => (
              <li key={i}>{locale === 'en' ? c.text : c.textZh}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
