/**
 * Drafts autosave: after each change of the open document (not of the selection), save it to the
 * store once the edits pause for `debounceMs`. `flush()` saves now (on unmount, before publishing).
 */
import type { DesignerSession } from '../core/session.js';
import { documentOf } from '../core/publishCheck.js';
import type { DesignerStore } from './types.js';

export interface AutosaveHandle {
  flush(): Promise<void>;
  stop(): void;
}

export function autosaveSession(session: DesignerSession, store: DesignerStore, options: { debounceMs?: number; onError?: (error: unknown) => void } = {}): AutosaveHandle {
  const debounceMs = options.debounceMs ?? 500;
  let last = session.getSnapshot().state;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    timer = undefined;
    if (!pending) return saving;
    pending = false;
    const doc = documentOf(session.getSnapshot().state);
    saving = saving.then(() => store.saveDraft(doc)).then(
      () => undefined,
      (error: unknown) => options.onError?.(error),
    );
    return saving;
  };
  const unsubscribe = session.subscribe(() => {
    const state = session.getSnapshot().state;
    if (state.definition === last.definition && state.variant?.variant === last.variant?.variant) return;
    const opened = state.variant?.variant.id !== last.variant?.variant.id || state.definition.id !== last.definition.id;
    last = state;
    if (opened && session.getSnapshot().stack.done.length === 0) return; // opening a document is not an edit
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  });
  return {
    flush() {
      if (timer) clearTimeout(timer);
      return save();
    },
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
