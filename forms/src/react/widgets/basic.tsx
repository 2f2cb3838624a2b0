/** Text, long text, numbers with units, dates, switches and computed values. */
import { pick, say } from '../text.js';
import { emptyToUndefined, inputAria, type WidgetProps } from './types.js';

export function TextWidget(props: WidgetProps) {
  const { spec, value, onChange, locale } = props;
  const common = { ...inputAria(props), value: typeof value === 'string' ? value : '', placeholder: pick(spec.placeholder, locale) || undefined };
  if (spec.kind === 'textarea') return <textarea {...common} rows={4} onChange={(e) => onChange(emptyToUndefined(e.target.value))} />;
  return <input type="text" {...common} onChange={(e) => onChange(emptyToUndefined(e.target.value))} />;
}

export function NumberWidget(props: WidgetProps) {
  const { spec, value, onChange, locale, schema } = props;
  const unit = pick(spec.unit, locale);
  return (
    <span className="ng-number">
      <input
        type="number"
        inputMode={spec.kind === 'integer' ? 'numeric' : 'decimal'}
        step={spec.kind === 'integer' ? 1 : 'any'}
        min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
        max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
        {...inputAria(props)}
        value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)}
      />
      {unit && <span className="ng-unit">{unit}</span>}
    </span>
  );
}

export function DateWidget(props: WidgetProps) {
  return <input type="date" {...inputAria(props)} value={typeof props.value === 'string' ? props.value : ''} onChange={(e) => props.onChange(emptyToUndefined(e.target.value))} />;
}

export function SwitchWidget(props: WidgetProps) {
  const checked = props.value === true;
  return (
    <input
      type="checkbox"
      role="switch"
      {...inputAria(props)}
      checked={checked}
      aria-checked={checked}
      disabled={props.readOnly}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

/** A computed value: announced as output, never editable. */
export function ComputedWidget(props: WidgetProps) {
  const { value, locale, spec } = props;
  const text = value === true ? say('yes', locale) : value === false ? say('no', locale) : value == null ? '—' : String(value);
  return (
    <output id={props.id} aria-describedby={props.describedBy} className="ng-computed">
      {text}
      {spec.unit && value != null ? ` ${pick(spec.unit, locale)}` : ''}
    </output>
  );
}
