/** Public API of form definitions: types, the validation gate, limits and the meta-schema. */
export * from './types.js';
export { defineForm, type FormData, type TypedFormDefinition } from './inferData.js';
export { validateDefinition, type ValidateDefinitionResult } from './validateDefinition.js';
export { definitionMetaSchema, LAYOUT_NODE_TYPES } from './metaSchema.js';
export { MAX_DEFINITION_BYTES, MAX_DEFINITION_DEPTH, FORBIDDEN_KEYS } from './limits.js';
export { FILE_REF_KEYS } from './kindShapes.js';
export { walkLayout } from './layoutCheck.js';
export { scanJson } from './jsonScan.js';
