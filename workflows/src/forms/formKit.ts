/**
 * A compact way to write the base forms: each field once (kind, bilingual label, schema, required),
 * turned into a plain FormDefinition (schema + fields + one-section layout). Every base form comes
 * with the lifecycle's contract for its event — the JSON Schema of what the machine reads — and a
 * sample of valid data (used by the demo seeding and the tests).
 */
import type { FieldOption, FieldSpec, FormDefinition, JsonSchema, LocalText } from '@nongan/forms';

export interface FieldDef extends Omit<FieldSpec, 'label'> {
  label: LocalText;
  schema: JsonSchema;
  required?: boolean;
}

export interface BaseForm {
  definition: FormDefinition;
  /** What the lifecycle's guards and actions read from this form's data (checked with checkContract). */
  contract: JsonSchema;
  /** Valid data for the base form and every regional variant. */
  sample: Record<string, unknown>;
}

export const BASE_VERSION = '1.0.0';

export function buildForm(id: string, title: LocalText, fields: Record<string, FieldDef>): FormDefinition {
  const properties: Record<string, JsonSchema> = {};
  const specs: Record<string, FieldSpec> = {};
  const required: string[] = [];
  for (const [key, { schema, required: isRequired, ...spec }] of Object.entries(fields)) {
    properties[key] = schema;
    specs[key] = spec;
    if (isRequired) required.push(key);
  }
  return {
    id,
    version: BASE_VERSION,
    title,
    schema: { type: 'object', properties, required, additionalProperties: false },
    fields: specs,
    layout: { type: 'section', children: Object.keys(fields).map((field) => ({ type: 'field' as const, field })) },
  };
}

/** `[value, zh, en]` triples → options. */
export function options(list: ReadonlyArray<readonly [string, string, string]>): FieldOption[] {
  return list.map(([value, zh, en]) => ({ value, label: { zh, en } }));
}

export const enumOf = (list: ReadonlyArray<readonly [string, string, string]>) => list.map(([value]) => value);

/** A contract: the listed properties must be present with these schemas. */
export function contract(required: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', required: Object.keys(required), properties: required };
}

export const label = (zh: string, en: string): LocalText => ({ zh, en });
export const dateSchema: JsonSchema = { type: 'string', format: 'date' };
export const countSchema = (max = 100_000_000): JsonSchema => ({ type: 'integer', minimum: 0, maximum: max });
export const textSchema = (min = 1, max = 2000): JsonSchema => ({ type: 'string', minLength: min, maxLength: max });
