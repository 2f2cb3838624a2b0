/**
 * The built-in forms of @nongan/workflows, published into the designer's store at start-up (each
 * version once; later starts add only what a newer workflows package brings), so
 * configuration staff open and edit the real base forms and regional variants (variant ids follow the
 * designer's `<base id>-<region>` convention). They carry BUILT_IN_NOTE and are never pinned by cases:
 * they are identical to what the workflows package resolves already.
 */
import type { DesignDoc, DesignerStore } from '@nongan/designer';
import { BASE_FORMS, formIdsOfRegion, variantOf } from '../forms/catalog.js';
import { REGIONAL_OVERLAYS } from '../forms/regionalOverlays.js';
import { REGION_IDS } from '../regions/types.js';

export const BUILT_IN_NOTE = '内置表单（@nongan/workflows）/ built-in form from @nongan/workflows';
const BUILT_IN_FROM = '2020-01-01';

export async function seedDesigns(designs: DesignerStore): Promise<number> {
  const builtIn: Array<{ docId: string; version: string; doc: DesignDoc }> = [];
  for (const [id, form] of BASE_FORMS) builtIn.push({ docId: id, version: form.definition.version, doc: { kind: 'form', definition: form.definition } });
  for (const region of REGION_IDS) {
    for (const formId of formIdsOfRegion(region)) {
      if (!REGIONAL_OVERLAYS[region][formId]) continue;
      const variant = { ...variantOf(region, formId), id: `${formId}-${region}` };
      builtIn.push({ docId: variant.id, version: variant.version, doc: { kind: 'variant', variant } });
    }
  }
  // Every start asks which built-in versions are there: all at once, not one round trip after another.
  const present = await Promise.all(builtIn.map((b) => designs.getVersion(b.docId, b.version)));
  const missing = builtIn.filter((_, i) => !present[i]);
  for (const b of missing) await designs.publish(b.doc, { effectiveFrom: BUILT_IN_FROM, note: BUILT_IN_NOTE });
  return missing.length;
}
