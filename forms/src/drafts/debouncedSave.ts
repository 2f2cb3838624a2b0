/**
 * The timing of every autosave (form drafts, designer drafts): after a change, write once the changes
 * pause for `debounceMs`; writes never overlap; `flush()` writes a pending change now. A failed write
 * goes to `onError` when given (else to the caller awaiting it) and does not stop later writes.
 */
export interface DebouncedSave {
  /** Something changed: (re)start the pause. */
  changed(): void;
  /** Writes now if a change is pending; resolves when every write so far has finished. */
  flush(): Promise<void>;
  /** Drops a pending write (after `flush` if it must not be lost). */
  cancel(): void;
}

export function createDebouncedSave(write: () => Promise<void>, options: { debounceMs: number; onError?: (error: unknown) => void }): DebouncedSave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let saving: Promise<void> = Promise.resolve();
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const save = (): Promise<void> => {
    stopTimer();
    if (!pending) return saving;
    pending = false;
    const next = saving.catch(() => undefined).then(write);
    saving = options.onError ? next.catch(options.onError) : next;
    return saving;
  };
  return {
    changed() {
      pending = true;
      stopTimer();
      timer = setTimeout(() => void save().catch(() => undefined), options.debounceMs);
    },
    flush: save,
    cancel: stopTimer,
  };
}
