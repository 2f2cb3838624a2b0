/**
 * Request validation with Ajv, split by request part: bodies are JSON and are checked as sent (a
 * string is not turned into a number, nothing is coerced), while path and query parameters arrive as
 * text and are coerced to the types their schemas declare (`?limit=20` → 20).
 */
import Ajv, { type Options } from 'ajv';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const forBodies = new Ajv({ ...common, coerceTypes: false });
  const forText = new Ajv({ ...common, coerceTypes: 'array' });
  return ({ schema, httpPart }) => (httpPart === 'body' ? forBodies : forText).compile(schema as object);
}
