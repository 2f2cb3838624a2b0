/** React bindings: one controller per mounted form, one subscription per field. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createFormController, type FieldState, type FormController, type FormControllerOptions } from '../controller/formController.js';
import type { FormDefinition } from '../definition/types.js';

/** The controller for `definition`, created once per definition and field permissions (either changing makes a new one). */
export function useFormController(definition: FormDefinition, options: FormControllerOptions = {}): FormController {
  // Permissions compared by content: a host may build the object anew on every render.
  const accessKey = options.access ? JSON.stringify(options.access) : '';
  const [state, setState] = useState(() => ({ definition, accessKey, controller: createFormController(definition, options) }));
  if (state.definition !== definition || state.accessKey !== accessKey) {
    const next = { definition, accessKey, controller: createFormController(definition, options) };
    setState(next);
    return next.controller;
  }
  return state.controller;
}

/** The field's own slice: a component using it re-renders only when that slice changes. */
export function useField(controller: FormController, key: string): FieldState {
  return useSyncExternalStore(
    (listener) => controller.subscribe(key, listener),
    () => controller.getField(key),
    () => controller.getField(key),
  );
}

/** Calls `onChange` with the form's values after every change (not on mount). */
export function useValuesListener(controller: FormController, onChange: ((values: Record<string, unknown>) => void) | undefined): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => controller.subscribeAll(() => latest.current?.({ ...controller.getValues() })), [controller]);
}
