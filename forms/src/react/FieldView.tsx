/**
 * One field: label bound to its control, help text, errors announced (aria-describedby,
 * aria-invalid, a polite live region), required marker. Subscribes to its own slice of the form, so
 * it re-renders only when its value, rule result or errors change.
 */
import { memo } from 'react';
import type { FormController } from '../controller/formController.js';
import type { JsonSchema, Locale } from '../definition/types.js';
import { ValueText } from './ValueText.js';
import { fieldMessage } from '../validation/issueMessages.js';
import { pick, say } from './text.js';
import { useField } from './useFormController.js';
import { GROUP_KINDS, widgetFor } from './widgets/registry.js';
import type { FormServices } from './widgets/types.js';

export type FormMode = 'edit' | 'readonly' | 'print';

export interface FieldViewProps {
  controller: FormController;
  fieldKey: string;
  idPrefix: string;
  mode: FormMode;
  locale: Locale;
  services: FormServices;
  /** Test and benchmark hook: called on every render of this field. */
  onRender?: (fieldKey: string) => void;
}

export const FieldView = memo(function FieldView({ controller, fieldKey, idPrefix, mode, locale, services, onRender }: FieldViewProps) {
  const state = useField(controller, fieldKey);
  onRender?.(fieldKey);
  const spec = controller.definition.fields[fieldKey];
  if (!spec || !state.visible) return null;
  const schema = ((controller.definition.schema.properties as Record<string, JsonSchema> | undefined) ?? {})[fieldKey] ?? {};
  const id = `${idPrefix}-${fieldKey}`;
  const label = pick(spec.label, locale);
  const help = pick(spec.help, locale);

  if (mode !== 'edit') {
    return (
      <div className="ng-field ng-field--static" style={spec.width ? { gridColumn: `span ${spec.width}` } : undefined}>
        <div className="ng-label" id={`${id}-label`}>
          {label}
        </div>
        <div className="ng-value" aria-labelledby={`${id}-label`}>
          <ValueText spec={spec} value={state.value} locale={locale} services={services} />
        </div>
      </div>
    );
  }

  const Widget = widgetFor(spec.kind);
  const invalid = state.issues.length > 0;
  const describedBy = [help ? `${id}-help` : '', `${id}-error`].filter(Boolean).join(' ');
  const group = GROUP_KINDS.has(spec.kind);
  return (
    <div className={`ng-field ng-field--${spec.kind}${invalid ? ' ng-field--invalid' : ''}`} style={spec.width ? { gridColumn: `span ${spec.width}` } : undefined}>
      {group ? (
        <span className="ng-label" id={`${id}-label`}>
          {label}
          {state.required && <RequiredMark locale={locale} />}
        </span>
      ) : (
        <label className="ng-label" id={`${id}-label`} htmlFor={id}>
          {label}
          {state.required && <RequiredMark locale={locale} />}
        </label>
      )}
      <Widget
        id={id}
        spec={spec}
        schema={schema}
        value={state.value}
        onChange={(value) => controller.setValue(fieldKey, value)}
        onBlur={() => controller.touch(fieldKey)}
        locale={locale}
        readOnly={state.readOnly}
        required={state.required}
        invalid={invalid}
        describedBy={describedBy}
        services={services}
      />
      {help && (
        <p className="ng-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <p className="ng-error" id={`${id}-error`} aria-live="polite">
        {state.issues.map((issue) => fieldMessage(issue, spec.label, locale)).join(locale === 'en' ? '; ' : '；')}
      </p>
    </div>
  );
});

function RequiredMark({ locale }: { locale: Locale }) {
  return (
    <>
      <span className="ng-required" aria-hidden="true">
        {' *'}
      </span>
      <span className="ng-visually-hidden">{`（${say('required', locale)}）`}</span>
    </>
  );
}
