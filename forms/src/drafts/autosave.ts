/**
 * Debounced autosave of a form controller into a draft store, and restoring a draft into new
 * controller options. A draft saved for another form version is not restored silently: the caller
 * gets it back with `stale: true` and decides.
 */
import type { FormController } from '../controller/formController.js';
import type { Draft, DraftStore } from './draftStore.js';

export interface AutosaveHandle {
  /** Saves now if a change is pending (call before navigating away). */
  flush(): Promise<void>;
  stop(): void;
}

export function autosave(controller: FormController, store: DraftStore, key: string, options: { debounceMs?: number; now?: () => number } = {}): AutosaveHandle {
  const debounceMs = options.debounceMs ?? 800;
  const now = options.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let saving: Promise<void> = Promise.resolve();

  const save = () => {
    timer = undefined;
    if (!pending) return saving;
    pending = false;
    const { id, version } = controller.definition;
    const draft: Draft = { key, formId: id, formVersion: version, value: structuredClone({ ...controller.getValues() }), savedAt: now() };
    saving = saving.then(() => store.save(draft));
    return saving;
  };
  const unsubscribe = controller.subscribeAll(() => {
    pending = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), debounceMs);
  });
  return {
    flush: () => {
      if (timer !== undefined) clearTimeout(timer);
      return save();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  };
}

export async function loadDraft(store: DraftStore, key: string, definition: { id: string; version: string }): Promise<{ value: Record<string, unknown>; stale: boolean; savedAt: number } | undefined> {
  const draft = await store.load(key);
  if (!draft || draft.formId !== definition.id) return undefined;
  return { value: draft.value, stale: draft.formVersion !== definition.version, savedAt: draft.savedAt };
}
