/**
 * Form data types inferred from a definition's schema with json-schema-to-ts, so code that reads
 * submitted data (guards, calculations) is checked against the form it came from.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { FormDefinition } from './types.js';

/** A definition whose schema type is kept literally (write the definition `as const`-free via `defineForm`). */
export type TypedFormDefinition<S extends JSONSchema> = Omit<FormDefinition, 'schema'> & { schema: S };

/** The data a form produces. */
export type FormData<D> = D extends TypedFormDefinition<infer S> ? FromSchema<S> : Record<string, unknown>;

/**
 * Identity at run time; at compile time it keeps the schema's literal type (a `const` type
 * parameter, so no `as const` is needed at the call site) for `FormData<typeof form>`.
 */
export function defineForm<const S extends JSONSchema>(definition: TypedFormDefinition<S>): TypedFormDefinition<S> {
  return definition;
}
