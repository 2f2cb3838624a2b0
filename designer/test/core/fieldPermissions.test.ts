/** Field permissions in the designer's core: one undoable cell at a time, on a base form and on a variant. */
import { describe, expect, it } from 'vitest';
import { accessAt, validateDefinition } from '@nongan/forms';
import { cellMode, createDesignerSession, DesignerError, permissionsOf, resolveDraft, setFieldAccess, startVariant } from '../../src/index.js';
import { allKindsForm } from '../fixtures.js';

describe('field permissions: the matrix editor core', () => {
  it('sets a cell, stores only what differs from what it inherits, undoes and redoes', () => {
    const s = createDesignerSession(allKindsForm());
    s.execute(setFieldAccess('*', 'producer', 'mobile', 'hidden'));
    s.execute(setFieldAccess('review', 'supervision', 'farmName', 'readOnly'));
    // A step of the producer's that should show the mobile after all: an explicit 'editable' is stored.
    s.execute(setFieldAccess('returned', 'producer', 'mobile', 'editable'));
    const definition = s.getSnapshot().state.definition;
    expect(definition.access).toEqual({
      '*': { producer: { mobile: 'hidden' } },
      review: { supervision: { farmName: 'readOnly' } },
      returned: { producer: { mobile: 'editable' } },
    });
    expect(validateDefinition(definition).ok).toBe(true);
    expect(cellMode(definition.access!, 'review', 'producer', 'mobile')).toBe('hidden');
    expect(cellMode(definition.access!, 'returned', 'producer', 'mobile')).toBe('editable');
    // Setting a cell back to what it inherits removes the entry (and the empty step with it).
    s.execute(setFieldAccess('review', 'supervision', 'farmName', 'editable'));
    expect(s.getSnapshot().state.definition.access!.review).toBeUndefined();
    s.undo();
    expect(s.getSnapshot().state.definition.access!.review).toEqual({ supervision: { farmName: 'readOnly' } });
    s.undo();
    s.undo();
    s.undo();
    expect(s.getSnapshot().state.definition.access).toBeUndefined();
    s.redo();
    expect(s.getSnapshot().state.definition.access).toEqual({ '*': { producer: { mobile: 'hidden' } } });
  });

  it('refuses a field the form does not have and a mode it does not know, in both languages', () => {
    const s = createDesignerSession(allKindsForm());
    expect(() => s.execute(setFieldAccess('*', 'producer', 'noSuchField', 'hidden'))).toThrow(DesignerError);
    expect(() => s.execute(setFieldAccess('*', 'producer', 'mobile', 'secret' as never))).toThrow(/未知的字段权限/);
  });

  it('on a regional variant, edits the overlay row of that step only, starting from the base row', () => {
    const base = { ...allKindsForm(), access: { review: { supervision: { farmName: 'readOnly' as const, uscc: 'required' as const } } } };
    const s = createDesignerSession(base, startVariant(base, 'beijing'));
    s.execute(setFieldAccess('review', 'supervision', 'uscc', 'editable'));
    const draft = s.getSnapshot().state.variant!;
    expect(draft.variant.overlay.access).toEqual({ review: { supervision: { farmName: 'readOnly' } } });
    const resolved = resolveDraft(draft);
    expect(resolved.ok).toBe(true);
    if (resolved.ok) expect(accessAt(resolved.definition.access, { state: 'review', role: 'supervision' })).toEqual({ farmName: 'readOnly' });
    expect(permissionsOf(s.getSnapshot().state).review).toEqual({ supervision: { farmName: 'readOnly' } });
    // The base form itself is untouched.
    expect(s.getSnapshot().state.definition.access).toEqual(base.access);
  });
});
