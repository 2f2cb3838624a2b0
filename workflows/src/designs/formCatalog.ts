/**
 * Which form a case uses for an event: the region's built-in variant from @nongan/workflows, unless
 * configuration staff published a replacement in the designer. A new case pins the published versions
 * in force on the demo date when it starts (`pins['form:<id>']`), so publishing is used at once by new
 * cases while running cases keep the forms they started with. The engine's validator and the case view
 * read the same resolution, so what is shown is what is checked.
 */
import { toChinaDate, type Clock, type EventDataValidator, type ValidationOutcome } from '@nongan/engine';
import type { DesignerStore, VersionRecord } from '@nongan/designer';
import { createEngineValidator, resolveVariant, type FormDefinition } from '@nongan/forms';
import { BASE_FORMS, variantOf } from '../forms/catalog.js';
import { isRegionId } from '../regions/index.js';
import { formsFor } from '../runtime/regionEngine.js';
import { BUILT_IN_NOTE } from './seedDesigns.js';

export const FORM_PIN_PREFIX = 'form:';

/** The engine form id a published design replaces (a base form, or a region's variant of one). */
export function replacedFormId(record: Pick<VersionRecord, 'doc'>): { formId: string; region: string | null } {
  return record.doc.kind === 'form' ? { formId: record.doc.definition.id, region: null } : { formId: record.doc.variant.base.id, region: record.doc.variant.region };
}

/**
 * The published design in force for `formId` in `region` on `date`: the latest effective region
 * variant wins over the latest effective base form; null when neither exists. The built-in forms
 * seeded into the designer's store do not count (they are what the workflows package resolves).
 */
export function designInForce(published: readonly VersionRecord[], region: string, formId: string, date: string): VersionRecord | null {
  const effective = published.filter((r) => r.effectiveFrom <= date && r.note !== BUILT_IN_NOTE).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.publishedAt.localeCompare(a.publishedAt));
  const forRegion = effective.find((r) => {
    const target = replacedFormId(r);
    return target.formId === formId && target.region === region;
  });
  return forRegion ?? effective.find((r) => {
    const target = replacedFormId(r);
    return target.formId === formId && target.region === null;
  }) ?? null;
}

/**
 * A newly published base form keeps the region's own overlay from @nongan/workflows (Inner Mongolia's
 * 苏木/嘎查 fields stay). If the overlay no longer fits the new base (a field it relabels was removed),
 * the published base is used as it is: the designer's publish check has already held it to the
 * lifecycle's data contract.
 */
export function withRegionalOverlay(base: FormDefinition, region: string): FormDefinition {
  if (!isRegionId(region) || !BASE_FORMS.has(base.id)) return base;
  const regional = variantOf(region, base.id);
  try {
    return resolveVariant(base, { ...regional, version: `${base.version}-${region}`, base: { id: base.id, version: base.version } }).definition;
  } catch {
    return base;
  }
}

/** Where the catalogue reads published versions: a designer store, optionally with a one-query read of all. */
export type CatalogSource = Pick<DesignerStore, 'listDocuments' | 'listVersions'> & {
  allVersions?(): Promise<VersionRecord[]>;
  /** Changes whenever a version is published (a server's store: count and latest time, one small query). */
  stamp?(): Promise<string>;
};

export class FormCatalog {
  private published: VersionRecord[] = [];
  private readonly resolved = new Map<string, FormDefinition>();
  private stamp: string | undefined;

  constructor(
    private readonly designs: CatalogSource,
    private readonly clock: Clock,
  ) {}

  /** Re-reads the published versions (after a publish or an import). */
  async reload(): Promise<void> {
    this.stamp = await this.designs.stamp?.();
    let all: VersionRecord[];
    if (this.designs.allVersions) all = await this.designs.allVersions();
    else {
      all = [];
      for (const doc of await this.designs.listDocuments()) all.push(...(await this.designs.listVersions(doc.docId)));
    }
    this.published = all;
    this.resolved.clear();
  }

  /** Re-reads only when the source says something was published since (or always, without a stamp). */
  async refresh(): Promise<void> {
    if (!this.designs.stamp || (await this.designs.stamp()) !== this.stamp) await this.reload();
  }

  /**
   * Re-reads when `pins` name a published version this catalogue has not seen (someone else published
   * it: another browser, another server process), so a case is never shown or checked without its form.
   * True when it re-read.
   */
  async ensure(pins: Readonly<Record<string, string>>): Promise<boolean> {
    const known = new Set(this.published.map((r) => `${r.docId}@${r.version}`));
    const unseen = Object.entries(pins).some(([key, value]) => key.startsWith(FORM_PIN_PREFIX) && !known.has(value));
    if (unseen) await this.reload();
    return unseen;
  }

  /** Pins for a new case of `region`: the published replacements in force today, by engine form id. */
  pinsForNewCase(region: string): Record<string, string> {
    const date = toChinaDate(this.clock.now());
    const pins: Record<string, string> = {};
    for (const formId of formsFor(region).keys()) {
      const record = designInForce(this.published, region, formId, date);
      if (record) pins[`${FORM_PIN_PREFIX}${formId}`] = `${record.docId}@${record.version}`;
    }
    return pins;
  }

  /** The definition a case of `region` with `pins` uses for `formId`. */
  definition(region: string, formId: string, pins: Readonly<Record<string, string>> = {}): FormDefinition | undefined {
    const pinned = pins[`${FORM_PIN_PREFIX}${formId}`];
    if (pinned === undefined) return formsFor(region).get(formId);
    const cached = this.resolved.get(`${region}|${pinned}`);
    if (cached) return cached;
    const record = this.published.find((r) => `${r.docId}@${r.version}` === pinned);
    const definition = record ? this.resolve(record, region) : undefined;
    if (definition) this.resolved.set(`${region}|${pinned}`, definition);
    return definition;
  }

  /** The definition of a start form for a new case (what `pinsForNewCase` would pin). */
  startDefinition(region: string, formId: string): FormDefinition | undefined {
    return this.definition(region, formId, this.pinsForNewCase(region));
  }

  private resolve(record: VersionRecord, region: string): FormDefinition | undefined {
    if (record.doc.kind === 'form') return withRegionalOverlay(record.doc.definition, region);
    const { variant } = record.doc;
    const publishedBase = this.published.find((r) => r.doc.kind === 'form' && r.doc.definition.id === variant.base.id && r.doc.definition.version === variant.base.version);
    const base = publishedBase?.doc.kind === 'form' ? publishedBase.doc.definition : BASE_FORMS.get(variant.base.id)?.definition;
    if (!base || base.version !== variant.base.version) return undefined;
    try {
      return resolveVariant(base, variant).definition;
    } catch {
      // An unresolvable variant is shown as a missing form and refused by the validator, never half-applied.
      return undefined;
    }
  }

  /**
   * Wraps the region validator: rule refusals it gives (path '') stand; field checks of a replaced
   * form are done against the replacement the case pinned.
   */
  validator(regionValidate: EventDataValidator): EventDataValidator {
    const checkReplacement = createEngineValidator(({ form, region, pins }) => this.definition(region, form.id, pins));
    return async (form, data, context) => {
      if (context.pins[`${FORM_PIN_PREFIX}${form.id}`] === undefined) return regionValidate(form, data, context);
      await this.ensure(context.pins);
      const regional = await regionValidate(form, data, context);
      if (!regional.ok && regional.issues.some((issue) => issue.path === '')) return regional;
      return (await checkReplacement(form, data, context)) as ValidationOutcome;
    };
  }
}
