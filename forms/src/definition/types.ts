/**
 * The form definition: what configuration staff author in the designer and what end users fill.
 * `schema` constrains the data (JSON Schema 2020-12); `fields` says how each top-level property is
 * presented (kind, bilingual label, options…); `layout` places fields; `rules` make fields visible,
 * required, read-only or computed. Everything is plain JSON so it can be stored, diffed and overlaid.
 */

import type { FieldAccessMatrix } from '../access/fieldAccess.js';

export type Locale = 'zh-CN' | 'en';

export interface LocalText {
  zh: string;
  en: string;
}

/** JSON Schema 2020-12 as plain JSON. Kept loose on purpose: Ajv and the meta-schema check it. */
export type JsonSchema = { [keyword: string]: unknown };

export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'integer',
  'select',
  'radio',
  'checkboxes',
  'switch',
  'date',
  'dateRange',
  'division',
  'attachments',
  'signature',
  'rows',
  'computed',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldOption {
  value: string | number | boolean;
  label: LocalText;
}

/** Presentation of one top-level data property. The property's constraints live in `schema`. */
export interface FieldSpec {
  kind: FieldKind;
  label: LocalText;
  help?: LocalText;
  placeholder?: LocalText;
  /** Unit shown after a number (头, 只, kg, 元). */
  unit?: LocalText;
  /** For select / radio / checkboxes (the schema's `enum` must list the same values). */
  options?: FieldOption[];
  /** Named dictionary the options come from (e.g. `species`), resolved by the host. */
  optionsFrom?: string;
  /** division: the deepest administrative level asked for. */
  divisionLevel?: 'province' | 'city' | 'county' | 'township';
  /** attachments: accepted MIME types and limits. */
  accept?: string[];
  maxFiles?: number;
  maxFileBytes?: number;
  /** rows: presentation of the item object's properties (schema: array of objects). */
  columns?: Record<string, FieldSpec>;
  /** Grid width in columns of the enclosing `columns` layout (1 = one column). */
  width?: number;
  readOnly?: boolean;
}

export type LayoutNode =
  | { type: 'field'; field: string }
  | { type: 'section'; title?: LocalText; children: LayoutNode[] }
  | { type: 'columns'; columns: number; children: LayoutNode[] }
  | { type: 'tabs'; tabs: Array<{ title: LocalText; children: LayoutNode[] }> }
  | { type: 'steps'; steps: Array<{ title: LocalText; children: LayoutNode[] }> };

/**
 * JsonLogic expression (https://jsonlogic.com): `{ "==": [{ "var": "species" }, "pig"] }`. `var`
 * names a top-level field key (or `key.0.sub` into rows). Evaluated by json-logic-js, never eval'd.
 */
export type Expression = unknown;

export interface FieldRules {
  visibleIf?: Expression;
  requiredIf?: Expression;
  readOnlyIf?: Expression;
  /** The field's value is computed from other fields; the user cannot edit it. */
  compute?: Expression;
}

export interface FormDefinition {
  id: string;
  /** Semantic-ish version string; a published version is immutable. */
  version: string;
  title: LocalText;
  /** `type: 'object'` with `properties`; every property has a `fields` entry and vice versa. */
  schema: JsonSchema;
  fields: Record<string, FieldSpec>;
  layout: LayoutNode;
  rules?: Record<string, FieldRules>;
  /** Field permissions per lifecycle step × role: `access[state][role][field]` (see access/fieldAccess.ts). */
  access?: FieldAccessMatrix;
  /** Author's error messages per locale, keyed `field.keyword` (`headCount.minimum`) or `field`; see validation/issueMessages.ts. */
  messages?: Partial<Record<Locale, Record<string, string>>>;
}

/** Where a problem is (a JSON pointer into the definition or the data) and what it is, in both languages. */
export interface Issue {
  path: string;
  message: string;
  messageZh: string;
}
