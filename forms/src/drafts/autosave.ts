/**
 * Debounced autosave of a form controller into a draft store, and restoring a draft into new
 * controller options. A draft saved for another form version is not restored silently: the caller
 * gets it back with `stale: true` and decides.
 */
import type { FormController } from '../controller/formController.js';
import type { Draft, DraftStore } from './draftStore.js';
import { createDebouncedSave } from './debouncedSave.js';

export interface AutosaveHandle {
  /** Saves now if a change is pending (call before navigating away). */
  flush(): Promise<void>;
  stop(): void;
}

export function autosave(controller: FormController, store: DraftStore, key: string, options: { debounceMs?: number; now?: () => number } = {}): AutosaveHandle {
  const now = options.now ?? (() => Date.now());
  const saver = createDebouncedSave(
    () => {
      const { id, version } = controller.definition;
      const draft: Draft = { key, formId: id, formVersion: version, value: structuredClone({ ...controller.getValues() }), savedAt: now() };
      return store.save(draft);
    },
    { debounceMs: options.debounceMs ?? 800 },
  );
  const unsubscribe = controller.subscribeAll(saver.changed);
  return {
    flush: saver.flush,
    stop: () => {
      saver.cancel();
      unsubscribe();
    },
  };
}

export async function loadDraft(store: DraftStore, key: string, definition: { id: string; version: string }): Promise<{ value: Record<string, unknown>; stale: boolean; savedAt: number } | undefined> {
  const draft = await store.load(key);
  if (!draft || draft.formId !== definition.id) return undefined;
  return { value: draft.value, stale: draft.formVersion !== definition.version, savedAt: draft.savedAt };
}
