/**
 * The built-in forms of @nongan/workflows, published into the designer's store at start-up (each
 * version once; later starts add only what a newer workflows package brings), so
 * configuration staff open and edit the real base forms and regional variants (variant ids follow the
 * designer's `<base id>-<region>` convention). They carry BUILT_IN_NOTE and are never pinned by cases:
 * they are identical to what the workflows package resolves already.
 */
import type { DesignerStore } from '@nongan/designer';
import { BASE_FORMS, REGION_IDS, REGIONAL_OVERLAYS, formIdsOfRegion, variantOf } from '@nongan/workflows';

export const BUILT_IN_NOTE = '内置表单（@nongan/workflows）/ built-in form from @nongan/workflows';
const BUILT_IN_FROM = '2020-01-01';

export async function seedDesigns(designs: DesignerStore): Promise<number> {
  let published = 0;
  const publishOnce = async (docId: string, version: string, publish: () => Promise<unknown>) => {
    if (await designs.getVersion(docId, version)) return;
    await publish();
    published += 1;
  };
  for (const [id, form] of BASE_FORMS) {
    await publishOnce(id, form.definition.version, () => designs.publish({ kind: 'form', definition: form.definition }, { effectiveFrom: BUILT_IN_FROM, note: BUILT_IN_NOTE }));
  }
  for (const region of REGION_IDS) {
    for (const formId of formIdsOfRegion(region)) {
      if (!REGIONAL_OVERLAYS[region][formId]) continue;
      const variant = { ...variantOf(region, formId), id: `${formId}-${region}` };
      await publishOnce(variant.id, variant.version, () => designs.publish({ kind: 'variant', variant }, { effectiveFrom: BUILT_IN_FROM, note: BUILT_IN_NOTE }));
    }
  }
  return published;
}
