/**
 * `<FormView definition value onChange mode locale />`: renders a form definition. A definition that
 * fails its checks renders the list of problems (never a blank page or a crash). Drafts autosave to
 * the given store and are restored on the next mount.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { FormController } from '../controller/formController.js';
import type { FormDefinition, Locale } from '../definition/types.js';
import type { FieldAccess } from '../access/fieldAccess.js';
import { autosave, loadDraft } from '../drafts/autosave.js';
import type { DraftStore } from '../drafts/draftStore.js';
import { loadForm } from '../loadForm.js';
import { loadPatternEngine, patternEngineReady, schemaUsesPatterns } from '../validation/patternEngine.js';
import type { FormValidator } from '../validation/index.js';
import { LayoutView } from './LayoutView.js';
import type { FormMode } from './FieldView.js';
import { ErrorSummary } from './ErrorSummary.js';
import { pick } from './text.js';
import { useFormController, useValuesListener } from './useFormController.js';
import type { FormServices } from './widgets/types.js';

export interface FormViewProps {
  definition: FormDefinition | unknown;
  value?: Record<string, unknown>;
  onChange?: (value: Record<string, unknown>) => void;
  mode?: FormMode;
  locale?: Locale;
  services?: FormServices;
  /** Autosave drafts here under this key, and restore the draft on mount. */
  draft?: { store: DraftStore; key: string; debounceMs?: number };
  /** Gives the host the controller (submit: `controller.validateAll()`, `controller.getSubmittable()`). */
  onController?: (controller: FormController) => void;
  onFieldRender?: (fieldKey: string) => void;
  /** Field permissions of the person filling or reading it at this step (`accessAt(definition.access, { state, role })`). */
  access?: Readonly<Record<string, FieldAccess>>;
}

export function FormView(props: FormViewProps) {
  // Forms with a `pattern` need the linear-time pattern engine, which this entry loads on demand.
  const needsEngine = useMemo(() => !patternEngineReady() && schemaUsesPatterns(props.definition), [props.definition]);
  const ready = !needsEngine || patternEngineReady();
  const [, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<Error | null>(null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadPatternEngine().then(
      () => live && setLoaded(true),
      (error: unknown) => live && setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [ready]);
  if (loadError) {
    return (
      <div role="alert" className="ng-definition-error">
        <p>无法加载正则引擎 / The pattern engine could not be loaded: {loadError.message}</p>
      </div>
    );
  }
  if (!ready) return <p aria-busy="true">…</p>;
  return <CheckedForm {...props} />;
}

function CheckedForm(props: FormViewProps) {
  const loaded = useMemo(() => loadForm(props.definition), [props.definition]);
  if (!loaded.ok) {
    return (
      <div role="alert" className="ng-definition-error">
        <p>表单定义有误，无法显示 / This form definition has problems and cannot be shown:</p>
        <ul>
          {loaded.issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '/'}</code> {issue.messageZh} / {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <DraftGate {...props} definition={loaded.definition} validator={loaded.validator} />;
}

/** Waits for a saved draft (if any) before creating the controller, so the draft is the initial value. */
function DraftGate(props: FormViewProps & { definition: FormDefinition; validator: FormValidator }) {
  const [initial, setInitial] = useState<Record<string, unknown> | null>(props.draft ? null : (props.value ?? {}));
  useEffect(() => {
    if (!props.draft) return;
    let live = true;
    void loadDraft(props.draft.store, props.draft.key, props.definition).then((draft) => {
      if (live) setInitial(draft && !draft.stale ? draft.value : (props.value ?? {}));
    });
    return () => {
      live = false;
    };
  }, [props.draft?.store, props.draft?.key, props.definition]);
  if (initial === null) return <p aria-busy="true">…</p>;
  return <LoadedForm {...props} initial={initial} />;
}

function LoadedForm(props: FormViewProps & { definition: FormDefinition; validator: FormValidator; initial: Record<string, unknown> }) {
  const { definition, mode = 'edit', locale = 'zh-CN', services = {}, draft } = props;
  const controller = useFormController(definition, { initialValue: props.initial, locale, validator: props.validator, ...(props.access ? { access: props.access } : {}) });
  const idPrefix = useId().replace(/:/g, '');
  useValuesListener(controller, props.onChange);
  useEffect(() => controller.setLocale(locale), [controller, locale]);
  useEffect(() => {
    props.onController?.(controller);
  }, [controller]);
  useEffect(() => {
    if (!draft || mode !== 'edit') return;
    const handle = autosave(controller, draft.store, draft.key, draft.debounceMs === undefined ? {} : { debounceMs: draft.debounceMs });
    return () => {
      void handle.flush();
      handle.stop();
    };
  }, [controller, draft?.store, draft?.key, mode]);

  return (
    <form className={`ng-form ng-form--${mode}`} lang={locale} noValidate onSubmit={(e) => e.preventDefault()} aria-label={pick(definition.title, locale)}>
      <h2 className="ng-title">{pick(definition.title, locale)}</h2>
      {mode === 'edit' && <ErrorSummary controller={controller} idPrefix={idPrefix} locale={locale} />}
      <LayoutView node={definition.layout} context={{ controller, idPrefix, mode, locale, services, ...(props.onFieldRender ? { onRender: props.onFieldRender } : {}) }} />
    </form>
  );
}
