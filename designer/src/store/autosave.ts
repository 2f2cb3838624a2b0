/**
 * Drafts autosave: after each change of the open document (not of the selection), save it to the
 * store once the edits pause for `debounceMs`. `flush()` saves now (on unmount, before publishing).
 */
import type { DesignerSession } from '../core/session.js';
import { documentOf } from '../core/publishCheck.js';
import { createDebouncedSave } from '@nongan/forms';
import type { DesignerStore } from './types.js';

export interface AutosaveHandle {
  flush(): Promise<void>;
  stop(): void;
}

export function autosaveSession(session: DesignerSession, store: DesignerStore, options: { debounceMs?: number; onError?: (error: unknown) => void } = {}): AutosaveHandle {
  let last = session.getSnapshot().state;
  const saver = createDebouncedSave(() => store.saveDraft(documentOf(session.getSnapshot().state)).then(() => undefined), {
    debounceMs: options.debounceMs ?? 500,
    onError: options.onError ?? (() => undefined),
  });
  const unsubscribe = session.subscribe(() => {
    const state = session.getSnapshot().state;
    if (state.definition === last.definition && state.variant?.variant === last.variant?.variant) return;
    const opened = state.variant?.variant.id !== last.variant?.variant.id || state.definition.id !== last.definition.id;
    last = state;
    if (opened && session.getSnapshot().stack.done.length === 0) return; // opening a document is not an edit
    saver.changed();
  });
  return {
    flush: saver.flush,
    stop() {
      saver.cancel();
      unsubscribe();
    },
  };
}
