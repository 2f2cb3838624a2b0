import { describe, expect, it } from 'vitest';
import { autosaveSession, createMemoryDesignerStore, updateField } from '../../src/index.js';
import { buildFarmForm } from '../fixtures.js';

describe('autosave', () => {
  it('saves the draft after edits, not after selection changes', async () => {
    const store = createMemoryDesignerStore();
    const session = buildFarmForm();
    const handle = autosaveSession(session, store, { debounceMs: 60_000 });
    session.select('farmName');
    await handle.flush();
    expect(await store.getDraft('farm')).toBeUndefined();
    session.execute(updateField('farmName', { label: { zh: '场名', en: 'Name' } }));
    await handle.flush();
    const draft = await store.getDraft('farm');
    expect(draft?.doc.kind === 'form' && draft.doc.definition.fields.farmName?.label.zh).toBe('场名');
    handle.stop();
  });
});
