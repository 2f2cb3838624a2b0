/** Public API of regional variants: resolve, rebase, contract check, and their types. */
export type { AddedField, ConflictKind, FormVariant, Lineage, Overlay, Relabel, ResolvedVariant, Tightening } from './types.js';
export { VariantError } from './variantError.js';
export { resolveVariant } from './resolve.js';
export { rebaseVariant, type RebaseConflict, type RebaseResult } from './rebase.js';
export { checkContract, type ContractResult } from './contract.js';
export { variantSchema, checkVariantShape } from './variantSchema.js';
