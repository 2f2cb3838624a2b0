/**
 * Regional variants: a region's form is the province's base form plus a small JSON overlay, so a
 * new base version can be adopted by rebasing the overlay instead of re-authoring five forms.
 * Everything here is plain JSON (stored, diffed, reviewed like the definitions).
 */
import type { FieldAccessMatrix } from '../access/fieldAccess.js';
import type { FieldOption, FieldRules, FieldSpec, FormDefinition, JsonSchema, LocalText } from '../definition/types.js';

/** A field the region adds. `after` names the field it follows in the layout (base or added). */
export interface AddedField {
  schema: JsonSchema;
  field: FieldSpec;
  required?: boolean;
  after?: string;
}

/** Constraint tightenings. Each must be at least as strict as the base; looser is an error. */
export interface Tightening {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Only where the base has no pattern (or the same one): two regexes cannot be compared. */
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  required?: true;
}

export type Relabel = Partial<Pick<FieldSpec, 'label' | 'help' | 'placeholder' | 'unit'>>;

export interface Overlay {
  add?: Record<string, AddedField>;
  hide?: string[];
  relabel?: Record<string, Relabel>;
  move?: Array<{ field: string; after: string }>;
  tighten?: Record<string, Tightening>;
  /** Replaces the field's options and the schema enum (items.enum for checkboxes); drops optionsFrom. */
  options?: Record<string, FieldOption[]>;
  /** Replaces the field's whole rule set (not merged rule by rule). */
  rules?: Record<string, FieldRules>;
  /** The region's field permissions per state: each state given replaces the base's rows for that state. */
  access?: FieldAccessMatrix;
  /** Optional regional title of the resolved form. */
  title?: LocalText;
}

export interface FormVariant {
  /** The resolved definition carries this id and version. */
  id: string;
  version: string;
  region: string;
  base: { id: string; version: string };
  overlay: Overlay;
}

export type Lineage = 'inherited' | 'overridden' | 'added' | 'hidden';

export interface ResolvedVariant {
  definition: FormDefinition;
  lineage: Record<string, Lineage>;
}

export type ConflictKind = 'removed' | 'retyped' | 'constraint' | 'added-exists';
