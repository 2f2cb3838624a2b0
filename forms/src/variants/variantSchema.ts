/**
 * Shape of a stored FormVariant (JSON Schema, checked with Ajv), reusing the definition
 * meta-schema's field / rules / text definitions so an added field is held to the same rules.
 * Whether the overlay makes sense against its base is resolve.ts's job.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Issue } from '../definition/types.js';
import { ajvIssues, getDefinitionAjv } from '../definition/ajv.js';
import { scanJson } from '../definition/jsonScan.js';
import { definitionMetaSchema } from '../definition/metaSchema.js';

const bound = { type: 'number' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const name = { type: 'string', minLength: 1 } as const;

export const variantSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://nongan.local/schemas/form-variant.json',
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    region: { type: 'string', minLength: 1 },
    base: {
      type: 'object',
      properties: { id: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } },
      required: ['id', 'version'],
      additionalProperties: false,
    },
    overlay: {
      type: 'object',
      properties: {
        add: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { schema: { type: 'object' }, field: { $ref: '#/$defs/fieldSpec' }, required: { type: 'boolean' }, after: name },
            required: ['schema', 'field'],
            additionalProperties: false,
          },
        },
        hide: { type: 'array', items: name, uniqueItems: true },
        relabel: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              label: { $ref: '#/$defs/localText' },
              help: { $ref: '#/$defs/localText' },
              placeholder: { $ref: '#/$defs/localText' },
              unit: { $ref: '#/$defs/localText' },
            },
            additionalProperties: false,
          },
        },
        move: {
          type: 'array',
          items: { type: 'object', properties: { field: name, after: name }, required: ['field', 'after'], additionalProperties: false },
        },
        tighten: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              minimum: bound, maximum: bound, minLength: count, maxLength: count, pattern: { type: 'string' },
              minItems: count, maxItems: count, required: { const: true },
            },
            additionalProperties: false,
          },
        },
        options: { type: 'object', additionalProperties: definitionMetaSchema.$defs.fieldSpec.properties.options },
        rules: { type: 'object', additionalProperties: { $ref: '#/$defs/fieldRules' } },
        access: definitionMetaSchema.properties.access,
        title: { $ref: '#/$defs/localText' },
      },
      additionalProperties: false,
    },
  },
  required: ['id', 'version', 'region', 'base', 'overlay'],
  additionalProperties: false,
  $defs: {
    localText: definitionMetaSchema.$defs.localText,
    fieldSpec: definitionMetaSchema.$defs.fieldSpec,
    fieldRules: definitionMetaSchema.$defs.fieldRules,
  },
} as const;

let validator: ValidateFunction | undefined;

/** Issues for a variant that is not plain bounded JSON or does not have the FormVariant shape. */
export function checkVariantShape(variant: unknown): Issue[] {
  const scanned = scanJson(variant);
  if (scanned.length) return scanned;
  validator ??= getDefinitionAjv().compile(variantSchema);
  return validator(variant) ? [] : ajvIssues(validator.errors, '', variant);
}
