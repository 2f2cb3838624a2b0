/** One suite, every DesignerStore implementation. */
import { describe, expect, it } from 'vitest';
import { diffDocs, PublishError, startVariant, type DesignerStore, type DesignDoc } from '../../src/index.js';
import { allKindsForm } from '../fixtures.js';

export function designerStoreConformance(name: string, makeStore: () => Promise<DesignerStore>): void {
  const form = (version = '1.0.0'): DesignDoc => ({ kind: 'form', definition: { ...allKindsForm(), version } });

  describe(`DesignerStore conformance: ${name}`, () => {
    it('saves, reads, replaces and deletes drafts', async () => {
      const store = await makeStore();
      const doc = form();
      await store.saveDraft(doc);
      expect((await store.getDraft('farm-registration'))?.doc).toEqual(doc);
      const edited: DesignDoc = { kind: 'form', definition: { ...allKindsForm(), title: { zh: '改', en: 'Edited' } } };
      await store.saveDraft(edited);
      expect((await store.getDraft('farm-registration'))?.doc).toEqual(edited);
      await store.deleteDraft('farm-registration');
      expect(await store.getDraft('farm-registration')).toBeUndefined();
    });

    it('returns copies: changing a returned draft does not change the stored one', async () => {
      const store = await makeStore();
      await store.saveDraft(form());
      const draft = await store.getDraft('farm-registration');
      if (draft?.doc.kind === 'form') draft.doc.definition.title.zh = 'mutated';
      const again = await store.getDraft('farm-registration');
      expect(again?.doc.kind === 'form' && again.doc.definition.title.zh).toBe('养殖场备案登记表');
    });

    it('publishes immutable versions with effective date and note; the draft is cleared', async () => {
      const store = await makeStore();
      await store.saveDraft(form());
      const v1 = await store.publish(form(), { effectiveFrom: '2026-01-01', note: '首次发布 / first version' });
      expect(v1).toMatchObject({ docId: 'farm-registration', version: '1.0.0', effectiveFrom: '2026-01-01', note: '首次发布 / first version' });
      expect(await store.getDraft('farm-registration')).toBeUndefined();
      await expect(store.publish(form(), { effectiveFrom: '2026-02-01', note: 'overwrite' })).rejects.toThrow(PublishError);
      await expect(store.publish(form(), { effectiveFrom: '2026-02-01', note: 'overwrite' })).rejects.toThrow(/已发布/);
      expect((await store.getVersion('farm-registration', '1.0.0'))?.note).toBe('首次发布 / first version');
    });

    it('lists versions by effective date with what supersedes what, and diffs them readably', async () => {
      const store = await makeStore();
      const v2 = form('2.0.0');
      if (v2.kind === 'form') v2.definition.fields.farmName!.label = { zh: '养殖场（单位）名称', en: 'Farm (entity) name' };
      await store.publish(v2, { effectiveFrom: '2026-07-01', note: '改名 / renamed' });
      await store.publish(form(), { effectiveFrom: '2026-01-01', note: 'v1' });
      const list = await store.listVersions('farm-registration');
      expect(list.map((v) => [v.version, v.supersededBy])).toEqual([
        ['1.0.0', '2.0.0'],
        ['2.0.0', null],
      ]);
      const changes = diffDocs(list[0]!.doc, list[1]!.doc);
      expect(changes.map((c) => c.textZh)).toEqual([
        '修改 version："1.0.0" → "2.0.0"',
        '修改 fields.farmName.label.zh："养殖场名称" → "养殖场（单位）名称"',
        '修改 fields.farmName.label.en："Farm name" → "Farm (entity) name"',
      ]);
      expect(changes[1]?.text).toBe('changed fields.farmName.label.zh: "养殖场名称" → "养殖场（单位）名称"');
    });

    it('refuses invalid publications: broken form, bad date, empty note', async () => {
      const store = await makeStore();
      const broken = form();
      if (broken.kind === 'form') broken.definition.layout = { type: 'section', children: [{ type: 'field', field: 'ghost' }] };
      await expect(store.publish(broken, { effectiveFrom: '2026-01-01', note: 'x' })).rejects.toThrow(/ghost/);
      await expect(store.publish(form(), { effectiveFrom: '2026-13-01', note: 'x' })).rejects.toThrow(/YYYY-MM-DD/);
      await expect(store.publish(form(), { effectiveFrom: '2026-01-01', note: ' ' })).rejects.toThrow(/变更说明/);
      expect(await store.listVersions('farm-registration')).toEqual([]);
    });

    it('stores variants next to forms and lists all documents', async () => {
      const store = await makeStore();
      await store.publish(form(), { effectiveFrom: '2026-01-01', note: 'base' });
      const draft = startVariant(allKindsForm(), 'beijing');
      const variant: DesignDoc = { kind: 'variant', variant: { ...draft.variant, overlay: { hide: ['address'] } } };
      await store.saveDraft(variant);
      expect(await store.listDocuments()).toEqual([
        { docId: 'farm-registration', kind: 'form', title: allKindsForm().title, region: null, hasDraft: false, latestVersion: '1.0.0' },
        { docId: 'farm-registration-beijing', kind: 'variant', title: { zh: 'farm-registration（beijing）', en: 'farm-registration (beijing)' }, region: 'beijing', hasDraft: true, latestVersion: null },
      ]);
      await store.publish(variant, { effectiveFrom: '2026-03-01', note: '北京 / Beijing' });
      expect((await store.getVersion('farm-registration-beijing', '1.0.0'))?.doc).toEqual(variant);
    });
  });
}
