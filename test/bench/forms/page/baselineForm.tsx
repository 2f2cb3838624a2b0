/**
 * The baseline the benchmark compares against: what a developer writes without a form library —
 * one React state object with every value, plain controlled inputs, and one compiled Ajv validator
 * run over the whole object on every change. Every keystroke re-renders the whole form.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { useMemo, useState } from 'react';
import type { FieldSpec, FormDefinition, JsonSchema } from '@nongan/forms';

export function compileBaseline(form: FormDefinition): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The baseline knows nothing of the Chinese formats: accept them, as a naive form would.
  ajv.addFormat('cn-mobile', true);
  return ajv.compile(form.schema);
}

export function BaselineForm({ form, validate }: { form: FormDefinition; validate: ValidateFunction }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const errors = useMemo(() => {
    validate(values);
    const byField: Record<string, string> = {};
    for (const e of validate.errors ?? []) byField[e.instancePath.split('/')[1] ?? (e.params as { missingProperty?: string }).missingProperty ?? ''] ??= e.message ?? '';
    return byField;
  }, [values, validate]);
  const properties = form.schema.properties as Record<string, JsonSchema>;
  return (
    <form className="bl-form" onSubmit={(e) => e.preventDefault()}>
      {Object.entries(form.fields).map(([key, spec]) => (
        <div className="bl-field" key={key}>
          <label htmlFor={`bl-${key}`}>{spec.label.zh}</label>
          <BaselineInput id={`bl-${key}`} spec={spec} schema={properties[key]!} value={values[key]} onChange={(v) => setValues((prev) => ({ ...prev, [key]: v }))} onBlur={() => setTouched((t) => ({ ...t, [key]: true }))} />
          {touched[key] && errors[key] ? <p role="alert">{errors[key]}</p> : null}
        </div>
      ))}
    </form>
  );
}

function BaselineInput(props: { id: string; spec: FieldSpec; schema: JsonSchema; value: unknown; onChange: (v: unknown) => void; onBlur: () => void }) {
  const { id, spec, value, onChange, onBlur } = props;
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return <input id={id} type="number" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} onBlur={onBlur} />;
    case 'textarea':
      return <textarea id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />;
    case 'select':
      return (
        <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value || undefined)} onBlur={onBlur}>
          <option value="" />
          {spec.options?.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label.zh}</option>)}
        </select>
      );
    case 'radio':
      return (
        <span id={id}>
          {spec.options?.map((o) => (
            <label key={String(o.value)}><input type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />{o.label.zh}</label>
          ))}
        </span>
      );
    case 'switch':
      return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'date':
      return <input id={id} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value || undefined)} onBlur={onBlur} />;
    case 'rows':
      return <textarea id={id} value={JSON.stringify(value ?? [])} readOnly />;
    default:
      return <input id={id} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />;
  }
}
