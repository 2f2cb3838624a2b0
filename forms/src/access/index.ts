export { FIELD_ACCESS, FIELD_ACCESS_LABELS, accessAt, withheldFields, type AccessPlace, type FieldAccess, type FieldAccessMatrix } from './fieldAccess.js';
export { withholdData } from './withholdData.js';
