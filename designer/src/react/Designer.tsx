/**
 * `<Designer store region contracts />`: the whole designer. Props (all the portal needs):
 * - `store` (required): where drafts autosave and versions are published (Dexie in the browser).
 * - `formId`: open this form (its draft, else its latest published version); default a new form.
 * - `initialDefinition`: the form to start from when the store has nothing under that id
 *   (e.g. a lifecycle's base form).
 * - `region`: the default region for variant mode (e.g. `beijing`).
 * - `contracts`: lifecycle data contracts (JSON Schema) by base form id; publishing is blocked
 *   while the (resolved) form does not satisfy its contract.
 * - `locale`: UI language, `zh-CN` (default) or `en`.
 * - `today`: the host's date (YYYY-MM-DD) for the default effective date (a demo clock); default the real date.
 * - `onPublish`: called with each version published here (the host can start using it at once).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { FormDefinition, Locale } from '@nongan/forms';
import { setFormMeta } from '../core/commands/fieldCommands.js';
import { checkPublishable, documentOf, type Contracts } from '../core/publishCheck.js';
import { blankForm, createDesignerSession, type DesignerSession } from '../core/session.js';
import { DesignerError } from '../core/types.js';
import { nextVersion, rebaseOnto, setVariantVersion, startVariant } from '../core/variant.js';
import { autosaveSession, type AutosaveHandle } from '../store/autosave.js';
import { docIdOf, type DesignerStore, type VersionEntry, type VersionRecord } from '../store/types.js';
import { Canvas } from './Canvas.js';
import { DesignerContext, type DesignerEnv } from './context.js';
import { DesignerDnd } from './dnd.js';
import { UNCOMMITTED } from './inputs.js';
import { Palette } from './Palette.js';
import { Preview } from './Preview.js';
import { PropertyPanel } from './PropertyPanel.js';
import { PermissionMatrix } from './PermissionMatrix.js';
import type { PermissionStep } from '../core/fieldPermissions.js';
import { designerStyles } from './styles.js';
import { errorText, say } from './text.js';
import { Toolbar } from './Toolbar.js';
import { VariantMode } from './VariantMode.js';
import { VersionList } from './VersionList.js';
import { WorkspaceContext, type Workspace } from './workspace.js';

export interface DesignerProps {
  store: DesignerStore;
  formId?: string;
  initialDefinition?: FormDefinition;
  region?: string;
  contracts?: Contracts;
  locale?: Locale;
  /** Autosave pause in ms (default 400). */
  autosaveMs?: number;
  /** Benchmarks/tests: called each time a field card renders. */
  onFieldRender?: (fieldKey: string) => void;
  /** Advanced: drive the designer from an existing session (tests, stories). */
  session?: DesignerSession;
  /** The host's date (YYYY-MM-DD) for the default effective date of a publication; default the real date. */
  today?: () => string;
  /** Called with each version published from this designer. */
  onPublish?: (record: VersionRecord) => void;
  /** The lifecycle steps where this form is filled, for the field-permission matrix (omitted: no matrix). */
  permissionSteps?: readonly PermissionStep[];
}

export function Designer(props: DesignerProps) {
  const { store, locale = 'zh-CN', contracts = EMPTY, autosaveMs = 400 } = props;
  if (!store || typeof store.saveDraft !== 'function') throw new DesignerError('<Designer> 需要 store 属性（DesignerStore）', '<Designer> needs a `store` (a DesignerStore)');
  const [session] = useState(() => props.session ?? createDesignerSession(props.initialDefinition ?? blankForm(props.formId)));
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [versionsOf, setVersionsOf] = useState<{ docId: string; list: VersionEntry[] }>({ docId: '', list: [] });
  const [baseVersions, setBaseVersions] = useState<VersionEntry[]>([]);
  const autosave = useRef<AutosaveHandle | null>(null);
  const docKey = useSyncExternalStore(session.subscribe, () => docKeyOf(session));
  const [docId, version, inVariant] = JSON.parse(docKey) as [string, string, boolean];
  // Versions of ANOTHER document (just switched, not refreshed yet) say nothing about this one.
  const versions = versionsOf.docId === docId ? versionsOf.list : NO_VERSIONS;
  const locked = versions.some((v) => v.version === version);

  const report = useCallback((error: unknown) => setStatus({ text: errorText(error, locale), ok: false }), [locale]);
  const info = (zh: string, en: string) => setStatus({ text: say(locale, zh, en), ok: true });

  const refresh = useCallback(async () => {
    const state = session.getSnapshot().state;
    const id = docIdOf(documentOf(state));
    setVersionsOf({ docId: id, list: await store.listVersions(id) });
    setBaseVersions(await store.listVersions(state.variant ? state.variant.base.id : state.definition.id));
  }, [session, store]);

  /** Open a document by id: its draft, else its latest version; false when the store has neither. */
  const openDoc = useCallback(
    async (id: string): Promise<boolean> => {
      const draft = await store.getDraft(id);
      const latest = draft ? undefined : (await store.listVersions(id)).at(-1);
      const doc = draft?.doc ?? latest?.doc;
      if (!doc) return false;
      if (doc.kind === 'form') session.open(doc.definition);
      else {
        const base = await store.getVersion(doc.variant.base.id, doc.variant.base.version);
        if (!base || base.doc.kind !== 'form') throw new DesignerError(`找不到变体的基础表单 ${doc.variant.base.id}@${doc.variant.base.version}`, `the variant's base form ${doc.variant.base.id}@${doc.variant.base.version} is not in the store`);
        session.open(base.doc.definition, { base: base.doc.definition, variant: doc.variant, conflicts: [] });
      }
      return true;
    },
    [session, store],
  );

  useEffect(() => {
    let live = true;
    const id = props.formId ?? props.initialDefinition?.id;
    void (async () => {
      try {
        if (id && !props.session) await openDoc(id);
      } catch (error) {
        report(error);
      }
      if (!live) return;
      await refresh();
      setReady(true);
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    const handle = autosaveSession(session, store, { debounceMs: autosaveMs, onError: report });
    autosave.current = handle;
    return () => {
      void handle.flush();
      handle.stop();
      autosave.current = null;
    };
  }, [ready, session, store, autosaveMs]);

  useEffect(() => {
    if (ready) void refresh();
  }, [docId, inVariant, ready]);

  const workspace: Workspace = {
    docId,
    versions,
    baseVersions,
    region: props.region ?? null,
    refresh,
    async enterVariant(region) {
      try {
        await autosave.current?.flush();
        const state = session.getSnapshot().state;
        const baseId = state.definition.id;
        if (await openDoc(`${baseId}-${region}`)) return;
        const latestBase = (await store.listVersions(baseId)).at(-1);
        if (!latestBase || latestBase.doc.kind !== 'form') {
          throw new DesignerError('请先发布基础表单，区域变体基于已发布的版本', 'publish the base form first: a regional variant is based on a published version');
        }
        session.open(latestBase.doc.definition, startVariant(latestBase.doc.definition, region));
      } catch (error) {
        report(error);
      }
    },
    async exitVariant() {
      await autosave.current?.flush();
      const baseId = session.getSnapshot().state.variant?.base.id;
      if (baseId) await openDoc(baseId).catch(report);
    },
    async publish(input) {
      const state = session.getSnapshot().state;
      const check = checkPublishable(state, contracts);
      if (!check.ok) {
        report(new DesignerError('存在问题，不能发布', 'cannot publish: there are problems'));
        return false;
      }
      try {
        await autosave.current?.flush();
        const record = await store.publish(documentOf(state), input);
        await refresh();
        props.onPublish?.(record);
        info(`已发布 ${record.docId} 版本 ${record.version}`, `Published ${record.docId} version ${record.version}`);
        return true;
      } catch (error) {
        report(error);
        return false;
      }
    },
    startNewVersion() {
      const state = session.getSnapshot().state;
      try {
        session.execute(state.variant ? setVariantVersion(nextVersion(state.variant.variant.version)) : setFormMeta({ version: nextVersion(state.definition.version) }));
      } catch (error) {
        report(error);
      }
    },
    listDocuments: () => store.listDocuments(),
    async openDocument(id) {
      try {
        await autosave.current?.flush();
        if (!(await openDoc(id))) report(new DesignerError(`找不到文档 ${id}`, `document ${id} not found`));
      } catch (error) {
        report(error);
      }
    },
    async newForm(id) {
      await autosave.current?.flush();
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) return report(new DesignerError('表单编号只能包含字母、数字、点、下划线和连字符', 'a form id has letters, digits, dots, underscores and hyphens only'));
      if ((await store.getDraft(id)) || (await store.listVersions(id)).length) return report(new DesignerError(`表单 ${id} 已存在，请直接打开`, `form ${id} exists already; open it instead`));
      session.open(blankForm(id));
    },
    async rebaseTo(target) {
      const state = session.getSnapshot().state;
      if (!state.variant) return;
      const record = await store.getVersion(state.variant.base.id, target);
      if (!record || record.doc.kind !== 'form') return report(new DesignerError(`找不到基础表单版本 ${target}`, `base version ${target} not found`));
      try {
        session.execute(rebaseOnto(record.doc.definition));
        await refresh();
      } catch (error) {
        report(error);
      }
    },
  };

  const env: DesignerEnv = useMemo(
    () => ({ session, store, locale, contracts, locked, report, onFieldRender: props.onFieldRender, today: props.today }),
    [session, store, locale, contracts, locked, report, props.onFieldRender, props.today],
  );

  // Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z are the designer's undo/redo everywhere, text fields included:
  // their typing is already in the document, one run of typing per field being one undo step. Only
  // where typing is not (yet) part of the document (a box marked data-ngd-uncommitted: a key applied
  // on Enter, a change note, JSON that does not parse…) and while an IME composes does the browser
  // keep the key for its own text undo. See README "Undo in text fields".
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.nativeEvent.isComposing || e.key === 'Process') return;
    if (e.target instanceof Element && e.target.closest(`[${UNCOMMITTED}]`)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      session.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      session.redo();
    }
  };

  // Built once: a re-render of <Designer> (versions loaded, a status line) must not re-render the
  // drag-and-drop context and with it every field card.
  const editorView = useMemo(
    () => (
      <DesignerDnd>
        <div className="ngd-main">
          <Palette />
          <Canvas />
          <PropertyPanel />
        </div>
      </DesignerDnd>
    ),
    [],
  );
  const variantView = useMemo(
    () => (
      <div className="ngd-main" style={{ gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)' }}>
        <VariantMode />
        <VersionList />
      </div>
    ),
    [],
  );

  return (
    <DesignerContext.Provider value={env}>
      <WorkspaceContext.Provider value={workspace}>
        <div className="ngd" lang={locale} onKeyDown={onKeyDown} aria-busy={!ready}>
          <style>{designerStyles}</style>
          <h1 className="ngd-visually-hidden">{say(locale, '表单设计器', 'Form designer')}</h1>
          <Toolbar onImported={() => void refresh()} />
          <p className={status?.ok ? 'ngd-status ngd-status--ok' : 'ngd-status'} role="status" aria-live="polite">
            {status?.text ?? ''}
          </p>
          {inVariant ? (
            variantView
          ) : (
            editorView
          )}
          {props.permissionSteps && <PermissionMatrix steps={props.permissionSteps} />}
          <div className="ngd-main" style={{ gridTemplateColumns: inVariant ? '1fr' : 'minmax(0, 3fr) minmax(0, 2fr)' }}>
            <Preview />
            {!inVariant && <VersionList />}
          </div>
        </div>
      </WorkspaceContext.Provider>
    </DesignerContext.Provider>
  );
}

const EMPTY: Contracts = {};
const NO_VERSIONS: VersionEntry[] = [];

function docKeyOf(session: DesignerSession): string {
  const state = session.getSnapshot().state;
  return JSON.stringify([docIdOf(documentOf(state)), state.variant ? state.variant.variant.version : state.definition.version, state.variant !== null]);
}

/** Lay out the parts yourself (stories, other hosts): a session and a store in context, no workspace. */
export function DesignerProvider({ session, store = null, locale = 'zh-CN', contracts = EMPTY, children, onFieldRender }: { session: DesignerSession; store?: DesignerStore | null; locale?: Locale; contracts?: Contracts; children: React.ReactNode; onFieldRender?: (key: string) => void }) {
  const [status, setStatus] = useState('');
  const env = useMemo<DesignerEnv>(() => ({ session, store, locale, contracts, locked: false, report: (e) => setStatus(errorText(e, locale)), onFieldRender }), [session, store, locale, contracts, onFieldRender]);
  return (
    <DesignerContext.Provider value={env}>
      <div className="ngd" lang={locale}>
        <style>{designerStyles}</style>
        <p className="ngd-status" role="status" aria-live="polite">
          {status}
        </p>
        {children}
      </div>
    </DesignerContext.Provider>
  );
}
