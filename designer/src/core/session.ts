/**
 * The designer session: one small external store (state + command stack) with subscribe/getSnapshot,
 * framework-free. React binds to it with useSyncExternalStore and per-slice selectors, so editing one
 * field's label wakes only the components whose selected slice changed.
 */
import type { FormDefinition } from '@nongan/forms';
import { emptyStack, executeCommand, redo, undo, type CommandStack } from './commandStack.js';
import { DesignerError, type Command, type DesignerState, type VariantDraft } from './types.js';

export interface DesignerSnapshot {
  state: DesignerState;
  stack: CommandStack;
  /** Counts every change; autosave and tests use it. */
  revision: number;
}

export interface DesignerSession {
  getSnapshot(): DesignerSnapshot;
  subscribe(listener: () => void): () => void;
  /** Run an undoable edit; throws DesignerError (state unchanged) when the edit does not apply. */
  execute(command: Command, options?: { coalesce?: string | undefined }): void;
  undo(): boolean;
  redo(): boolean;
  /** Selection is view state: not undoable by itself. */
  select(selection: string | null): void;
  /** Open another document: clears the undo history. */
  open(definition: FormDefinition, variant?: VariantDraft | null): void;
}

export function blankForm(id = 'new-form'): FormDefinition {
  return { id, version: '1.0.0', title: { zh: '新表单', en: 'New form' }, schema: { type: 'object', properties: {} }, fields: {}, layout: { type: 'section', children: [] } };
}

/**
 * The minimal shape a document needs to be edited at all. A draft may be mid-edit and fail
 * validateDefinition (the designer shows why); it may not be something else altogether.
 */
export function assertEditable(definition: unknown): asserts definition is FormDefinition {
  const d = definition as Partial<FormDefinition> | null;
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const ok =
    isObj(d) &&
    typeof d!.id === 'string' &&
    typeof d!.version === 'string' &&
    isObj(d!.title) &&
    isObj(d!.schema) &&
    isObj(d!.schema!.properties ?? {}) &&
    isObj(d!.fields) &&
    isObj(d!.layout) &&
    typeof (d!.layout as { type?: unknown }).type === 'string';
  if (!ok) throw new DesignerError('不是可编辑的表单定义（需要 id、version、title、schema、fields、layout）', 'not an editable form definition (id, version, title, schema, fields, layout are needed)');
}

export function createDesignerSession(definition: FormDefinition = blankForm(), variant: VariantDraft | null = null): DesignerSession {
  assertEditable(definition);
  let snapshot: DesignerSnapshot = { state: { definition, selection: null, variant }, stack: emptyStack, revision: 0 };
  const listeners = new Set<() => void>();
  const set = (state: DesignerState, stack: CommandStack) => {
    snapshot = { state, stack, revision: snapshot.revision + 1 };
    for (const listener of [...listeners]) listener();
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    execute(command, options) {
      if (!command || typeof command.execute !== 'function' || typeof command.revert !== 'function') {
        throw new DesignerError('不是有效的编辑命令', 'not a designer command');
      }
      const next = executeCommand(snapshot.state, snapshot.stack, command, options?.coalesce);
      set(next.state, next.stack);
    },
    undo() {
      const next = undo(snapshot.state, snapshot.stack);
      if (next) set(next.state, next.stack);
      return next !== null;
    },
    redo() {
      const next = redo(snapshot.state, snapshot.stack);
      if (next) set(next.state, next.stack);
      return next !== null;
    },
    select(selection) {
      if (selection === snapshot.state.selection) return;
      // A selection change ends any typing run: the next keystroke starts a new undo step.
      const { coalesce: _c, ...stack } = snapshot.stack;
      set({ ...snapshot.state, selection }, stack);
    },
    open(nextDefinition, nextVariant = null) {
      assertEditable(nextDefinition);
      set({ definition: nextDefinition, selection: null, variant: nextVariant }, emptyStack);
    },
  };
}
