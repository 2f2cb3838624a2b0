/** Select, radio group and checkbox group; options come from the field or a named dictionary. */
import type { FieldOption } from '../../definition/types.js';
import { pick, say } from '../text.js';
import { inputAria, type FormServices, type WidgetProps } from './types.js';

export function optionsOf(spec: WidgetProps['spec'], services: FormServices): FieldOption[] {
  if (spec.options) return spec.options;
  return spec.optionsFrom ? (services.dictionaries?.[spec.optionsFrom] ?? []) : [];
}

/** Options keep their JSON type (number / boolean) although the DOM speaks strings. */
const encode = (value: FieldOption['value']) => JSON.stringify(value);
const decode = (text: string): FieldOption['value'] | undefined => (text === '' ? undefined : (JSON.parse(text) as FieldOption['value']));

export function SelectWidget(props: WidgetProps) {
  const options = optionsOf(props.spec, props.services);
  return (
    <select {...inputAria(props)} disabled={props.readOnly} value={props.value === undefined ? '' : encode(props.value as FieldOption['value'])} onChange={(e) => props.onChange(decode(e.target.value))}>
      <option value="">{say('choose', props.locale)}</option>
      {options.map((option) => (
        <option key={encode(option.value)} value={encode(option.value)}>
          {pick(option.label, props.locale)}
        </option>
      ))}
    </select>
  );
}

/** Radio and checkbox groups are labelled by the field's legend (see FieldView), each option by its text. */
export function RadioWidget(props: WidgetProps) {
  const options = optionsOf(props.spec, props.services);
  return (
    <div className="ng-choices" role="radiogroup" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined} aria-required={props.required || undefined}>
      {options.map((option, i) => (
        <label key={encode(option.value)} className="ng-choice">
          <input
            type="radio"
            id={i === 0 ? props.id : undefined}
            name={props.id}
            checked={props.value === option.value}
            disabled={props.readOnly}
            onBlur={props.onBlur}
            onChange={() => props.onChange(option.value)}
          />
          {pick(option.label, props.locale)}
        </label>
      ))}
    </div>
  );
}

export function CheckboxesWidget(props: WidgetProps) {
  const options = optionsOf(props.spec, props.services);
  const selected = Array.isArray(props.value) ? (props.value as FieldOption['value'][]) : [];
  const toggle = (value: FieldOption['value'], on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    props.onChange(next.length > 0 ? options.map((o) => o.value).filter((v) => next.includes(v)) : undefined);
  };
  return (
    <div className="ng-choices" role="group" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy}>
      {options.map((option, i) => (
        <label key={encode(option.value)} className="ng-choice">
          <input
            type="checkbox"
            id={i === 0 ? props.id : undefined}
            checked={selected.includes(option.value)}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            onBlur={props.onBlur}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          {pick(option.label, props.locale)}
        </label>
      ))}
    </div>
  );
}
