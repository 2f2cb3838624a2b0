/** The shared autosave timing: one write after changes pause, flush writes now, a failure does not stop later writes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDebouncedSave } from '../../src/drafts/debouncedSave.js';

afterEach(() => void vi.useRealTimers());

describe('createDebouncedSave', () => {
  it('writes once after a burst of changes, and flush writes a pending change at once', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => undefined);
    const saver = createDebouncedSave(write, { debounceMs: 100 });
    saver.changed();
    await vi.advanceTimersByTimeAsync(60);
    saver.changed();
    await vi.advanceTimersByTimeAsync(60);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(write).toHaveBeenCalledTimes(1);
    saver.changed();
    await saver.flush();
    expect(write).toHaveBeenCalledTimes(2);
    await saver.flush();
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('reports a failed write and still makes the next one', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: number[] = [];
    const saver = createDebouncedSave(
      async () => {
        if (fail) throw new Error('quota exceeded');
        written.push(1);
      },
      { debounceMs: 10, onError: (e) => errors.push(e) },
    );
    saver.changed();
    await saver.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    saver.changed();
    await saver.flush();
    expect(written).toEqual([1]);
  });

  it('without onError, the caller awaiting flush gets the failure', async () => {
    const saver = createDebouncedSave(async () => Promise.reject(new Error('disk full')), { debounceMs: 10 });
    saver.changed();
    await expect(saver.flush()).rejects.toThrow('disk full');
  });
});
