/** A period as `{ start, end }` China dates (kindShapes.ts); two labelled date inputs. */
import { say } from '../text.js';
import type { WidgetProps } from './types.js';

export function DateRangeWidget(props: WidgetProps) {
  const range = (props.value && typeof props.value === 'object' ? props.value : {}) as { start?: string; end?: string };
  const update = (part: 'start' | 'end', text: string) => {
    const next = { ...range, [part]: text === '' ? undefined : text };
    props.onChange(next.start === undefined && next.end === undefined ? undefined : next);
  };
  return (
    <span className="ng-range" role="group" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy}>
      <label>
        <span className="ng-sublabel">{say('from', props.locale)}</span>
        <input type="date" id={props.id} value={range.start ?? ''} readOnly={props.readOnly} aria-invalid={props.invalid || undefined} onBlur={props.onBlur} onChange={(e) => update('start', e.target.value)} />
      </label>
      <label>
        <span className="ng-sublabel">{say('to', props.locale)}</span>
        <input type="date" value={range.end ?? ''} min={range.start} readOnly={props.readOnly} aria-invalid={props.invalid || undefined} onBlur={props.onBlur} onChange={(e) => update('end', e.target.value)} />
      </label>
    </span>
  );
}
