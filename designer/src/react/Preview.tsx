/**
 * Live preview with the real renderer (@nongan/forms/react FormView): zh/en, edit / read-only /
 * print, live validation. It follows the edited definition after a short pause, so typing a label
 * does not rebuild the validator on every keystroke; a definition that does not load shows its
 * problems (FormView's own error list).
 */
import { memo, useMemo, useState } from 'react';
import type { FormDefinition, Issue, Locale } from '@nongan/forms';
import type { VariantDraft } from '../core/types.js';
import { FormView, formStyles, type FormMode } from '@nongan/forms/react';
import { resolveDraft } from '../core/variant.js';
import { useDesignerEnv, useSettledState } from './context.js';
import { IssueList, Select, uncommittedProps } from './inputs.js';
import { say } from './text.js';

type Shown = FormDefinition | { invalid: true; issues: Issue[] };

export function usePreviewDefinition(delayMs: number): Shown {
  const state = useSettledState(delayMs);
  return useMemo(() => compute(state.definition, state.variant), [state.definition, state.variant]);
}

function compute(definition: FormDefinition, variant: VariantDraft | null): Shown {
  if (!variant) return definition;
  const resolved = resolveDraft(variant);
  return resolved.ok ? resolved.definition : { invalid: true as const, issues: resolved.issues };
}

export function Preview({ delayMs = 250 }: { delayMs?: number }) {
  const { locale: uiLocale } = useDesignerEnv();
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [mode, setMode] = useState<FormMode>('edit');
  const shown = usePreviewDefinition(delayMs);
  return (
    // Sample data typed into the preview is not the document: Ctrl+Z there is the browser's text undo.
    <section className="ngd-panel ngd-preview" aria-label={say(uiLocale, '预览', 'Preview')} {...uncommittedProps(true)}>
      <style>{formStyles}</style>
      <h2>{say(uiLocale, '实时预览', 'Live preview')}</h2>
      <Select label={say(uiLocale, '预览语言', 'Preview language')} value={locale} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} onChange={setLocale} />
      <Select
        label={say(uiLocale, '预览模式', 'Preview mode')}
        value={mode}
        options={[
          { value: 'edit', label: say(uiLocale, '填写', 'Edit') },
          { value: 'readonly', label: say(uiLocale, '只读', 'Read-only') },
          { value: 'print', label: say(uiLocale, '打印', 'Print') },
        ]}
        onChange={setMode}
      />
      {'invalid' in shown ? (
        <>
          <p>{say(uiLocale, '区域变体无法解析：', 'The regional variant does not resolve:')}</p>
          <IssueList issues={shown.issues} locale={uiLocale} />
        </>
      ) : (
        <PreviewForm definition={shown} locale={locale} mode={mode} />
      )}
    </section>
  );
}

/** FormView re-renders only for a new definition, language or mode. */
const PreviewForm = memo(function PreviewForm(props: { definition: FormDefinition; locale: Locale; mode: FormMode }) {
  return <FormView {...props} />;
});
