/**
 * Hard limits for untrusted definitions. Definitions arrive from storage, imports and the
 * designer; these bounds keep every check linear and stack-safe whatever the input looks like.
 */

/** Largest definition accepted, in bytes of (compact) UTF-8 JSON. Real forms are < 300 kB. */
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

/**
 * Deepest JSON nesting accepted. A realistic form (tabs → section → columns → field, rows with
 * nested item schemas) stays under 20; 64 leaves room while keeping recursive checks stack-safe.
 */
export const MAX_DEFINITION_DEPTH = 64;

/** Keys that could pollute prototypes when the definition is later merged or indexed. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Stop collecting after this many issues so a garbage input cannot produce a garbage-sized report. */
export const MAX_ISSUES = 200;
