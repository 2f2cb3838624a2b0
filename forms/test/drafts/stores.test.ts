/** Draft and attachment stores: one suite each, run against the memory and the Dexie implementation. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createDexieAttachmentStore,
  createDexieDraftStore,
  createMemoryAttachmentStore,
  createMemoryDraftStore,
  type AttachmentStore,
  type DraftStore,
} from '../../src/index.js';

const fresh = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const draftStores: Array<[string, () => DraftStore]> = [
  ['memory', createMemoryDraftStore],
  ['dexie', () => createDexieDraftStore(fresh())],
];
const attachmentStores: Array<[string, () => AttachmentStore]> = [
  ['memory', createMemoryAttachmentStore],
  ['dexie', () => createDexieAttachmentStore(fresh())],
];

describe.each(draftStores)('draft store (%s)', (_, make) => {
  it('saves, loads a copy, replaces and removes drafts', async () => {
    const store = make();
    const draft = { key: 'farm-1', formId: 'application', formVersion: '1.0.0', value: { farmName: '济源养殖场' }, savedAt: 1 };
    await store.save(draft);
    const loaded = await store.load('farm-1');
    expect(loaded).toEqual(draft);
    loaded!.value.farmName = 'changed';
    expect((await store.load('farm-1'))?.value.farmName).toBe('济源养殖场');
    await store.save({ ...draft, value: { farmName: '伊川' }, savedAt: 2 });
    expect((await store.load('farm-1'))?.savedAt).toBe(2);
    await store.remove('farm-1');
    expect(await store.load('farm-1')).toBeUndefined();
  });
});

describe.each(attachmentStores)('attachment store (%s)', (_, make) => {
  it('keeps the Blob and hands out a small reference', async () => {
    const store = make();
    const file = Object.assign(new Blob(['检测报告'], { type: 'application/pdf' }), { name: '报告.pdf' });
    const ref = await store.put(file);
    expect(ref).toMatchObject({ name: '报告.pdf', type: 'application/pdf', size: file.size });
    expect(await (await store.get(ref.id))?.text()).toBe('检测报告');
    await store.remove(ref.id);
    expect(await store.get(ref.id)).toBeUndefined();
  });
});
