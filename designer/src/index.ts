/**
 * @nongan/designer: the low-code form designer. `core` and `store` are framework-free (usable in
 * Node); `<Designer>` is the React UI on top of them.
 */
export * from './core/index.js';
export * from './store/index.js';
