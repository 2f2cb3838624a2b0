/**
 * JSON Schema (2020-12) of a FormDefinition itself: the shape layer, checked with Ajv before the
 * semantic checks (field ↔ property pairing, kind ↔ type, layout references) in validateDefinition.
 * Objects are closed (`additionalProperties: false`) so a typo such as `lable` is an error, not a
 * silently ignored key. Layout nodes use Ajv's `discriminator` on `type`, so a bad node reports the
 * errors of its own node type only, not of all five alternatives.
 */
import { FIELD_KINDS } from './types.js';
import { FIELD_ACCESS } from '../access/fieldAccess.js';

const localText = {
  type: 'object',
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
  required: ['zh', 'en'],
  additionalProperties: false,
} as const;

const layoutList = { type: 'array', items: { $ref: '#/$defs/layoutNode' } } as const;

/** A titled page of a tabs / steps node. */
const page = {
  type: 'object',
  properties: { title: { $ref: '#/$defs/localText' }, children: layoutList },
  required: ['title', 'children'],
  additionalProperties: false,
} as const;

export const LAYOUT_NODE_TYPES = ['field', 'section', 'columns', 'tabs', 'steps'] as const;

export const definitionMetaSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://nongan.local/schemas/form-definition.json',
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'string', minLength: 1, maxLength: 100 },
    title: { $ref: '#/$defs/localText' },
    // Only the container shape here; the data schema is checked against the 2020-12 meta-schema later.
    schema: { type: 'object' },
    fields: { type: 'object', additionalProperties: { $ref: '#/$defs/fieldSpec' } },
    layout: { $ref: '#/$defs/layoutNode' },
    rules: { type: 'object', additionalProperties: { $ref: '#/$defs/fieldRules' } },
    // state → role → field → mode; which fields exist is checked with the other field references.
    access: {
      type: 'object',
      maxProperties: 200,
      propertyNames: { minLength: 1, maxLength: 200 },
      additionalProperties: {
        type: 'object',
        maxProperties: 100,
        propertyNames: { minLength: 1, maxLength: 100 },
        additionalProperties: { type: 'object', additionalProperties: { enum: [...FIELD_ACCESS] } },
      },
    },
    messages: {
      type: 'object',
      properties: {
        'zh-CN': { $ref: '#/$defs/messageTable' },
        en: { $ref: '#/$defs/messageTable' },
      },
      additionalProperties: false,
    },
  },
  required: ['id', 'version', 'title', 'schema', 'fields', 'layout'],
  additionalProperties: false,
  $defs: {
    localText,
    messageTable: { type: 'object', additionalProperties: { type: 'string' } },
    fieldSpec: {
      type: 'object',
      properties: {
        kind: { enum: [...FIELD_KINDS] },
        label: { $ref: '#/$defs/localText' },
        help: { $ref: '#/$defs/localText' },
        placeholder: { $ref: '#/$defs/localText' },
        unit: { $ref: '#/$defs/localText' },
        options: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              value: { type: ['string', 'number', 'boolean'] },
              label: { $ref: '#/$defs/localText' },
            },
            required: ['value', 'label'],
            additionalProperties: false,
          },
        },
        optionsFrom: { type: 'string', minLength: 1 },
        divisionLevel: { enum: ['province', 'city', 'county', 'township'] },
        accept: { type: 'array', items: { type: 'string', minLength: 1 } },
        maxFiles: { type: 'integer', minimum: 1 },
        maxFileBytes: { type: 'integer', minimum: 1 },
        columns: { type: 'object', additionalProperties: { $ref: '#/$defs/fieldSpec' } },
        width: { type: 'integer', minimum: 1 },
        readOnly: { type: 'boolean' },
      },
      required: ['kind', 'label'],
      additionalProperties: false,
    },
    // Expressions are JsonLogic (any JSON); their meaning is checked by the rules analyser.
    fieldRules: {
      type: 'object',
      properties: { visibleIf: true, requiredIf: true, readOnlyIf: true, compute: true },
      additionalProperties: false,
    },
    layoutNode: {
      type: 'object',
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: [
        {
          properties: { type: { const: 'field' }, field: { type: 'string', minLength: 1 } },
          required: ['field'],
          additionalProperties: false,
        },
        {
          properties: { type: { const: 'section' }, title: { $ref: '#/$defs/localText' }, children: layoutList },
          required: ['children'],
          additionalProperties: false,
        },
        {
          properties: { type: { const: 'columns' }, columns: { type: 'integer', minimum: 1, maximum: 24 }, children: layoutList },
          required: ['columns', 'children'],
          additionalProperties: false,
        },
        {
          properties: { type: { const: 'tabs' }, tabs: { type: 'array', minItems: 1, items: page } },
          required: ['tabs'],
          additionalProperties: false,
        },
        {
          properties: { type: { const: 'steps' }, steps: { type: 'array', minItems: 1, items: page } },
          required: ['steps'],
          additionalProperties: false,
        },
      ],
    },
  },
} as const;
